/**
 * The legal aid side of generated casework: a legally aided case's LAA details and every client's
 * equality monitoring answers, so the demo's monthly contract report has real matters to report.
 * Each is drawn from a stream of its own (STREAM.legalAid per case, STREAM.equality per client), so
 * every other value of a data set generated before them is unchanged.
 *
 * Every code is one of the shipped lists (backend/data/legal-aid, docs/legal-aid-codes.md): matter
 * types and outcome codes of the LAA's Civil Legal Advice system (cla_backend contracts.py), equality
 * codes of the claim schema. The generator does not read those files, so its output never depends
 * on LEGAL_AID_CODES_DIR; generator.spec checks that each code it writes is in them. Immigration and
 * community care have no shipped matter type or outcome lists (no public source was found), so
 * those codes are left blank: the contract report lists such completed matters as problems, as it
 * would for a real organisation.
 */
import type { Category, FundingStream, Vulnerability } from '@deepvalue/shared';
import type { ImportEquality, ImportLegalAid } from './import-format.js';
import { Random } from './prng.js';

interface CategoryCodes {
  categoryOfLaw: string;
  /** Matter type 1 by Deep Value sub-category ('*': any other). */
  matterType1?: Record<string, readonly string[]>;
  matterType2?: Record<string, readonly string[]>;
  outcome?: readonly string[];
}

const CODES: Record<Category, CategoryCodes> = {
  housing: {
    categoryOfLaw: 'housing',
    matterType1: {
      possession: ['HRNT', 'HPOT'],
      disrepair: ['HREP'],
      homelessness: ['HHOM'],
      '*': ['HOOT'],
    },
    matterType2: { homelessness: ['HHLS'], '*': ['HPUB', 'HPRI', 'HHAC'] },
    outcome: ['HA', 'HD', 'HE', 'HF', 'HG', 'HH', 'HI', 'HJ', 'HK', 'HL', 'HM'],
  },
  welfare_benefits: {
    categoryOfLaw: 'welfare_benefits',
    matterType1: { pip: ['WBPI'], esa_wca: ['WESA'], universal_credit: ['WBUC'], sanction: ['WBUC'], '*': ['WOTH'] },
    matterType2: { overpayment: ['WOVE'], '*': ['WREV', 'WAPL'] },
    outcome: ['WA', 'WB', 'WC', 'WD', 'WE', 'WG'],
  },
  debt: {
    categoryOfLaw: 'debt',
    matterType1: { insolvency: ['DIVB'], priority_debt: ['DMAP', 'DTOT'], '*': ['DTOT'] },
    matterType2: { insolvency: ['DIBP'], '*': ['DSCH', 'DVAL', 'DMIX'] },
    outcome: ['DA', 'DC', 'DD', 'DG', 'DH', 'DI'],
  },
  // Legal aid for employment problems is for discrimination at work.
  employment: {
    categoryOfLaw: 'discrimination',
    matterType1: { '*': ['QEMP'] },
    matterType2: { '*': ['QAGE', 'QDIS', 'QRAC', 'QSEX', 'QROB', 'QPRM'] },
    outcome: ['QA', 'QB', 'QC', 'QD', 'QE', 'QF', 'QG', 'QH'],
  },
  immigration: { categoryOfLaw: 'immigration_asylum' },
  community_care: { categoryOfLaw: 'community_care' },
};

/** Letters of a postcode's inward code (C, I, K, M, O and V are never used). */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

const LEGAL_AID_FUNDING: readonly FundingStream[] = ['legal_aid_fixed_fee', 'legal_aid_escape'];

/**
 * The LAA details of a legally aided case (none for other funding). No UFN: the import numbers each
 * record from the day its case opened. Access point and procurement area are the office's, made up
 * (AP0000n / PA0000n) as the demo's office account is.
 */
export function legalAidOf(
  r: Random,
  c: { category: Category; subcategory: string; fundingStream: FundingStream; closed: boolean },
  office: number,
  postcodeDistrict: string | null | undefined,
): ImportLegalAid | undefined {
  if (!LEGAL_AID_FUNDING.includes(c.fundingStream)) return undefined;
  const codes = CODES[c.category];
  const pick = (bySub: Record<string, readonly string[]> | undefined) =>
    bySub ? r.pick(bySub[c.subcategory] ?? bySub['*']) : undefined;
  const place = String(Math.max(office, 0) + 1).padStart(5, '0');
  const inward = `${r.int(10)}${r.pick([...INWARD_LETTERS])}${r.pick([...INWARD_LETTERS])}`;
  const details: ImportLegalAid = {
    categoryOfLaw: codes.categoryOfLaw,
    accessPoint: `AP${place}`,
    procurementArea: `PA${place}`,
    clientPostcode: postcodeDistrict ? `${postcodeDistrict} ${inward}` : 'NFA',
  };
  const matterType1 = pick(codes.matterType1);
  const matterType2 = pick(codes.matterType2);
  if (matterType1) details.matterType1 = matterType1;
  if (matterType2) details.matterType2 = matterType2;
  if (c.closed && codes.outcome) details.outcomeCode = r.pick(codes.outcome);
  return details;
}

// Weights of the equality answers (a demo mix, not a population estimate).
const GENDERS = { F: 52, M: 44, U: 4 };
const ETHNICITIES = {
  '00': 44, '01': 2, '02': 9, '03': 5, '04': 1, '05': 4, '06': 4, '07': 5, '08': 1,
  '09': 2, '10': 1, '11': 1, '12': 1, '13': 2, '14': 1, '15': 2, '16': 2, '99': 13,
}; // prettier-ignore
const DISABILITIES = { MOB: 4, DEA: 1, HEA: 2, VIS: 2, BLI: 1, ILL: 5, PHY: 3, COG: 1, LDD: 2, OTH: 1 };

const weighted = (r: Random, weights: Record<string, number>): string => {
  const keys = Object.keys(weights);
  return keys[r.weighted(keys.map((k) => weights[k]))];
};

/**
 * A client's equality monitoring answers: asked of about 94 clients in 100; "U", "99" and "UKN" are
 * the lists' declined codes. A disabled client names a condition, a client with a mental health
 * need MHC; about 6 in 100 decline the disability question.
 */
export function equalityOf(r: Random, vulnerabilities: readonly Vulnerability[]): ImportEquality | undefined {
  if (!r.chance(0.94)) return undefined;
  const gender = weighted(r, GENDERS);
  const ethnicity = weighted(r, ETHNICITIES);
  const disability = r.chance(0.06)
    ? 'UKN'
    : vulnerabilities.includes('mental_health')
      ? 'MHC'
      : vulnerabilities.includes('disability')
        ? weighted(r, DISABILITIES)
        : 'NCD';
  return { gender, ethnicity, disability };
}
