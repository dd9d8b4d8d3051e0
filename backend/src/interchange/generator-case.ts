/**
 * One generated case. The model plants the seed reports' findings ("Time well-spent", seeds 000
 * and 004) with noise, on the relationship time actually recorded, x = log2(max(minutes, 15) / 60):
 *
 * - need for time rises with complexity (immigration, community care, housing possession) and with
 *   vulnerability; fixed-fee legal aid squeezes the time given (cases needing a lot may escape);
 * - more relationship time → more trust and fuller disclosure → more underlying problems uncovered
 *   and higher client feedback (RQI) → a better understood, more often accepted outcome, so negative
 *   outcomes are more often "considered and not pursued" (avoided appeals) → less bounce-back;
 * - complexity and vulnerability lower outcomes, so raw rates understate the association with time
 *   a little (the case-mix adjustment in docs/measures.md has something to do).
 *
 * Each case draws from its own PRNG stream (seed, case index): cases are independent of each other
 * and of the order they are generated in.
 */
import {
  CATEGORIES,
  FUNDING_STREAMS,
  RETELLING_FEEDBACK_ITEM,
  type Category,
  type FundingStream,
} from '@deepvalue/shared';
import { workday, type DateText } from './calendar.js';
import { CATEGORY_MIX, CATEGORY_MODELS, LEGAL_AID_SHARE } from './generator-data.js';
import { legalAidOf } from './generator-legal-aid.js';
import { appealReasonOf, feedbackOf, followUpOf, outcomeOf, score, type CaseState } from './generator-outcome.js';
import { recordTime, settle } from './generator-time.js';
import { STREAM, clientOf, type AdviserTraits, type World } from './generator-world.js';
import type {
  ImportCase,
  ImportFeedback,
  ImportFollowUp,
  ImportOutcome,
  ImportReferral,
  ImportUnderlyingProblem,
} from './import-format.js';
import { Random, clamp, logistic } from './prng.js';

const SUBCATEGORY_WEIGHTS = Object.fromEntries(
  CATEGORIES.map((c) => [c, CATEGORY_MODELS[c].subcategories.map((s) => s.weight)]),
) as Record<Category, number[]>;
const PROBLEM_ACTIONS = ['handled_in_house', 'referred_warm', 'signposted', 'client_declined'] as const;
const byDate =
  <T>(date: (item: T) => string) =>
  (a: T, b: T) =>
    date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0;

/** About 1 case in 10 is a client who came before; their details come from the earlier client's stream. */
function clientIndexOf(world: World, index: number, r: Random): number {
  const returning = (i: number) => i > 0 && new Random(world.seed, STREAM.returning, i).float() < 0.1;
  if (!returning(index)) return index;
  // Look back up to about 18 months' worth of cases for the earlier visit.
  const window = Math.max(1, Math.ceil((world.options.cases * 540) / (world.endDay - world.startDay + 1)));
  let j = index - 1 - r.int(Math.min(index, window));
  while (j > 0 && returning(j)) j--;
  return j;
}

