/**
 * Outcome, client feedback and follow-up of a generated case. Inputs are the case's recorded
 * relationship time x = log2(max(minutes, 15) / 60), its number of vulnerability flags and the
 * adviser's latent trust; see generator-case.ts for the model as a whole.
 */
import {
  FEEDBACK_SOURCES,
  type AppealNotPursuedReason,
  type AppealStatus,
  type OutcomeResult,
} from '@deepvalue/shared';
import type { DateText } from './calendar.js';
import { FEEDBACK_COMMENTS, type CategoryModel } from './generator-data.js';
import type { ImportBenefit, ImportFeedback, ImportFollowUp, ImportOutcome } from './import-format.js';
import { clamp, logistic, type Random } from './prng.js';

/** A 1–5 answer from a latent score. */
export const score = (value: number): number => clamp(Math.round(value), 1, 5);

export interface CaseState {
  /** log2 of recorded relationship hours (15 minutes floor). */
  x: number;
  vulnerabilities: number;
  trustLatent: number;
  /** Log-odds of a positive or partly positive result among cases with a result. */
  goodOdds: number;
}

export function outcomeOf(
  r: Random,
  s: CaseState,
  model: CategoryModel,
  subcategory: string,
  passedOn: boolean,
): ImportOutcome {
  const { x, vulnerabilities: v, trustLatent } = s;
  let result: OutcomeResult;
  if (r.chance(logistic(-2.4 - 0.35 * x + 0.15 * v + (passedOn ? 1.2 : 0)))) {
    result = r.chance(0.6) ? 'lost_contact' : 'withdrawn';
  } else if (r.chance(logistic(s.goodOdds))) {
    result = r.chance(logistic(0.2 + 0.25 * x)) ? 'positive' : 'partly_positive';
  } else {
    result = 'negative';
  }
  if (result === 'lost_contact') return { result, benefits: [] };

  const understood = score(2.9 + 0.38 * x + 0.3 * (trustLatent - 3) + 0.8 * r.normal());
  const base = result === 'positive' ? 3 : result === 'partly_positive' ? 1 : result === 'negative' ? -1.1 : 0.5;
  // Acceptance is asked in most closed cases; understanding drives it, as the study found.
  const accepted = r.chance(0.93) ? r.chance(logistic(base + 0.45 * x + 0.55 * (understood - 3) - 0.1 * v)) : null;
  const asked = r.chance(0.8);
  const confidenceBefore = score(2.3 - 0.2 * v + 0.8 * r.normal());
  const gain = 0.3 + 0.3 * x + (result === 'positive' ? 0.5 : 0) + 0.7 * r.normal();
  const confidenceAfter = score(confidenceBefore + gain);
  const good = result === 'positive' || result === 'partly_positive';
  return {
    result,
    benefits: good ? benefitsOf(r, model, subcategory, result) : [],
    understood,
    accepted,
    appeal: appealOf(r, result, accepted ?? understood >= 4),
    confidenceBefore: asked ? confidenceBefore : null,
    confidenceAfter: asked ? confidenceAfter : null,
    wouldSeekAdviceEarlier: asked ? r.chance(logistic(-0.2 + 0.3 * x)) : null,
    couldHandleSimilar: asked ? r.chance(logistic(-1.4 + 0.3 * x + 0.2 * (confidenceAfter - 3))) : null,
  };
}

/** A client who understood and accepted a poor result seldom appeals: the avoided appeal. */
function appealOf(r: Random, result: OutcomeResult, accepted: boolean): AppealStatus {
  switch (result) {
    case 'positive':
      return r.chance(0.97) ? 'none_needed' : 'lodged';
    case 'partly_positive':
      if (accepted) return r.chance(0.55) ? 'none_needed' : 'considered_not_pursued';
      return r.chance(0.6) ? 'lodged' : 'considered_not_pursued';
    case 'negative':
      if (accepted) return r.chance(0.85) ? 'considered_not_pursued' : 'none_needed';
      return (['lodged', 'considered_not_pursued', 'none_needed'] as const)[r.weighted([70, 15, 15])];
    default:
      return 'none_needed';
  }
}

/**
 * Why an appeal considered was not pursued. A client who accepted the outcome mostly did so because
 * they understood it; one who did not accept it gave up for another reason (the cases that must never
 * count as a saving). About 1 in 8 is left unrecorded, as older records and other systems leave it.
 */
