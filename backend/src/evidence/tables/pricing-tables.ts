/**
 * Deep value in £ as pack tables, from the (already suppressed) pricing view: a summary per group and
 * kind of value, the value of each outcome event overall, what could not be priced, and the inputs
 * (unit costs with sources, adjustments, mapping) so the figures can be checked and re-created.
 */
import { labelOf } from '@deepvalue/shared';
import { DEFAULT_SENSITIVITY, SCENARIOS, type Scenario, type Sensitivity } from '../../pricing/adjustments.js';
import type { MappingEntry } from '../../pricing/benefit-mapping.js';
import type { PricingView } from '../../pricing/pricing-view.js';
import type { Prices } from '../../pricing/pricing.service.js';
import { NOT_PRICED, isPriced } from '../../pricing/unit-cost-defaults.js';
import { VALUE_KIND_LABELS, type UnitCost } from '@deepvalue/shared';
import { NOT_PUBLISHED_MARK } from '../../disclosure/rounding.js';
import { NOT_PUBLISHED, type Cell, type PackColumn, type PackTable } from '@deepvalue/shared';

const GROUP_LABELS = { overall: 'Overall', category: 'Category', band: 'Relationship time' } as const;

/** Hides every figure of a pricing table when the cases could not be protected. */
function withheldRows(rows: Array<Record<string, Cell>>, keep: string[]): Array<Record<string, Cell>> {
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, keep.includes(k) ? v : NOT_PUBLISHED_MARK])),
  );
}

/** A figure under the low, central and high adjustments as three columns: `${prefix}_low${suffix}`, … */
function rangeColumns(prefix: string, suffix: string, label: string): PackColumn[] {
  return SCENARIOS.map((s) => ({ key: `${prefix}_${s}${suffix}`, label: `${label} (${s})`, kind: 'gbp' }));
}

function rangeCells(prefix: string, suffix: string, range: Record<Scenario, Cell>): Record<string, Cell> {
  return Object.fromEntries(SCENARIOS.map((s) => [`${prefix}_${s}${suffix}`, range[s]]));
}

export function valueSummaryTable(view: PricingView): PackTable {
  const rows = view.groups.flatMap((g) =>
    g.kinds.map((k): Record<string, Cell> => ({
      group_by: GROUP_LABELS[g.groupBy],
      group: g.label,
      kind: k.label,
      cases: g.cases,
      adviser_hours: g.adviserHours,
      adviser_cost_gbp: g.adviserCostGbp,
      gross_gbp: k.gross,
      ...rangeCells('net', '_gbp', k.net),
      ...rangeCells('net_per_pound', '', k.netPerPoundSpent),
      ...rangeCells('net_per_relationship_hour', '_gbp', k.netPerRelationshipHour),
      events_not_priced: k.eventsNotPriced,
    })),
  );
  return {
    name: 'value-summary',
    sheet: 'Value',
    title: 'Deep value in £, by kind of value',
    description:
      'Gross value (before adjustments) and net value under the low, central and high adjustments, with the cost ' +
      'of adviser time (all recorded hours × hourly cost), value per £1 of that cost and per hour of relationship ' +
      'time. Fiscal value, wellbeing value and money to clients are different kinds of value: never add them. ' +
      '"Events not priced" are outcomes of that kind the £ figures leave out (no unit cost, or no £ recorded); ' +
      'a figure that rests only on them reads "not priced", never £0.',
    note: view.withheld ? NOT_PUBLISHED : null,
    columns: [
      { key: 'group_by', label: 'By', kind: 'text' },
      { key: 'group', label: 'Group', kind: 'text' },
      { key: 'kind', label: 'Kind of value', kind: 'text' },
      { key: 'cases', label: 'Closed cases', kind: 'count' },
      { key: 'adviser_hours', label: 'Adviser hours', kind: 'hours' },
      { key: 'adviser_cost_gbp', label: 'Cost of adviser time £', kind: 'gbp' },
      { key: 'gross_gbp', label: 'Gross £', kind: 'gbp' },
      ...rangeColumns('net', '_gbp', 'Net £'),
      ...rangeColumns('net_per_pound', '', 'Net £ per £1'),
      ...rangeColumns('net_per_relationship_hour', '_gbp', 'Net £ per relationship hour'),
      { key: 'events_not_priced', label: 'Events not priced', kind: 'count' },
    ],
    rows: view.withheld ? withheldRows(rows, ['group_by', 'group', 'kind']) : rows,
  };
}

