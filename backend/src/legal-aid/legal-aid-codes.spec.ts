import { afterAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CATEGORIES } from '@deepvalue/shared';
import { DEFAULT_LEGAL_AID_CODES_DIR, loadLegalAidCodes, LegalAidCodesError } from './legal-aid-codes.js';
import { formatUfn, nextUfn, ufnProblem } from './ufn.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'legal-aid-codes-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the shipped lists with `file` changed by `edit`. */
function copyWith(file: string, edit: (data: Record<string, unknown>) => void): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'codes-'));
  for (const name of fs.readdirSync(DEFAULT_LEGAL_AID_CODES_DIR))
    fs.copyFileSync(path.join(DEFAULT_LEGAL_AID_CODES_DIR, name), path.join(dir, name));
  const target = path.join(dir, `${file}.json`);
  const data = JSON.parse(fs.readFileSync(target, 'utf8'));
  edit(data);
  fs.writeFileSync(target, JSON.stringify(data));
  return dir;
}

/** Sets (undefined: deletes) the value at a dotted path such as codes.0.category. */
function setPath(data: Record<string, unknown>, at: string, value: unknown): void {
  const keys = at.split('.');
  let node = data;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (value === undefined) delete node[keys[keys.length - 1]];
  else node[keys[keys.length - 1]] = value;
}

describe('the shipped legal aid code lists', () => {
  const codes = loadLegalAidCodes();

  it('load, and every list names a public source and the day it was read', () => {
    for (const [list, sources] of Object.entries(codes.sources)) {
      expect(sources.length).toBeGreaterThan(0);
      for (const s of sources) {
        expect(s.url).toMatch(/^https:\/\/github\.com\/ministryofjustice\//);
        expect(s.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      expect(list).toBeTruthy();
    }
  });

  it("map every one of Deep Value's categories from at least one category of law", () => {
    const mapped = new Set(codes.categories.map((c) => c.deepValueCategory));
    for (const category of CATEGORIES) expect(mapped).toContain(category);
  });

  it('offer a declined answer for each equality monitoring question', () => {
    expect(codes.equality.gender.declinedCode).toBe('U');
    expect(codes.equality.ethnicity.declinedCode).toBe('99');
    expect(codes.equality.disability.declinedCode).toBe('UKN');
  });

  it("check field values by the LAA schema's patterns", () => {
    const matches = (name: keyof typeof codes.formats, value: string) =>
      new RegExp(codes.formats[name].pattern, 'u').test(value);
    expect(matches('accessPoint', 'AP00137')).toBe(true);
    expect(matches('accessPoint', 'AP0137')).toBe(false);
    expect(matches('procurementArea', 'PA00136')).toBe(true);
    expect(matches('exemptionCriteriaSatisfied', 'TR001')).toBe(true);
    expect(matches('clientPostcode', 'SW1H 9EA')).toBe(true);
    expect(matches('clientPostcode', 'NFA')).toBe(true);
    expect(matches('clientPostcode', 'E3')).toBe(false);
    expect(matches('submissionPeriod', 'JAN-2026')).toBe(true);
  });
});

describe('updating a list without a code change', () => {
  it('takes a matter type added to the file', () => {
    const dir = copyWith('matter-types', (d) => {
      (d.codes as { category: string; matterType1: object[] }[])[0].matterType1.push({ code: 'LZZZ', label: 'New' });
    });
    const codes = loadLegalAidCodes(dir);
    expect(codes.matterTypes[0].matterType1).toContainEqual({ code: 'LZZZ', label: 'New' });
  });

  it.each([
    ['matter-types', 'codes.0.matterType1.0.code', 'LD1', /codes\[0\]\.matterType1\[0\]\.code "LD1" does not match/],
    ['matter-types', 'codes.0.category', 'plumbing', /codes\[0\]\.category is not a code of categories-of-law/],
    ['categories-of-law', 'codes.0.deepValueCategory', 'family', /codes\[0\]\.deepValueCategory must be one of/],
    ['outcome-codes', 'sources', [], /sources must name at least one source/],
    ['equality-monitoring', 'ethnicity.declinedCode', '98', /ethnicity\.declinedCode must be one of its codes/],
    ['field-formats', 'formats.uniqueFileNumber', undefined, /formats\.uniqueFileNumber must be an object/],
  ])('refuses a broken %s file (%s), naming the field', (file, at, value, message) => {
    const dir = copyWith(file, (data) => setPath(data, at, value));
    expect(() => loadLegalAidCodes(dir)).toThrow(LegalAidCodesError);
    expect(() => loadLegalAidCodes(dir)).toThrow(message);
    expect(() => loadLegalAidCodes(dir)).toThrow(`${file}.json`);
  });
});

describe('Unique File Number', () => {
  it('is the opening day as DDMMYY and a number for that day', () => {
    expect(formatUfn('2022-07-07', 1)).toBe('070722/001');
    expect(nextUfn('2022-07-07', ['070722/001', '070722/004', '080722/009'])).toBe('070722/005');
    expect(nextUfn('2022-07-08', [])).toBe('080722/001');
    expect(() => formatUfn('2022-07-07', 1000)).toThrow(RangeError);
  });

  it('is refused as the LAA would: wrong shape, impossible or future date', () => {
    const today = '2026-12-02';
    expect(ufnProblem('070722/001', today)).toBeNull();
    expect(ufnProblem('021226/001', today)).toBeNull();
    expect(ufnProblem('031226/001', today)).toBe('must not be dated after today');
    expect(ufnProblem('310222/001', today)).toBe('31/02/22 is not a real date');
    expect(ufnProblem('07072022/1', today)).toMatch(/DDMMYY\/NNN/);
  });
});