export function generateCase(world: World, index: number): ImportCase {
  const r = new Random(world.seed, STREAM.case, index);
  const { options, dates, endDay } = world;
  const { client, office: home } = clientOf(world, clientIndexOf(world, index, r));
  const vulnerabilities: readonly string[] = client.vulnerabilities ?? [];
  const v = vulnerabilities.length;
  const has = (flag: string) => vulnerabilities.includes(flag);

  // Presenting problem: language need makes immigration likelier, disability community care and benefits.
  const mix: number[] = [...CATEGORY_MIX[options.kind]];
  if (has('language_need')) mix[4] *= 3;
  if (has('disability') || has('mental_health')) {
    mix[5] *= 2;
    mix[1] *= 1.3;
  }
  const category = CATEGORIES[r.weighted(mix)];
  const model = CATEGORY_MODELS[category];
  const sub = model.subcategories[r.weighted(SUBCATEGORY_WEIGHTS[category])];

  // Cases arrive evenly over the period in index order, so refs run with dates as in a real system.
  const span = endDay - world.startDay + 1;
  const opened = settle(
    world.startDay + Math.floor(((index + r.float()) / options.cases) * span),
    world.startDay,
    endDay,
  );

  const office = options.offices > 0 ? (r.chance(0.9) ? home : r.int(options.offices)) : -1;
  const pool = world.advisersByOffice[Math.max(office, 0)];
  const count = world.advisers.length;
  const leadIndex = pool.length > 0 && r.chance(0.85) ? r.pick(pool) : r.int(count);
  const lead = world.advisers[leadIndex];
  const colleague = (): AdviserTraits => {
    if (count === 1) return lead;
    const pick = pool.length > 1 ? r.pick(pool) : r.int(count);
    return world.advisers[pick === leadIndex ? (pick + 1) % count : pick];
  };

  const complexity = model.complexity * sub.complexity * (1 + 0.12 * v) * r.logNormal(1, 0.2);

  // Arrival and bounce-in: clients with more vulnerabilities have been passed around more.
  const referrers = world.referrersOf[category];
  const referrerRef = referrers.length > 0 && r.chance(v >= 2 ? 0.55 : 0.42) ? r.pick(referrers) : null;
  const prior = r.chance(referrerRef ? 0.3 : 0.5) ? 0 : Math.min(12, 1 + r.poisson(0.5 + 0.25 * v));
  const told = Math.min(30, prior + r.poisson(0.4 + 0.35 * prior));

  // Funding, and the time the case needs against the time it gets.
  const legalAid = model.funding.legal_aid_fixed_fee * LEGAL_AID_SHARE[options.kind];
  const fundingWeights = FUNDING_STREAMS.map((f) => (f === 'legal_aid_fixed_fee' ? legalAid : model.funding[f]));
  let fundingStream: FundingStream = FUNDING_STREAMS[r.weighted(fundingWeights)];
  const needRelationship = 150 * complexity * lead.style * r.logNormal(1, 0.7);
  const caseworkRatio = model.caseworkRatio * Math.sqrt(sub.complexity) * r.logNormal(1, 0.4);
  // A case needing ~3× what the fee pays for (about 10 hours) can claim escape: most advisers do.
  if (fundingStream === 'legal_aid_fixed_fee' && needRelationship * (1 + caseworkRatio) >= 600 && r.chance(0.7)) {
    fundingStream = 'legal_aid_escape';
  }
  const squeeze = fundingStream === 'legal_aid_fixed_fee' ? 0.55 : fundingStream === 'grant' ? 1 : 0.9;
  const relationshipPlan = needRelationship * squeeze;

  const days = model.durationDays * complexity ** 0.4 * r.logNormal(1, 0.5) * (relationshipPlan / 150) ** 0.2;
  const plannedClose = workday(opened + Math.round(days));
  // A few cases stay open long after the work is done, waiting on a decision or a file review.
  const closed = plannedClose <= endDay && !r.chance(0.01);

  const continuity = r.chance(0.6) ? 1 : 0.5 + 0.45 * r.float();
  const time = recordTime(r, world, {
    opened,
    plannedClose,
    closed,
    lead,
    colleague,
    continuity,
    relationshipMinutes: relationshipPlan,
    caseworkMinutes: relationshipPlan * caseworkRatio,
    hearing: r.chance(sub.hearing),
    homeVisits: has('disability') || has('digital_exclusion'),
    fundingStream,
  });
  const sessions = time.relationshipDays;

  // Relationship quality: trust grows with time and continuity, and is harder after bouncing around.
  const x = Math.log2(Math.max(time.relationshipMinutes, 15) / 60);
  const trustLatent =
    2.75 +
    0.42 * x +
    0.9 * (continuity - 0.85) -
    0.12 * v -
    0.08 * Math.min(prior, 4) +
    0.5 * lead.skill +
    0.7 * r.normal();
  const openness = trustLatent + 0.6 * r.normal();
  const disclosure = openness >= 3.4 ? 'yes' : openness >= 2.3 ? 'partly' : 'no';
  const assessed = sessions.length > 0 && (closed ? r.chance(0.88) : sessions.length >= 2 && r.chance(0.4));
  const state: CaseState = {
    x,
    vulnerabilities: v,
    trustLatent,
    goodOdds: 0.7 + 0.35 * x - 0.2 * v - 0.6 * (complexity - 1) + lead.skill + 0.2 * (trustLatent - 3),
  };

  // Underlying problems come to light at sessions, more readily when the client discloses fully.
  const underlyingProblems: ImportUnderlyingProblem[] = [];
  const referrals: ImportReferral[] = [];
  if (referrerRef) {
    const kind = r.chance(0.55) ? 'warm_handover' : 'signpost';
    referrals.push({ direction: 'in', partnerRef: referrerRef, on: dates.of(opened), kind });
  }
  const discloses = disclosure === 'yes' ? 1.2 : disclosure === 'partly' ? 0.9 : 0.55;
  const rate = 0.27 * 2 ** (0.42 * x) * (1 + 0.15 * v) * discloses;
  const problems = sessions.length > 0 ? Math.min(4, r.poisson(rate)) : 0;
  for (let p = 0; p < problems; p++) {
    const problemCategory = CATEGORIES[r.weighted(model.underlying)];
    const day = r.pick(sessions);
    const trusting = trustLatent - 3;
    const action =
      PROBLEM_ACTIONS[r.weighted([40, clamp(22 + 6 * trusting, 5, 40), 22, clamp(12 - 4 * trusting, 3, 25)])];
    const problem: ImportUnderlyingProblem = { category: problemCategory, uncoveredOn: dates.of(day), action };
    if (action === 'referred_warm' || action === 'signposted') {
      const partnerRef = r.pick(world.partnersServing[problemCategory]);
      const warm = action === 'referred_warm';
      // A warm handover reaches support far more often than a signpost.
      const reached = r.chance(0.15) ? null : r.chance(logistic((warm ? 0.9 : -0.5) + 0.35 * trusting));
      // The problem carries its own referral; `referrals` holds the presenting problem's (see docs/measures.md).
      problem.partnerRef = partnerRef;
      problem.reachedSupport = reached;
    } else if (action === 'handled_in_house' && closed) {
      const good = r.chance(logistic(state.goodOdds + 0.3));
      problem.result = good ? 'positive' : r.chance(0.5) ? 'partly_positive' : 'negative';
    }
    underlyingProblems.push(problem);
  }
  underlyingProblems.sort(byDate((p) => p.uncoveredOn));

  // Bounce-out: the presenting problem itself passed on (capacity, scope), more often after little contact.
  const passedOn = closed && r.chance(logistic(-3.2 - 0.3 * x));
  if (passedOn) {
    referrals.push({
      direction: 'out',
      partnerRef: r.pick(world.partnersServing[category]),
      on: dates.of(plannedClose),
      kind: r.chance(0.5) ? 'warm_handover' : 'signpost',
      reachedSupport: r.chance(0.3) ? null : r.chance(0.5),
    });
  }

  const outcome = closed ? outcomeOf(r, state, model, sub.name, passedOn) : null;
  if (outcome?.appeal === 'considered_not_pursued') {
    outcome.appealNotPursuedReason = appealReasonOf(new Random(world.seed, STREAM.appealReason, index), outcome);
  }
  const confidenceAtIntake = confidenceAtIntakeOf(new Random(world.seed, STREAM.confidenceAtIntake, index), v, outcome);
  const feedback: ImportFeedback[] = [];
  if (sessions.length >= 3 && r.chance(0.12))
    feedback.push(feedbackOf(r, dates.of(sessions[sessions.length - 1]), state));
  if (closed && outcome?.result !== 'lost_contact' && r.chance(0.6)) {
    feedback.push(feedbackOf(r, dates.of(plannedClose), state));
  }
  feedback.sort(byDate((f) => f.on));
  answerRetellingItem(new Random(world.seed, STREAM.retellingItem, index), feedback, told);

  // Follow-up only where six months have passed by the end of the period, and the client could be reached.
  const followUps: ImportFollowUp[] = [];
  if (outcome && plannedClose + 190 <= endDay && r.chance(0.8)) {
    followUps.push(followUpOf(r, state, outcome, plannedClose, dates));
  }

  const laaDetails = legalAidOf(
    new Random(world.seed, STREAM.legalAid, index),
    { category, subcategory: sub.name, fundingStream, closed },
    office,
    client.postcodeDistrict,
  );
  return {
    ref: `c-${index + 1}`,
    client,
    category,
    subcategory: sub.name,
    openedOn: dates.of(opened),
    ...firstContactOf(new Random(world.seed, STREAM.firstContact, index), opened, referrerRef !== null, dates),
    closedOn: closed ? dates.of(plannedClose) : null,
    leadAdviserRef: lead.ref,
    officeRef: office >= 0 ? (world.header.offices?.[office]?.ref ?? null) : null,
    fundingStream,
    arrival: referrerRef ? { route: 'referred', referrerRef } : { route: 'self' },
    // A few intake forms leave the bounce-in questions blank.
    priorOrganisationsContacted: r.chance(0.03) ? null : prior,
    timesToldStoryBefore: r.chance(0.04) ? null : told,
    ...(confidenceAtIntake === null ? {} : { confidenceAtIntake }),
    timeEntries: time.entries,
    feedback,
    adviserAssessment: assessed ? { trust: score(trustLatent), disclosure } : null,
    underlyingProblems,
    referrals,
    outcome,
    followUps,
    ...(laaDetails ? { legalAid: laaDetails } : {}),
  };
}

