/**
 * The evidence pack: aggregate tables (already suppressed) and the method, as the backend builds it
 * in memory and writes it to CSV, XLSX and PDF, and as the web page previews it. Nothing in it
 * identifies a client, a case or an adviser.
 */

/** A number, a suppression mark ("<5", "[c]"), a text or null (not applicable / not available). */
export type Cell = number | string | null;

export type ColumnKind = 'text' | 'count' | 'rate' | 'gbp' | 'ratio' | 'hours' | 'number';

export interface PackColumn {
  /** snake_case header of the CSV. */
  key: string;
  /** Header in the spreadsheet and the PDF. */
  label: string;
  kind: ColumnKind;
}

export interface PackTable {
  /** File name without extension (csv/NAME.csv). */
  name: string;
  /** Spreadsheet tab (≤ 31 characters). */
  sheet: string;
  title: string;
  description: string;
  /** Set when the table is not published, e.g. "Not published: too few cases." */
  note: string | null;
  columns: PackColumn[];
  rows: Array<Record<string, Cell>>;
  /** Shown inside the Method sheet rather than on a tab of its own. */
  partOfMethod?: boolean;
}

export interface NamedRef {
  ref: string;
  name: string;
}

export interface PackMeta {
  title: string;
  /** The providers whose cases are counted. */
  organisations: NamedRef[];
  /** Set for a commissioner's combined pack. */
  commissioner: NamedRef | null;
  period: { from: string; to: string };
  /** Figures as they stood on this date (bounce-back needs 6 months after closing). */
  asOf: string;
  /** Filters as plain labels, e.g. { Category: 'Housing' }. */
  filters: Record<string, string>;
  threshold: number;
  /** Whose unit-cost table priced the pack (the headline says so), its version and the hourly cost used. */
  unitCosts: {
    organisationRef: string;
    organisationName: string;
    version: number;
    createdAt: string;
    hourlyCostGbp: number | null;
    /** Where the hourly cost comes from: the cited default's source, or null when the organisation entered it. */
    hourlyCostSource: string | null;
    /** Every unit cost is uprated to this year's prices with the deflator series named here. */
    priceYear: number;
    deflators: { version: string; published: string; source: string };
    /**
     * Set when each provider's own table priced its own cases (a commissioner's combined pack, pricedWith
     * provider): the version of each. The tables themselves are not published, and organisationRef is ''.
     */
    eachProvider?: Array<{ organisationRef: string; version: number }>;
  };
  feeTables: Array<{ organisationRef: string; version: number; usingDefaults: boolean }>;
  /**
   * The funding the pack divides by for "value per £1 of funding": the sum of the records lying wholly
   * inside the period and covering it day for day for every organisation; null, with the reason in
   * `note`, when there is none to use (or the pack is filtered, since funding pays for the whole service).
   */
  funding: { totalGbp: number | null; records: number; note: string };
  softwareVersion: string;
  /** Derived from the inputs (the as-of date), not the clock, so the same inputs give the same bytes. */
  generatedAt: string;
  /**
   * The day the pack was built (default today; give it to re-create a pack's bytes). Not the as-of date:
   * the figures are the records as they stood on asOf. Left out of the inputs checksum.
   */
  builtOn: string;
}

export interface Headline {
  label: string;
  value: string;
  detail: string;
}

export interface MethodSection {
  heading: string;
  paragraphs: string[];
}

export interface EvidencePack {
  meta: PackMeta;
  /** The first page, in plain English. */
  summary: PackSummary;
  headlines: Headline[];
  tables: PackTable[];
  method: MethodSection[];
}

/** The pack with the checksum of its canonical inputs, as GET /api/evidence-packs/preview answers. */
export interface EvidencePackPreview extends EvidencePack {
  inputsSha256: string;
}

export const NOT_PUBLISHED = 'Not published: too few cases.';

/** The plain-English page a funding panel reads first (the PDF draws the headline chart after the 'time' section). */
export interface PackSummary {
  heading: string;
  sections: Array<{
    key: 'service' | 'time' | 'adjusted' | 'value' | 'evidence';
    heading: string;
    paragraphs: string[];
  }>;
}

/** Rates beyond the outcome measures that the pack publishes by band of relationship time. */
export const PACK_RATES = [
  'bounce_out',
  'referral_completion',
  'confidence_improved',
  'would_seek_advice_earlier',
  'could_handle_similar',
  'full_disclosure',
  'outcome_sustained',
  'new_problem_at_follow_up',
] as const;
export type PackRate = (typeof PACK_RATES)[number];

/** Per-case values the pack publishes as a mean by band of relationship time. */
export const PACK_MEANS = [
  'rqi',
  'continuity',
  'bounce_in',
  'confidence_change',
  'understood',
  'trust',
  'did_not_repeat_story',
] as const;
export type PackMean = (typeof PACK_MEANS)[number];

/**
 * A commissioner's live view of one of these measures by band (GET /api/reports/by-band): the evidence
 * pack's own table for the same scope, period and filters as of today, rounded by the same code.
 */
export interface ByBandReport {
  measure: PackRate | PackMean;
  asOf: string;
  /** Counts are rounded to the nearest multiple of it. */
  suppressionThreshold: number;
  table: PackTable;
}
