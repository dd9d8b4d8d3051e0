/**
 * Seeded defaults for pricing deep value (docs/pricing.md): the unit-cost table and the adviser-hour cost.
 * The Legal Help fee table's defaults live beside the fee rates (analytics/fee-defaults.ts).
 *
 * Every priced row carries a citable source and year. Where no figure can be cited the row ships
 * with `valueGbp: null` and is reported as NOT_PRICED — never as zero, because a zero would tell a
 * funding panel the outcome is worth nothing rather than that nobody has priced it yet.
 * Managers edit these (the unit-cost table is versioned elsewhere); this file is only the seed.
 */
import type { UnitCost } from '@deepvalue/shared';

export const NOT_PRICED = 'not priced — enter your local figure';

const HACT = 'HACT Social Value Bank (wellbeing value to the person, not public money: report separately)';
export const NO_FIGURE = 'No citable figure found';

export const DEFAULT_UNIT_COSTS: readonly UnitCost[] = [
  {
    key: 'eviction_public_cost',
    label: 'Tenant eviction avoided (public money)',
    kind: 'fiscal',
    basis: 'unit_rate',
    valueGbp: 34_000,
    unit: 'per_event',
    source:
      'Council on Social Action, People of Influence (CoSA paper 9, 2009): "Every tenant eviction avoided ' +
      'by the work of a law centre adviser … saves £34,000 of public money"',
    year: 2009,
  },
  {
    key: 'tribunal_appeal_sscs',
    label: 'Tribunal appeal (SSCS), cost to the state',
    kind: 'fiscal',
    basis: 'unit_rate',
    valueGbp: null,
    unit: 'per_event',
    source: `${NO_FIGURE}. Context: claimants won 60–69% of SSCS appeals at hearing in 2024 (MoJ tribunal statistics)`,
    year: null,
  },
  {
    key: 'repeat_advice_episode',
    label: 'Repeat advice episode elsewhere (bounce-back avoided)',
    kind: 'fiscal',
    basis: 'unit_rate',
    valueGbp: null,
    unit: 'per_event',
    source: NO_FIGURE,
    year: null,
  },
  {
    key: 'out_of_work_public_cost',
    label: 'Out-of-work costs to the state avoided (employment kept)',
    kind: 'fiscal',
    basis: 'unit_rate',
    valueGbp: null,
    unit: 'per_person_per_year',
    source: NO_FIGURE,
    year: null,
  },
  {
    key: 'benefit_income_recorded',
    label: 'Benefit awarded or reinstated (£ per year as recorded)',
    kind: 'client_financial',
    basis: 'recorded_amount',
    valueGbp: null,
    unit: 'per_person_per_year',
    source: 'Amount recorded on the outcome',
    year: null,
  },
  {
    key: 'debt_written_off_recorded',
    label: 'Debt written off (£ as recorded)',
    kind: 'client_financial',
    basis: 'recorded_amount',
    valueGbp: null,
    unit: 'per_event',
    source: 'Amount recorded on the outcome',
    year: null,
  },
  {
    key: 'hact_relief_heavy_debt',
    label: 'Relief from heavy debt (wellbeing)',
    kind: 'wellbeing',
    basis: 'unit_rate',
    valueGbp: 9_428,
    unit: 'per_person_per_year',
    source: HACT,
    year: 2014,
  },
  {
    key: 'hact_full_time_employment',
    label: 'Full-time employment (wellbeing)',
    kind: 'wellbeing',
    basis: 'unit_rate',
    valueGbp: 10_767,
    unit: 'per_person_per_year',
    source: HACT,
    year: 2014,
  },
  {
    key: 'hact_temporary_to_settled_housing',
    label: 'Temporary to settled housing (wellbeing)',
    kind: 'wellbeing',
    basis: 'unit_rate',
    valueGbp: 8_019,
    unit: 'per_person_per_year',
    source: 'HACT / Fujiwara & Vine, homelessness wellbeing values (value to the person, not public money)',
    year: 2015,
  },
  {
    key: 'immigration_status_secured',
    label: 'Immigration status secured (value to the person)',
    kind: 'wellbeing',
    basis: 'unit_rate',
    valueGbp: null,
    unit: 'per_person_per_year',
    source: NO_FIGURE,
    year: null,
  },
  {
    key: 'care_package_secured',
    label: 'Care package secured (value to the person)',
    kind: 'wellbeing',
    basis: 'unit_rate',
    valueGbp: null,
    unit: 'per_person_per_year',
    source: NO_FIGURE,
    year: null,
  },
];

/** True when the row yields a value: a unit rate with a figure, or a recorded amount. */
export function isPriced(cost: UnitCost): boolean {
  return cost.basis === 'recorded_amount' || cost.valueGbp !== null;
}

/**
 * Hourly cost of adviser time as stored in a unit-cost version: null until a manager enters their own
 * full cost (salary, on-costs, overheads). Until then pricing uses DEFAULT_HOURLY_COST, a cited figure,
 * so value per £1 exists out of the box and the pack says where the figure comes from.
 */
export const DEFAULT_HOURLY_COST_GBP: number | null = null;

/**
 * What legal aid pays for an hour of advice (Legal Help, Controlled Work, preparation and attendance,
 * housing and debt, outside London) from 22 December 2025. A price the state pays per adviser hour, not a
 * full cost: it is a floor an organisation should replace with its own.
 */
export const DEFAULT_HOURLY_COST = {
  valueGbp: 65.35,
  year: 2025,
  source:
    'Legal Help hourly rate for preparation and attendance, housing and debt, outside London, from 22 December ' +
    '2025 (£69.30 in London): Civil Legal Aid (Procedure and Remuneration) (Amendment) Regulations 2025 ' +
    '(SI 2025/1248); Ministry of Justice, Civil legal aid: towards a sustainable future, consultation ' +
    'response (2 July 2025). What legal aid pays for an adviser hour, not its full cost',
} as const;

/** The hourly cost pricing uses: the organisation's own, else the cited default. */
export function hourlyCostOf(stored: number | null): { valueGbp: number; source: string | null } {
  return stored === null
    ? { valueGbp: DEFAULT_HOURLY_COST.valueGbp, source: DEFAULT_HOURLY_COST.source }
    : { valueGbp: stored, source: null };
}