/** Why a pack priced with each provider's own table leaves the tables of the providers' inputs out. */
export const EACH_PROVIDER_NOTE =
  'Not published: each provider’s own unit-cost table priced its share of the cases, and a provider’s unit costs, ' +
  'adjustments and mapping are its own. The value of every outcome is in the totals by kind of value.';

/** The value of each outcome, or (each provider's own table priced the pack) only the note saying why not. */
export function valueLinesTable(view: PricingView, eachProvider = false): PackTable {
  if (eachProvider)
    return {
      ...valueLinesTable({ ...view, lines: [] }),
      note:
        'Not published for a pack priced with each provider’s own unit-cost table: the value of one outcome ' +
        '÷ its count could give a provider’s unit cost back. Every line is merged into the totals by kind of ' +
        'value (the value table).',
    };
  return linesTable(view);
}

/**
 * The unit costs, adjustments and mapping tables of a pack priced with each provider's own table: the same
 * names, with the note instead of rows (method.ts says the same).
 */
export function eachProviderInputTables(prices: Prices): PackTable[] {
  const empty = (table: PackTable): PackTable => ({ ...table, rows: [], note: EACH_PROVIDER_NOTE });
  return [empty(unitCostsTable([], prices)), empty(adjustmentsTable(DEFAULT_SENSITIVITY)), empty(mappingTable([], []))];
}

function linesTable(view: PricingView): PackTable {
  const rows = view.lines.map((line): Record<string, Cell> => ({
    event: line.eventLabel,
    unit_cost: line.unitCostLabel,
    kind: VALUE_KIND_LABELS[line.kind],
    cases: line.cases,
    years: line.years,
    gross_gbp: line.gross,
    ...rangeCells('net', '_gbp', line.net),
  }));
  return {
    name: 'value-by-outcome',
    sheet: 'Value by outcome',
    title: 'Value of each outcome, all cases',
    description:
      'Each outcome event priced with each unit cost it maps to. Cases: closed cases with the event (for values ' +
      'recorded on the outcome, only those with a £ recorded contribute).',
    note: view.withheld ? NOT_PUBLISHED : null,
    columns: [
      { key: 'event', label: 'Outcome', kind: 'text' },
      { key: 'unit_cost', label: 'Unit cost', kind: 'text' },
      { key: 'kind', label: 'Kind of value', kind: 'text' },
      { key: 'cases', label: 'Cases', kind: 'count' },
      { key: 'years', label: 'Years', kind: 'number' },
      { key: 'gross_gbp', label: 'Gross £', kind: 'gbp' },
      ...rangeColumns('net', '_gbp', 'Net £'),
    ],
    rows: view.withheld ? withheldRows(rows, ['event', 'unit_cost', 'kind', 'years']) : rows,
  };
}

export function unpricedTable(view: PricingView): PackTable {
  const rows: Array<Record<string, Cell>> = [
    ...view.unpriced.map((u) => ({
      event: u.eventLabel,
      unit_cost: u.label,
      kind: u.kind ? VALUE_KIND_LABELS[u.kind] : null,
      cases: u.cases,
      note: u.note,
    })),
    ...view.unmapped.map((u) => ({
      event: u.eventLabel,
      unit_cost: null,
      kind: null,
      cases: u.cases,
      note: 'not mapped to a unit cost',
    })),
  ];
  return {
    name: 'not-priced',
    sheet: 'Not priced',
    title: 'Outcomes not priced',
    description:
      'Outcomes that add nothing to the £ figures because there is no citable unit cost, no £ was recorded, or no ' +
      'mapping. They are not worth zero: nobody has priced them yet.',
    note: view.withheld ? NOT_PUBLISHED : null,
    columns: [
      { key: 'event', label: 'Outcome', kind: 'text' },
      { key: 'unit_cost', label: 'Unit cost', kind: 'text' },
      { key: 'kind', label: 'Kind of value', kind: 'text' },
      { key: 'cases', label: 'Cases', kind: 'count' },
      { key: 'note', label: 'Why', kind: 'text' },
    ],
    rows: view.withheld ? withheldRows(rows, ['event', 'unit_cost', 'kind', 'note']) : rows,
  };
}

