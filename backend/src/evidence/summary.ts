/**
 * The page a funding panel reads first, in plain English: what the service did, how
 * the headline outcome varies with relationship time (the PDF draws the chart after that section), the
 * adjusted estimate as predicted rates for this pack's mix of cases, value per £1 with its range, and
 * the strength of the evidence. Every figure comes from what the pack already publishes (rounded
 * counts, rates from them, priced £, the model estimate), so the page discloses nothing more.
 */
import { CATEGORIES, labelOf, type AdjustedEstimate, type PackSummary } from '@deepvalue/shared';
import type { PricingGroupView } from '@deepvalue/shared';
import { NOT_PRICED_FIGURE } from '../pricing/pricing-view.js';
import { NESTA_LEVEL } from './method.js';
import { thousands } from './format.js';
import type { RoundedOutcomes } from '../disclosure/published-outcomes.js';
import type { PackMeta } from '@deepvalue/shared';

/** The relationship times the adjusted sentence compares (as the manager's report does). */
export const SUMMARY_MINUTES = [60, 240] as const;

export interface SummaryInputs {
  meta: PackMeta;
  rounded: RoundedOutcomes;
  /** Closed cases left out without consent, as published. */
  excludedShown: string;
  /** The pack's overall pricing figures (already rounded and marked). */
  overall: PricingGroupView;
  positiveEstimate: AdjustedEstimate;
  /** The positive-outcome n as the tables publish it (rounded): the model's exact n is never shown. */
  positiveN: number;
}

const pct = (rate: number) => `${Math.round(rate * 100)}%`;
const pounds = (value: number) => `£${value.toFixed(2)}`;
const hoursOf = (minutes: number) => (minutes === 60 ? '1 hour' : `${minutes / 60} hours`);

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${d} ${month} ${y}`;
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function whoseWork(meta: PackMeta): string {
  const names = meta.organisations.map((o) => o.name);
  if (!meta.commissioner || names.length === 1) return names.join('');
  return `The ${names.length} organisations sharing their figures with ${meta.commissioner.name}`;
}

function serviceSection(inputs: SummaryInputs): string[] {
  const { meta, rounded, overall } = inputs;
  const cases = rounded.cases;
  const byCategory = CATEGORIES.map((c, i) => ({ label: labelOf(c).toLowerCase(), n: cases.byCategory[i] }))
    .filter((c): c is { label: string; n: number } => typeof c.n === 'number' && c.n > 0)
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
  const main = byCategory.slice(0, 3).map((c) => c.label);
  const filters = Object.entries(meta.filters)
    .map(([k, v]) => `${k.toLowerCase()} ${v}`)
    .join(', ');
  const first =
    `${whoseWork(meta)} closed about ${thousands(cases.total)} cases between ${longDate(meta.period.from)} and ` +
    `${longDate(meta.period.to)}${filters ? ` (${filters})` : ''} for clients who agreed that their anonymised ` +
    `figures may be used as evidence; about ${inputs.excludedShown} more were left out because the client did not agree.` +
    (main.length ? ` Most were about ${listInWords(main)}.` : '');
  const parts: string[] = [];
  if (typeof overall.relationshipHours === 'number')
    parts.push(
      `Advisers spent about ${thousands(overall.relationshipHours)} hours with these clients directly (relationship time)`,
    );
  const rate = (measure: 'positive_outcome' | 'problem_uncovered' | 'accepted') => rounded.measures[measure].overall;
  const positive = rate('positive_outcome');
  const uncovered = rate('problem_uncovered');
  const accepted = rate('accepted');
  const results: string[] = [];
  if (positive.rate !== null)
    results.push(`${pct(positive.rate)} of the cases with a result ended positively or partly positively`);
  if (uncovered.rate !== null)
    results.push(`${pct(uncovered.rate)} had an underlying problem uncovered beyond the one the client came with`);
  if (accepted.rate !== null) results.push(`${pct(accepted.rate)} of the clients asked accepted the outcome`);
  const second = [parts.join(''), results.length ? listInWords(results) : '']
    .filter(Boolean)
    .join('. ')
    .replace(/^./, (c) => c.toUpperCase());
  return second ? [first, `${second}.`] : [first];
}

/** "< 1 h" → "under 1 hour", "≥ 8 h" and "4 h and over" → "8 hours or more", "1–2 h" → "1–2 hours". */
export function bandInWords(label: string): string {
  const words = label
    .replace(/^< /, 'under ')
    .replace(/^≥ (.*)$/, '$1 or more')
    .replace(' and over', ' or more')
    .replace(/ h\b/, ' hours');
  return words.replace(/\b1 hours/, '1 hour');
}

function timeSection(rounded: RoundedOutcomes): string[] {
  const groups = rounded.measures.positive_outcome.groups.filter((g) => g.rate !== null);
  const lead =
    'The chart shows how often cases ended positively or partly positively by how much relationship time they had ' +
    '(time spent directly with the client), with the 95% interval of each rate and the number of cases it rests on.';
  if (groups.length < 2) return [lead];
  const low = groups[0];
  const high = groups[groups.length - 1];
  return [
    `${lead} ${pct(low.rate!)} of cases with ${bandInWords(low.label)} ended positively, against ` +
      `${pct(high.rate!)} of cases with ${bandInWords(high.label)}.`,
  ];
}

/** "the category of problem (each compared with Housing, the most common), …": reference groups in words. */
export function factorsInWords(estimate: AdjustedEstimate): string | null {
  const has = (prefix: string) => estimate.covariates.some((c) => c.startsWith(prefix));
  const refs = estimate.references;
  const parts: string[] = [];
  if (has('category'))
    parts.push(
      `the category of problem${refs ? ` (each compared with ${labelOf(refs.category).toLowerCase()}, the most common)` : ''}`,
    );
  if (has('vulnerab')) parts.push('the number of vulnerabilities');
  if (has('funding'))
    parts.push(
      `the funding stream${refs ? ` (each compared with ${labelOf(refs.fundingStream)}, the most common)` : ''}`,
    );
  return parts.length ? listInWords(parts) : null;
}

function adjustedSection(estimate: AdjustedEstimate, publishedN: number): string[] {
  const [low, high] = SUMMARY_MINUTES.map((m) => estimate.predictedRates?.find((r) => r.minutes === m));
  const factors = factorsInWords(estimate);
  if (!estimate.converged || estimate.oddsRatioPerDoubling === null || !low || !high)
    return [
      'Clients differ: some problems and some clients need more time whatever the outcome. No estimate that allows ' +
        `for the mix of cases could be made here: ${estimate.note?.replace(/^No estimate: /, '') ?? 'the model did not settle on an answer.'}`,
    ];
  const interval = (r: { ciLow: number; ciHigh: number }) => `${pct(r.ciLow)} to ${pct(r.ciHigh)}`;
  const direction =
    estimate.ciLow !== null && estimate.ciHigh !== null && estimate.ciLow <= 1 && estimate.ciHigh >= 1
      ? ' The estimate’s 95% interval includes no difference at all, so these cases show no clear association either way.'
      : '';
  return [
    'Clients differ: some problems and some clients need more time whatever the outcome. Allowing for ' +
      `${factors ?? 'the mix of cases'}, and keeping this pack's mix of cases, the model predicts a positive or partly ` +
      `positive outcome in ${pct(high.rate)} of cases given ${hoursOf(high.minutes)} of relationship time, against ` +
      `${pct(low.rate)} given ${hoursOf(low.minutes)} (95% intervals ${interval(high)} and ${interval(low)}; ` +
      `about ${thousands(publishedN)} cases).${direction}`,
  ];
}