export function appealReasonOf(r: Random, outcome: ImportOutcome): AppealNotPursuedReason | null {
  if (r.chance(0.12)) return null;
  if (outcome.accepted === true) {
    return (['accepted_outcome', 'no_merit_advised', 'out_of_time', 'other'] as const)[r.weighted([85, 8, 4, 3])];
  }
  const reasons = ['no_merit_advised', 'client_could_not_face_it', 'out_of_time', 'other'] as const;
  return reasons[r.weighted([35, 35, 20, 10])];
}

const pounds = (value: number) => Math.round(value);
/** Weekly benefit × 52, in pence first so the amount has at most 2 decimal places. */
const yearlyBenefit = (r: Random, share: number) => (Math.round(r.between(2000, 18000) * share) * 52) / 100;

function benefitsOf(r: Random, model: CategoryModel, subcategory: string, result: OutcomeResult): ImportBenefit[] {
  const share = result === 'positive' ? 1 : 0.5;
  const type = subcategory === 'possession' ? 'eviction_avoided' : r.pick(model.benefits);
  const benefits: ImportBenefit[] = [];
  switch (type) {
    case 'benefit_awarded':
    case 'benefit_reinstated':
      benefits.push({ type, amountGbp: yearlyBenefit(r, share) });
      break;
    case 'debt_written_off':
      benefits.push({ type, amountGbp: pounds(Math.min(60000, r.logNormal(2500, 0.9) * share)) });
      break;
    case 'debt_made_manageable':
      benefits.push({ type, amountGbp: pounds(Math.min(60000, r.logNormal(4000, 0.8))) });
      break;
    case 'care_package_secured':
      benefits.push({ type, amountGbp: r.chance(0.5) ? pounds(r.logNormal(12000, 0.6) * share) : null });
      break;
    case 'other':
      benefits.push({ type, amountGbp: pounds(r.logNormal(3000, 0.8) * share) });
      break;
    default:
      benefits.push({ type, amountGbp: null });
  }
  // Income maximisation: a debt or housing case often finds unclaimed benefits too.
  if ((model.benefits.includes('debt_written_off') || model.benefits.includes('home_kept')) && r.chance(0.2)) {
    benefits.push({ type: 'benefit_awarded', amountGbp: yearlyBenefit(r, share) });
  }
  return benefits;
}

/**
 * Client feedback items the generator answers, and how each sits against the client's overall view
 * (respect is rated highest). Its own list, not the default item set, so an item added to the defaults
 * leaves generated data as it was.
 */
const ITEM_OFFSETS: Record<string, number> = {
  time_to_listen: 0,
  respect: 0.35,
  understood_situation: -0.05,
  explained_clearly: -0.1,
  trusted_adviser: 0,
  on_my_side: 0.1,
};

export function feedbackOf(r: Random, on: string, s: CaseState): ImportFeedback {
  const view = 3.45 + 0.3 * s.x + 0.35 * (s.trustLatent - 3) + 0.4 * r.normal();
  const items: Record<string, number> = {};
  for (const key of Object.keys(ITEM_OFFSETS)) {
    const answer = score(view + ITEM_OFFSETS[key] + 0.55 * r.normal());
    // A few items are left blank, but a form always has at least one answer.
    if (r.chance(0.93) || (key === 'on_my_side' && Object.keys(items).length === 0)) items[key] = answer;
  }
  const feedback: ImportFeedback = { on, items, source: FEEDBACK_SOURCES[r.weighted([50, 30, 20])] };
  if (r.chance(0.2)) feedback.comment = r.pick(view >= 3.5 ? FEEDBACK_COMMENTS.good : FEEDBACK_COMMENTS.poor);
  return feedback;
}

/**
 * The follow-up about six months after close. A same-problem re-contact (bounce-back) is dated
 * within the six months; it is less likely after more relationship time and an accepted outcome.
 */
export function followUpOf(
  r: Random,
  s: CaseState,
  outcome: ImportOutcome,
  closedDay: number,
  dates: DateText,
): ImportFollowUp {
  const result = outcome.result;
  const noResult = result === 'lost_contact' || result === 'withdrawn';
  const sameOdds =
    -1.6 -
    0.4 * s.x +
    0.15 * s.vulnerabilities +
    (result === 'negative' ? 0.5 : 0) +
    (noResult ? 0.7 : 0) -
    (outcome.accepted ? 0.3 : 0);
  const recontact = r.chance(logistic(sameOdds)) ? 'same_problem' : r.chance(0.12) ? 'new_problem' : 'none';
  const day = closedDay + (recontact === 'same_problem' ? r.between(14, 175) : r.between(175, 190));
  const good = result === 'positive' || result === 'partly_positive';
  return {
    on: dates.of(day),
    recontact,
    outcomeSustained: good ? r.chance(recontact === 'same_problem' ? 0.3 : 0.9) : null,
  };
}