export function unitCostsTable(rows: UnitCost[], prices: Prices): PackTable {
  return {
    name: 'unit-costs',
    sheet: 'Unit costs',
    title: 'Unit costs used',
    description:
      `Each unit cost with its source and price year, uprated to ${prices.year} prices: the figure as published × ` +
      `the GDP deflator factor (index for ${prices.year} ÷ index for its year, to four places) = the figure used. ` +
      'A unit cost without a citable figure is not priced.',
    note: null,
    partOfMethod: true,
    columns: [
      { key: 'key', label: 'Key', kind: 'text' },
      { key: 'label', label: 'Unit cost', kind: 'text' },
      { key: 'kind', label: 'Kind of value', kind: 'text' },
      { key: 'value_gbp', label: '£ per unit as published', kind: 'gbp' },
      { key: 'unit', label: 'Unit', kind: 'text' },
      { key: 'source', label: 'Source', kind: 'text' },
      { key: 'year', label: 'Price year', kind: 'number' },
      { key: 'deflator_factor', label: 'Deflator factor', kind: 'number' },
      { key: 'value_at_price_year_gbp', label: `£ per unit at ${prices.year} prices`, kind: 'gbp' },
    ],
    rows: rows.map((row) => {
      const uprating = prices.upratings[row.key];
      const shown =
        row.basis === 'recorded_amount' ? 'as recorded on each outcome' : isPriced(row) ? row.valueGbp : NOT_PRICED;
      return {
        key: row.key,
        label: row.label,
        kind: VALUE_KIND_LABELS[row.kind],
        value_gbp: shown,
        unit: row.unit === 'per_event' ? 'per event' : 'per person per year',
        source: row.source,
        year: row.year,
        deflator_factor: uprating ? (uprating.factor ?? `no index for ${uprating.year}: used as it stands`) : null,
        value_at_price_year_gbp: uprating ? uprating.resultGbp : shown,
      };
    }),
  };
}

export function adjustmentsTable(sensitivity: Sensitivity): PackTable {
  return {
    name: 'adjustments',
    sheet: 'Adjustments',
    title: 'Adjustments (low, central, high)',
    description:
      'Net = gross per year × (1 − deadweight) × (1 − attribution) × Σ over the years the value lasts of ' +
      '(1 − drop-off)^(year − 1) ÷ (1 + discount rate)^(year − 1). These are assumptions, shown so they can be challenged.',
    note: null,
    partOfMethod: true,
    columns: [
      { key: 'scenario', label: 'Scenario', kind: 'text' },
      { key: 'deadweight', label: 'Deadweight', kind: 'rate' },
      { key: 'attribution', label: 'Attribution', kind: 'rate' },
      { key: 'drop_off', label: 'Drop-off a year', kind: 'rate' },
      { key: 'discount_rate', label: 'Discount rate', kind: 'rate' },
    ],
    rows: SCENARIOS.map((s) => ({
      scenario: s,
      deadweight: sensitivity[s].deadweight,
      attribution: sensitivity[s].attribution,
      drop_off: sensitivity[s].dropOff,
      discount_rate: sensitivity[s].discountRate,
    })),
  };
}

export function mappingTable(mapping: readonly MappingEntry[], unitCosts: UnitCost[]): PackTable {
  const labels = new Map(unitCosts.map((c) => [c.key, c.label]));
  return {
    name: 'benefit-mapping',
    sheet: 'Mapping',
    title: 'Which unit costs price each outcome',
    description: 'An outcome may map to several unit costs of different kinds; the kinds stay apart.',
    note: null,
    partOfMethod: true,
    columns: [
      { key: 'event', label: 'Outcome', kind: 'text' },
      { key: 'unit_cost', label: 'Unit cost', kind: 'text' },
      { key: 'years', label: 'Years the value lasts', kind: 'number' },
      { key: 'rationale', label: 'Why', kind: 'text' },
    ],
    rows: mapping.map((entry) => ({
      event: labelOf(entry.event),
      unit_cost: labels.get(entry.unitCostKey) ?? entry.unitCostKey,
      years: entry.durationYears,
      rationale: entry.rationale,
    })),
  };
}