function valueSection(meta: PackMeta, overall: PricingGroupView): string[] {
  const fiscal = overall.kinds.find((k) => k.kind === 'fiscal')!;
  const { central, low, high } = fiscal.netPerPoundSpent;
  const whose = meta.unitCosts.eachProvider
    ? `priced with each provider’s own unit-cost table at ${meta.unitCosts.priceYear} prices`
    : `priced with the unit costs of ${meta.unitCosts.organisationName} at ${meta.unitCosts.priceYear} prices`;
  const hourly = meta.unitCosts.eachProvider
    ? ' Each provider’s adviser time is costed at its own cost of an adviser hour.'
    : meta.unitCosts.hourlyCostGbp === null
      ? ''
      : ` Adviser time is costed at £${meta.unitCosts.hourlyCostGbp.toFixed(2)} an hour` +
        (meta.unitCosts.hourlyCostSource ? ' (the published Legal Help rate).' : ' (the organisation’s own figure).');
  if (typeof central === 'number' && typeof low === 'number' && typeof high === 'number')
    return [
      `Every £1 spent on adviser time went with about ${pounds(central)} of public money saved, after allowing ` +
        `for what would have happened anyway and for the part others played (${pounds(low)} on cautious assumptions, ${pounds(high)} on generous ones; ${whose}).${hourly}`,
    ];
  if (central === NOT_PRICED_FIGURE)
    return [
      `Value per £1 is not given: the public money saved rests only on outcomes that have no citable price yet (${whose}).`,
    ];
  return [
    `Value per £1 is not given: ${
      meta.unitCosts.hourlyCostGbp === null && !meta.unitCosts.eachProvider
        ? 'no cost of an adviser hour is recorded'
        : 'it rests on a figure too small to publish'
    } (${whose}).`,
  ];
}

const EVIDENCE =
  `This is evidence at Nesta level ${NESTA_LEVEL} of 5: it comes from the service's own casework records and ` +
  'shows how outcomes vary with relationship time, but with no comparison group it cannot prove that the time ' +
  'caused the outcomes (association, not proof of cause). Counts are rounded so that no client can be identified. ' +
  'The pages that follow give every figure with its interval, and the method.';

export function packSummary(inputs: SummaryInputs): PackSummary {
  return {
    heading: 'In brief',
    sections: [
      { key: 'service', heading: 'What the service did', paragraphs: serviceSection(inputs) },
      { key: 'time', heading: 'Outcomes and relationship time', paragraphs: timeSection(inputs.rounded) },
      {
        key: 'adjusted',
        heading: 'Allowing for the mix of cases',
        paragraphs: adjustedSection(inputs.positiveEstimate, inputs.positiveN),
      },
      { key: 'value', heading: 'Value for money', paragraphs: valueSection(inputs.meta, inputs.overall) },
      { key: 'evidence', heading: 'How strong the evidence is', paragraphs: [EVIDENCE] },
    ],
  };
}
