/** Pricing responses (GET /reports/pricing, /unit-costs), as backend/src/pricing produces them. */
export type Figure = number | string | null;
export type ValueKind = 'fiscal' | 'wellbeing' | 'client_financial';
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

export interface UnitCostRow {
  key: string;
  label: string;
  kind: ValueKind;
  basis: 'unit_rate' | 'recorded_amount';
  valueGbp: number | null;
  unit: 'per_event' | 'per_person_per_year';
  source: string;
  year: number | null;
  priced?: boolean;
  note?: string | null;
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
