/**
 * The legal aid code lists (categories of law, matter types, outcome and stage codes, equality
 * monitoring, field formats) are data: JSON files in backend/data/legal-aid, each naming its public
 * source and the day it was read (docs/legal-aid-codes.md). An organisation updates a list by
 * editing its file, or points LEGAL_AID_CODES_DIR at its own copy; no code change is needed.
 * A file that does not have the expected shape is refused at load, naming the file and the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CATEGORIES, type Category } from '@deepvalue/shared';
import { REPO_ROOT } from '../config/config.js';

export const DEFAULT_LEGAL_AID_CODES_DIR = path.join(REPO_ROOT, 'backend/data/legal-aid');

export interface CodeSource {
  name: string;
  url: string;
  /** YYYY-MM-DD: the day the source was read. */
  retrieved: string;
}
export interface Code {
  code: string;
  label?: string;
}
export interface CategoryOfLaw extends Code {
  label: string;
  feeSchemeCategory?: string;
  /** The category's key in a MATTERSTARTS record of the LAA bulk load (e.g. HOU). */
  matterStartCode?: string;
  /** Deep Value's own category for a legally aided case of this category of law; null: none yet. */
  deepValueCategory: Category | null;
  /** false: not found in the sources listed (inferred). */
  verified: boolean;
}
export interface FieldFormat {
  pattern: string;
  rule: string;
}
export interface EqualityList {
  pattern: string;
  declinedCode: string;
  codes: Code[];
}
export interface LegalAidCodes {
  categories: CategoryOfLaw[];
  /** The fee codes of each category's claims (FEE_CODE); a category left out has no list. */
  feeCodes: { category: string; feeCode: Code[] }[];
  matterTypes: { category: string; matterType1: Code[]; matterType2: Code[]; source: string }[];
  outcomes: { category: string; outcome: Code[]; stageReached: Code[]; source: string }[];
  equality: { gender: EqualityList; ethnicity: EqualityList; disability: EqualityList };
  formats: Record<FormatName, FieldFormat>;
  /** The formats of matter type, outcome and stage reached codes (from their own files). */
  codeFormats: { matterType: FieldFormat; outcome: FieldFormat; stageReached: FieldFormat; feeCode: FieldFormat };
  sources: Record<string, CodeSource[]>;
}

export class LegalAidCodesError extends Error {}

const FILES = [
  'categories-of-law',
  'matter-types',
  'outcome-codes',
  'fee-codes',
  'equality-monitoring',
  'field-formats',
] as const;
const FORMATS = [
  'uniqueFileNumber',
  'accessPoint',
  'procurementArea',
  'exemptionCriteriaSatisfied',
  'officeAccountNumber',
  'caseReferenceNumber',
  'clientName',
  'clientPostcode',
  'submissionPeriod',
  'uniqueClientNumber',
] as const;
export type FormatName = (typeof FORMATS)[number];

type Json = Record<string, unknown>;