/**
 * The client's first contact with the organisation: about a third of cases are opened at the first
 * contact itself; the others wait a few days to a few weeks for an appointment (referred clients, whose
 * referrer made the first contact, a little longer). Drawn from a stream of its own.
 */
function firstContactOf(r: Random, opened: number, referred: boolean, dates: DateText): { firstContactOn?: string } {
  if (r.chance(0.35)) return {};
  const wait = Math.min(60, Math.round(r.logNormal(referred ? 7 : 4, 0.8)));
  return wait > 0 ? { firstContactOn: dates.of(opened - wait) } : {};
}

/**
 * Confidence asked at intake, in about 70% of cases (the question is newer than some records). Where it
 * was asked, the close form does not ask "before" again: the answer the outcome would have recorded as
 * "before" moves to intake, so the change in confidence keeps its meaning. Drawn from a stream of its own.
 */
function confidenceAtIntakeOf(r: Random, vulnerabilities: number, outcome: ImportOutcome | null): number | null {
  if (!r.chance(0.7)) return null;
  if (!outcome || outcome.confidenceBefore === undefined || outcome.confidenceBefore === null)
    return score(2.3 - 0.2 * vulnerabilities + 0.8 * r.normal());
  const before = outcome.confidenceBefore;
  outcome.confidenceBefore = null;
  return before;
}

/**
 * The feedback item "I didn't have to repeat my story" (newer than the other six, so on about three
 * forms in four): clients who had told their story more often before score it lower. Drawn from a
 * stream of its own, so the other answers stay as they were.
 */
function answerRetellingItem(r: Random, feedback: ImportFeedback[], told: number): void {
  for (const form of feedback) {
    const answer = score(4.3 - 0.55 * Math.min(told, 3) + 0.8 * r.normal());
    if (r.chance(0.75)) form.items[RETELLING_FEEDBACK_ITEM] = answer;
  }
}
