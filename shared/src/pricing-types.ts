/** Pricing responses (GET /reports/pricing, /unit-costs), as backend/src/pricing produces them. */
export type Figure = number | string | null;
/**
 * Kinds of value, reported apart and never summed into one figure (docs/pricing.md).
 * `client_financial` is money that reaches the client (benefits gained, debt written off): it is a
 * transfer, not public money saved (a benefit award costs the state) and not a wellbeing value, so
 * counting it under either would mislead a commissioner.
 */
export const VALUE_KINDS = ['fiscal', 'wellbeing', 'client_financial'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export const VALUE_KIND_LABELS: Record<ValueKind, string> = {
  fiscal: 'Fiscal value (public money saved)',
  wellbeing: 'Wellbeing value (value to the person)',
  client_financial: 'Money to clients (benefits gained, debt written off)',
};

/** A per-event value is one-off; a per-person-per-year value can last several years (with drop-off). */
export const COST_UNITS = ['per_event', 'per_person_per_year'] as const;
export type CostUnit = (typeof COST_UNITS)[number];

/**
 * `unit_rate`: count × valueGbp. `recorded_amount`: the £ recorded on the outcome itself (debt written
 * off, benefit £ per year); such rows keep `valueGbp: null` because the value lives in the record.
 */
export const COST_BASES = ['unit_rate', 'recorded_amount'] as const;
export type CostBasis = (typeof COST_BASES)[number];

/** A row of the unit-cost table, as a manager edits it (PUT /unit-costs). */
export interface UnitCost {
  key: string;
  label: string;
  kind: ValueKind;
  basis: CostBasis;
  /** GBP per unit; null = not priced (for `unit_rate`) or taken from the record (for `recorded_amount`). */
  valueGbp: number | null;
  unit: CostUnit;
  source: string;
  /** Price year of the figure; null when there is no figure. */
  year: number | null;
}

export type Range = Record<'low' | 'central' | 'high', Figure>;

export interface KindFigures {
  kind: ValueKind;
  label: string;
  gross: Figure;
  net: Range;
  netPerPoundSpent: Range;
  netPerRelationshipHour: Range;
  /** Events of this kind left out of the £ because they are not priced. */
  eventsNotPriced: Figure;
}

export interface PricingGroupView {
  groupBy: 'overall' | 'category' | 'band';
  key: string;
  label: string;
  cases: Figure;
  adviserHours: Figure;
  relationshipHours: Figure;
  adviserCostGbp: Figure;
  kinds: KindFigures[];
}

export interface PricingReport {
  threshold: number | null;
  withheld: boolean;
  groups: PricingGroupView[];
  lines: Array<{
    event: string;
    eventLabel: string;
    unitCostKey: string;
    unitCostLabel: string;
    kind: ValueKind;
    cases: Figure;
    years: number;
    gross: Figure;
    net: Range;
  }>;
  unpriced: Array<{
    event: string;
    eventLabel: string;
    unitCostKey: string;
    label: string;
    kind: ValueKind | null;
    cases: Figure;
    reason: string;
    note: string;
  }>;
  unmapped: Array<{ event: string; eventLabel: string; cases: Figure }>;
  asOf: string;
  filters: Record<string, string>;
  unitCosts: { version: number; createdAt: string; hourlyCostGbp: number | null; hourlyCostNote: string | null };
  /** Unit costs are uprated to this year's prices. */
  priceYear: number;
  notes: string[];
}

/** A row of the unit-cost table as the API returns it: whether it is priced, and if not, why. */
export interface UnitCostRow extends UnitCost {
  priced: boolean;
  note: string | null;
}

export interface AdjustmentSet {
  deadweight: number;
  attribution: number;
  dropOff: number;
  discountRate: number;
}

export interface Sensitivity {
  low: AdjustmentSet;
  central: AdjustmentSet;
  high: AdjustmentSet;
}

export interface UnitCostVersion {
  version: number;
  createdAt: string;
  createdBy: string | null;
  rows: UnitCostRow[];
  mapping: Array<{ event: string; unitCostKey: string; durationYears: number; rationale: string }>;
  sensitivity: Sensitivity;
  hourlyCostGbp: number | null;
  hourlyCostNote: string | null;
}

export interface UnitCostsView {
  current: UnitCostVersion;
  versions: Array<{ version: number; createdAt: string; createdBy: string | null }>;
}
