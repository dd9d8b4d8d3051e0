/**
 * Which unit costs each recorded benefit or avoided event is priced with (docs/pricing.md). A plain, editable
 * data structure: an event may map to several unit costs of different kinds (eviction avoided is
 * both public money saved and wellbeing to the person), and the kinds stay apart when valued.
 */
import { BENEFIT_TYPES, labelOf } from '@deepvalue/shared';
import type { FieldError } from '../common/domain-error.js';
import type { UnitCost } from '@deepvalue/shared';

/**
 * Recorded substantive benefits plus the two avoided events the analytics count: an avoided appeal
 * (considered and not pursued because the client understood and accepted the outcome) and a
 * bounce-back avoided (followed up, no same-problem re-contact).
 */
export const OUTCOME_EVENTS = [...BENEFIT_TYPES, 'avoided_appeal', 'bounce_back_avoided'] as const;
export type OutcomeEvent = (typeof OUTCOME_EVENTS)[number];

export interface MappingEntry {
  event: OutcomeEvent;
  unitCostKey: string;
  /** Years the value lasts. Only per-year unit costs use it: a per-event cost is one-off. */
  durationYears: number;
  /** Why this unit cost prices this event, shown in the method. */
  rationale: string;
}

export type BenefitMapping = readonly MappingEntry[];

const HOUSING_PROXY = 'Proxy: keeping the home keeps the person out of temporary accommodation';

export const DEFAULT_BENEFIT_MAPPING: BenefitMapping = [
  { event: 'eviction_avoided', unitCostKey: 'eviction_public_cost', durationYears: 1, rationale: 'Direct' },
  {
    event: 'eviction_avoided',
    unitCostKey: 'hact_temporary_to_settled_housing',
    durationYears: 1,
    rationale: HOUSING_PROXY,
  },
  {
    event: 'home_kept',
    unitCostKey: 'eviction_public_cost',
    durationYears: 1,
    rationale: 'The same benefit as eviction avoided (recorded as one benefit: "home kept or eviction avoided")',
  },
  { event: 'home_kept', unitCostKey: 'hact_temporary_to_settled_housing', durationYears: 1, rationale: HOUSING_PROXY },
  {
    event: 'benefit_awarded',
    unitCostKey: 'benefit_income_recorded',
    durationYears: 3,
    rationale: 'Awards usually continue beyond a year; drop-off allows for ending or change',
  },
  {
    event: 'benefit_reinstated',
    unitCostKey: 'benefit_income_recorded',
    durationYears: 3,
    rationale: 'As benefit awarded',
  },
  { event: 'debt_written_off', unitCostKey: 'debt_written_off_recorded', durationYears: 1, rationale: 'Direct' },
  { event: 'debt_written_off', unitCostKey: 'hact_relief_heavy_debt', durationYears: 1, rationale: 'Direct' },
  // Debt made manageable is still owed, so only the wellbeing of relief is valued, not the £.
  { event: 'debt_made_manageable', unitCostKey: 'hact_relief_heavy_debt', durationYears: 1, rationale: 'Direct' },
  { event: 'employment_kept', unitCostKey: 'hact_full_time_employment', durationYears: 1, rationale: 'Proxy' },
  { event: 'employment_kept', unitCostKey: 'out_of_work_public_cost', durationYears: 1, rationale: 'Direct' },
  {
    event: 'immigration_status_secured',
    unitCostKey: 'immigration_status_secured',
    durationYears: 1,
    rationale: 'Direct',
  },
  { event: 'care_package_secured', unitCostKey: 'care_package_secured', durationYears: 1, rationale: 'Direct' },
  {
    event: 'avoided_appeal',
    unitCostKey: 'tribunal_appeal_sscs',
    durationYears: 1,
    rationale:
      'An appeal considered and not pursued because the client understood and accepted the outcome is a tribunal appeal the state did not pay for',
  },
  {
    event: 'bounce_back_avoided',
    unitCostKey: 'repeat_advice_episode',
    durationYears: 1,
    rationale:
      'A client followed up who did not bounce back does not need a repeat advice episode elsewhere (no follow-up: not counted)',
  },
  // 'other' is deliberately unmapped: it is listed as unmapped in the result, not priced.
];

/**
 * Benefits that record the same avoided event: a case recording both is priced once, as `sameAs`
 * (pricing-aggregates.repository.ts leaves the other out of that case's events). Home kept and eviction
 * avoided are one benefit ("home kept or eviction avoided") and both price the avoided eviction.
 */
export const SAME_AVOIDED_EVENT: ReadonlyArray<{ event: OutcomeEvent; sameAs: OutcomeEvent }> = [
  { event: 'home_kept', sameAs: 'eviction_avoided' },
];

export const SAME_EVENT_NOTE = SAME_AVOIDED_EVENT.map(
  ({ event, sameAs }) =>
    `A case that records both "${labelOf(event).toLowerCase()}" and "${labelOf(sameAs).toLowerCase()}" (the same ` +
    `avoided event) is priced once, as ${labelOf(sameAs).toLowerCase()}.`,
).join(' ');

export function entriesFor(mapping: BenefitMapping, event: OutcomeEvent): MappingEntry[] {
  return mapping.filter((entry) => entry.event === event);
}

/** Problems with an edited mapping, each with the path of the offending field. */
export function validateMapping(mapping: BenefitMapping, unitCosts: readonly UnitCost[]): FieldError[] {
  const keys = new Set(unitCosts.map((cost) => cost.key));
  const events = new Set<string>(OUTCOME_EVENTS);
  const errors: FieldError[] = [];
  mapping.forEach((entry, i) => {
    if (!events.has(entry.event)) errors.push({ path: `mapping[${i}].event`, message: 'is not a known event' });
    if (!keys.has(entry.unitCostKey)) {
      errors.push({ path: `mapping[${i}].unitCostKey`, message: 'is not in the unit-cost table' });
    }
    if (!Number.isInteger(entry.durationYears) || entry.durationYears < 1 || entry.durationYears > 50) {
      errors.push({ path: `mapping[${i}].durationYears`, message: 'must be a whole number of years from 1 to 50' });
    }
  });
  return errors;
}
