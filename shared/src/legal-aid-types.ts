/** Legal aid as the API returns it: GET /legal-aid-codes, a case's legalAid, a client's equality, the contract report check. */

export interface LegalAidCode {
  code: string;
  label?: string;
}

export interface LegalAidCodesView {
  categories: Array<
    LegalAidCode & { label: string; deepValueCategory: string | null; matterStartCode?: string; verified: boolean }
  >;
  feeCodes: Array<{ category: string; feeCode: LegalAidCode[] }>;
  matterTypes: Array<{ category: string; matterType1: LegalAidCode[]; matterType2: LegalAidCode[]; source: string }>;
  outcomes: Array<{ category: string; outcome: LegalAidCode[]; stageReached: LegalAidCode[]; source: string }>;
  equality: Record<EqualityQuestion, { pattern: string; declinedCode: string; codes: LegalAidCode[] }>;
  formats: Record<string, { pattern: string; rule: string }>;
  sources: Record<string, Array<{ name: string; url: string; retrieved: string }>>;
}

/** A case's legal aid answers, in the order forms, sheets and exports show them. */
export const LEGAL_AID_FIELDS = [
  'categoryOfLaw',
  'ufn',
  'matterType1',
  'matterType2',
  'stageReached',
  'outcomeCode',
  'feeCode',
  'exemptionCriteria',
  'accessPoint',
  'procurementArea',
  'clientPostcode',
] as const;
export type LegalAidField = (typeof LEGAL_AID_FIELDS)[number];

/** A case's claim amounts in pounds (excluding VAT, but for the VAT on disbursements); null: none. */
export const LEGAL_AID_AMOUNTS = ['disbursementsGbp', 'disbursementsVatGbp', 'counselCostsGbp'] as const;
export type LegalAidAmount = (typeof LEGAL_AID_AMOUNTS)[number];

/**
 * A legal aid record as stored, and as the API and the import format write it: the category of law,
 * and each other field a code or text, null, or absent (kept as it is).
 */
export type LegalAidAnswers = { categoryOfLaw: string } & Partial<
  Record<Exclude<LegalAidField, 'categoryOfLaw'>, string | null>
> &
  Partial<Record<LegalAidAmount, number | null>>;

export const EQUALITY_QUESTIONS = ['gender', 'ethnicity', 'disability'] as const;
export type EqualityQuestion = (typeof EQUALITY_QUESTIONS)[number];
/** Each answer a code of its list (its declined code: prefers not to say), or null: not asked. */
export type Equality = Record<EqualityQuestion, string | null>;

export interface ClientEquality extends Equality {
  clientId: string;
  version: number;
}

export interface LegalAid {
  id: string;
  caseId: string;
  categoryOfLaw: string;
  /** Null only once the client was erased. */
  ufn: string | null;
  matterType1: string | null;
  matterType2: string | null;
  stageReached: string | null;
  outcomeCode: string | null;
  /** The fee claimed (FEE_CODE); null: the category's only fee code, where it has one. */
  feeCode: string | null;
  exemptionCriteria: string | null;
  accessPoint: string | null;
  procurementArea: string | null;
  clientPostcode: string | null;
  /** Disbursements (net), their VAT, and counsel's fees, £; null: none. */
  disbursementsGbp: number | null;
  disbursementsVatGbp: number | null;
  counselCostsGbp: number | null;
  version: number;
}

export interface ContractReportProblem {
  caseId: string | null;
  caseRef: string | null;
  field: string;
  message: string;
}

export interface ContractReportCheck {
  month: string;
  submissionPeriod: string;
  completedMatters: number;
  matterStarts: number;
  leftOut: number;
  problems: ContractReportProblem[];
}