/** Reads and checks every list in `dir`; throws LegalAidCodesError naming the file and field at fault. */
export function loadLegalAidCodes(dir = DEFAULT_LEGAL_AID_CODES_DIR): LegalAidCodes {
  const read = (name: (typeof FILES)[number]) => {
    const file = path.join(dir, `${name}.json`);
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new LegalAidCodesError(`${file}: ${(error as Error).message}`);
    }
    return new Checker(file, data);
  };
  const files = Object.fromEntries(FILES.map((name) => [name, read(name)])) as Record<(typeof FILES)[number], Checker>;
  const sources = Object.fromEntries(FILES.map((name) => [name, files[name].sources()]));

  const c = files['categories-of-law'];
  const categories = c.list(c.root, 'codes').map((o, i) => {
    const p = `codes[${i}]`;
    const deepValueCategory = o.deepValueCategory ?? null;
    if (deepValueCategory !== null && !(CATEGORIES as readonly unknown[]).includes(deepValueCategory))
      c.fail(`${p}.deepValueCategory`, `must be one of ${CATEGORIES.join(', ')} or null`);
    return {
      code: c.text(o, 'code', p),
      label: c.text(o, 'label', p),
      ...(o.feeSchemeCategory !== undefined ? { feeSchemeCategory: c.text(o, 'feeSchemeCategory', p) } : {}),
      ...(o.matterStartCode !== undefined ? { matterStartCode: c.text(o, 'matterStartCode', p) } : {}),
      deepValueCategory: deepValueCategory as Category | null,
      verified: c.bool(o, 'verified', p),
    };
  });
  const known = new Set(categories.map((k) => k.code));
  const category = (checker: Checker, o: Json, p: string) => {
    const code = checker.text(o, 'category', p);
    if (!known.has(code)) checker.fail(`${p}.category`, `is not a code of categories-of-law.json (got "${code}")`);
    return code;
  };

  const m = files['matter-types'];
  const matterTypeFormat = m.format(m.root, 'format', '');
  const mtFormat = new RegExp(matterTypeFormat.pattern);
  const matterTypes = m.list(m.root, 'codes').map((o, i) => {
    const p = `codes[${i}]`;
    return {
      category: category(m, o, p),
      matterType1: m.codes(o, 'matterType1', p, mtFormat),
      matterType2: m.codes(o, 'matterType2', p, mtFormat),
      source: m.text(o, 'source', p),
    };
  });

  const oc = files['outcome-codes'];
  const ocFormat = oc.object(oc.root, 'format', '');
  const outcomeFormat = oc.format(ocFormat, 'outcome', 'format');
  const stageReachedFormat = oc.format(ocFormat, 'stageReached', 'format');
  const outcomePattern = new RegExp(outcomeFormat.pattern);
  const stagePattern = new RegExp(stageReachedFormat.pattern);
  const outcomes = oc.list(oc.root, 'codes').map((o, i) => {
    const p = `codes[${i}]`;
    return {
      category: category(oc, o, p),
      outcome: oc.codes(o, 'outcome', p, outcomePattern),
      stageReached: oc.codes(o, 'stageReached', p, stagePattern),
      source: oc.text(o, 'source', p),
    };
  });

  const fc = files['fee-codes'];
  const feeCodeFormat = fc.format(fc.root, 'format', '');
  const fcPattern = new RegExp(feeCodeFormat.pattern);
  const feeCodes = fc.list(fc.root, 'codes').map((o, i) => {
    const p = `codes[${i}]`;
    return { category: category(fc, o, p), feeCode: fc.codes(o, 'feeCode', p, fcPattern) };
  });

  const e = files['equality-monitoring'];
  const equalityList = (key: string): EqualityList => {
    const o = e.object(e.root, key, '');
    const pattern = e.text(o, 'pattern', key);
    const codes = e.codes(o, 'codes', key, new RegExp(pattern));
    const declinedCode = e.text(o, 'declinedCode', key);
    if (!codes.some((k) => k.code === declinedCode)) e.fail(`${key}.declinedCode`, 'must be one of its codes');
    return { pattern, declinedCode, codes };
  };
  const equality = {
    gender: equalityList('gender'),
    ethnicity: equalityList('ethnicity'),
    disability: equalityList('disability'),
  };

  const f = files['field-formats'];
  const formatsObject = f.object(f.root, 'formats', '');
  const formats = Object.fromEntries(
    FORMATS.map((name) => {
      const o = f.object(formatsObject, name, 'formats');
      const pattern = f.text(o, 'pattern', `formats.${name}`);
      try {
        new RegExp(pattern, 'u');
      } catch {
        f.fail(`formats.${name}.pattern`, 'is not a regular expression');
      }
      return [name, { pattern, rule: f.text(o, 'rule', `formats.${name}`) }];
    }),
  ) as Record<FormatName, FieldFormat>;

  const codeFormats = {
    matterType: matterTypeFormat,
    outcome: outcomeFormat,
    stageReached: stageReachedFormat,
    feeCode: feeCodeFormat,
  };
  return { categories, feeCodes, matterTypes, outcomes, equality, formats, codeFormats, sources };
}

/** Field checks for one file; every failure names the file and the field. */
class Checker {
  readonly root: Json;
  constructor(
    private readonly file: string,
    data: unknown,
  ) {
    if (!isObject(data)) this.fail('', 'must be a JSON object');
    this.root = data as Json;
  }
  fail(at: string, message: string): never {
    throw new LegalAidCodesError(`${this.file}: ${at || '(top level)'} ${message}`);
  }
  text(o: Json, key: string, at: string): string {
    const v = o[key];
    if (typeof v !== 'string' || v.length === 0) this.fail(join(at, key), 'must be a non-empty string');
    return v as string;
  }
  bool(o: Json, key: string, at: string): boolean {
    if (typeof o[key] !== 'boolean') this.fail(join(at, key), 'must be true or false');
    return o[key] as boolean;
  }
  object(o: Json, key: string, at: string): Json {
    if (!isObject(o[key])) this.fail(join(at, key), 'must be an object');
    return o[key] as Json;
  }
  /** A { pattern, rule } object. */
  format(o: Json, key: string, at: string): FieldFormat {
    const f = this.object(o, key, at);
    return { pattern: this.text(f, 'pattern', join(at, key)), rule: this.text(f, 'rule', join(at, key)) };
  }
  list(o: Json, key: string, at = ''): Json[] {
    const v = o[key];
    if (!Array.isArray(v)) this.fail(join(at, key), 'must be a list');
    (v as unknown[]).forEach((x, i) => isObject(x) || this.fail(`${join(at, key)}[${i}]`, 'must be an object'));
    return v as Json[];
  }
  codes(o: Json, key: string, at: string, pattern: RegExp): Code[] {
    const seen = new Set<string>();
    return this.list(o, key, at).map((x, i) => {
      const p = `${join(at, key)}[${i}]`;
      const code = this.text(x, 'code', p);
      if (!pattern.test(code)) this.fail(`${p}.code`, `"${code}" does not match ${pattern.source}`);
      if (seen.has(code)) this.fail(`${p}.code`, `"${code}" is listed twice`);
      seen.add(code);
      return x.label === undefined ? { code } : { code, label: this.text(x, 'label', p) };
    });
  }
  sources(): CodeSource[] {
    const list = this.list(this.root, 'sources');
    if (list.length === 0) this.fail('sources', 'must name at least one source');
    return list.map((s, i) => {
      const p = `sources[${i}]`;
      const retrieved = this.text(s, 'retrieved', p);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(retrieved)) this.fail(`${p}.retrieved`, 'must be a date written YYYY-MM-DD');
      const url = this.text(s, 'url', p);
      if (!/^https:\/\//.test(url)) this.fail(`${p}.url`, 'must be an https address');
      return { name: this.text(s, 'name', p), url, retrieved };
    });
  }
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (at: string, key: string) => (at ? `${at}.${key}` : key);
