/**
 * Generated casework for the report tests, written straight to the database through the normal
 * tables (so the fact and roll-up triggers run), and docs/measures.md's definitions of each measure
 * computed again here in plain JavaScript, independently of the report SQL.
 */
import type { DataSource } from 'typeorm';

export interface SimCase {
  id: string;
  ref: string;
  category: string;
  funding: string;
  arrival: string;
  vulnerabilities: string[];
  office: number | null;
  adviser: number;
  openedOn: string;
  closedOn: string | null;
  /** Relationship sessions: minutes, by the lead adviser or not, days after opening. */
  sessions: Array<{ minutes: number; byLead: boolean; day: number }>;
  caseworkMinutes: number;
  feedback: number[][];
  result: string | null;
  accepted: boolean | null;
  appeal: string | null;
  /** Why an appeal considered was not pursued (only then). */
  appealReason: string | null;
  problems: Array<{
    action: string;
    reached: boolean | null;
    /** The problem's own result, and the day after opening it was uncovered (0: the day of opening). */
    result?: string | null;
    uncoveredDay?: number;
  }>;
  referralsOut: Array<boolean | null>;
  priorOrganisations: number | null;
  recontactOn: string | null;
  /** The client's first contact, when recorded (before opening); null: the day the case was opened. */
  firstContactOn: string | null;
  /** Followed up with no re-contact (a case with a re-contact was followed up by definition). */
  followedUp: boolean;
  /** The measures of understanding, trust, personal development, retelling and follow-up (`extras`). */
  extras?: SimExtras;
}

export interface SimExtras {
  /** On the outcome (only with one). */
  understood: number | null;
  confidenceBefore: number | null;
  confidenceAfter: number | null;
  wouldSeekEarlier: boolean | null;
  couldHandleSimilar: boolean | null;
  /** Asked at intake (on the case): stands in for the close-time "before" when recorded. */
  confidenceAtIntake: number | null;
  /** The adviser's assessment (a row only when either is recorded). */
  trust: number | null;
  disclosure: string | null;
  timesToldStory: number | null;
  /** On the case's one follow-up (closed, followed-up cases only). */
  sustained: boolean | null;
  /** A second, later follow-up about a new problem. */
  newProblem: boolean;
}

export interface Fixture {
  orgId: string;
  officeIds: string[];
  adviserIds: string[];
  adviserNames: string[];
  cases: SimCase[];
}

const CATEGORIES = ['housing', 'debt', 'welfare_benefits', 'employment'];
const FUNDING = ['legal_aid_fixed_fee', 'grant', 'pro_bono'];
const RESULTS = ['positive', 'partly_positive', 'negative', 'negative', 'withdrawn', 'lost_contact', null];
const APPEALS = ['none_needed', 'lodged', 'considered_not_pursued', 'considered_not_pursued', null];
/** Taken by case index, so adding it left every other simulated value as it was. */
const APPEAL_REASONS = ['accepted_outcome', null, 'client_could_not_face_it', 'accepted_outcome', 'out_of_time'];
const ACTIONS = ['handled_in_house', 'referred_warm', 'signposted', 'client_declined'];
/** Deliberately not in id order, so ordering by name is visible. */
export const ADVISER_NAMES = ['Zoe Adams', 'Ann Brown', 'Mo Clark'];

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Months added as PostgreSQL adds an interval: 31 August + 6 months = 28 (or 29) February. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, days));
  return first.toISOString().slice(0, 10);
}

/** Closed at least six months before asOf: the whole same-problem window has passed. */
export const isMature = (c: SimCase, asOf: string) => addMonths(c.closedOn!, 6) <= asOf;

export function simulate(count: number, seed = 7): Omit<SimCase, 'id'>[] {
  let state = seed;
  const rnd = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const cases: Omit<SimCase, 'id'>[] = [];
  for (let i = 0; i < count; i++) {
    const reasonIndex = i % APPEAL_REASONS.length;
    const openedOn = addDays('2024-01-01', Math.floor(rnd() * 1000));
    const closeAfter = rnd() < 0.9 ? Math.floor(rnd() * 150) : null;
    const closedOn =
      closeAfter === null || addDays(openedOn, closeAfter) > '2026-11-01' ? null : addDays(openedOn, closeAfter);
    const result = closedOn ? pick(RESULTS) : null;
    const sessions = Array.from({ length: pick([0, 1, 1, 2, 3]) }, () => ({
      minutes: pick([20, 45, 60, 90, 150, 240]),
      byLead: rnd() < 0.75,
      day: Math.floor(rnd() * 30),
    }));
    cases.push({
      ref: `case-${i}`,
      category: pick(CATEGORIES),
      funding: pick(FUNDING),
      arrival: pick(['self', 'referred']),
      vulnerabilities: rnd() < 0.3 ? ['mental_health'] : rnd() < 0.25 ? ['disability', 'language_need'] : [],
      office: pick([0, 1, null]),
      adviser: Math.floor(rnd() * 3),
      openedOn,
      closedOn,
      sessions,
      caseworkMinutes: pick([0, 30, 60, 120, 300, 600]),
      feedback:
        rnd() < 0.5
          ? []
          : Array.from({ length: pick([1, 2]) }, () =>
              // Seven answers: the six items and the retelling item (FEEDBACK_ITEM_KEYS).
              Array.from({ length: pick([2, 4, 7, 7, 7]) }, () => 1 + Math.floor(rnd() * 5)),
            ),
      result,
      accepted: result ? pick([true, true, false, null]) : null,
      appeal: result ? pick(APPEALS) : null,
      appealReason: null,
      problems: Array.from({ length: pick([0, 0, 1, 2]) }, () => ({
        action: pick(ACTIONS),
        reached: pick([true, false, null]),
      })),
      referralsOut: Array.from({ length: pick([0, 0, 0, 1, 2]) }, () => pick([true, false, null])),
      priorOrganisations: pick([0, 0, 1, 2, 3, 5, null]),
      recontactOn: closedOn && rnd() < 0.3 ? addDays(closedOn, Math.floor(rnd() * 270)) : null,
      // By index, so adding it left every other simulated value as it was.
      followedUp: i % 3 !== 0,
      firstContactOn: i % 4 === 0 ? addDays(openedOn, -(i % 13)) : null,
    });
    const made = cases[cases.length - 1];
    if (made.appeal === 'considered_not_pursued') made.appealReason = APPEAL_REASONS[reasonIndex];
  }
  // A stream of its own, so adding these left every other simulated value as it was.
  let extra = seed + 1000;
  const rnd2 = () => (extra = (extra * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick2 = <T>(xs: readonly T[]) => xs[Math.floor(rnd2() * xs.length)];
  const score = () => pick2([1, 2, 3, 4, 5, 4, 5, null]);
  for (const c of cases) {
    c.extras = {
      understood: c.result ? score() : null,
      confidenceBefore: c.result ? score() : null,
      confidenceAfter: c.result ? score() : null,
      wouldSeekEarlier: c.result ? pick2([true, false, null]) : null,
      couldHandleSimilar: c.result ? pick2([true, true, false, null]) : null,
      confidenceAtIntake: pick2([null, null, 2, 3]),
      trust: score(),
      disclosure: pick2(['yes', 'yes', 'partly', 'no', null]),
      timesToldStory: pick2([0, 0, 1, 2, 3, 4, null]),
      sustained: pick2([true, true, false, null]),
      newProblem: rnd2() < 0.2,
    };
    for (const p of c.problems) {
      p.result = pick2(['positive', 'partly_positive', 'negative', 'withdrawn', 'lost_contact', null, null]);
      p.uncoveredDay = Math.floor(rnd2() * 40);
    }
  }
  return cases;
}

type Query = (sql: string, params?: unknown[]) => Promise<Array<Record<string, string>>>;

/** What seedOrganisation needs of the test harness (typed here, so this file needs nothing outside src). */
interface Staffing<U> {
  dataSource: DataSource;
  makeOrganisation(): Promise<{ id: string; ref: string }>;
  makeUser(organisationId: string, role: 'manager' | 'adviser', input?: { name?: string }): Promise<U>;
}

/** A new organisation with a manager and `count` simulated cases (generator seed `seedNumber`) by its advisers. */
export async function seedOrganisation<U extends { id: string }>(
  h: Staffing<U>,
  count: number,
  seedNumber?: number,
): Promise<{ ref: string; manager: U; fixture: Fixture }> {
  const org = await h.makeOrganisation();
  const manager = await h.makeUser(org.id, 'manager');
  const adviser = async (name: string) => (await h.makeUser(org.id, 'adviser', { name })).id;
  const fixture = await seed(h.dataSource, org.id, simulate(count, seedNumber), adviser);
  return { ref: org.ref, manager, fixture };
}

/** Writes the cases for one organisation; returns them with their ids. */
export async function seed(
  dataSource: DataSource,
  orgId: string,
  simulated: Omit<SimCase, 'id'>[],
  makeAdviser: (name: string) => Promise<string>,
): Promise<Fixture> {
  const q: Query = (sql, params) => dataSource.query(sql, params);
  const adviserIds: string[] = [];
  for (const name of ADVISER_NAMES) adviserIds.push(await makeAdviser(name));
  const officeIds = (
    await q(
      `INSERT INTO offices (organisation_id, ref, name) VALUES ($1, 'north', 'North'), ($1, 'east', 'East') RETURNING id`,
      [orgId],
    )
  ).map((r) => r.id);
  const [partner] = await q(
    `INSERT INTO partners (organisation_id, ref, name) VALUES ($1, 'p1', 'Partner') RETURNING id`,
    [orgId],
  );
  const cases: SimCase[] = [];
  for (const [i, c] of simulated.entries()) {
    const [client] = await q(
      `INSERT INTO clients (organisation_id, ref, vulnerabilities, evidence_consent) VALUES ($1, $2, $3, true) RETURNING id`,
      [orgId, `client-${i}`, c.vulnerabilities],
    );
    const lead = adviserIds[c.adviser];
    const other = adviserIds[(c.adviser + 1) % adviserIds.length];
    const [row] = await q(
      `INSERT INTO cases (organisation_id, ref, client_id, office_id, category, opened_on, closed_on, lead_adviser_id,
                          funding_stream, arrival_route, prior_organisations_contacted, first_contact_on,
                          times_told_story_before, confidence_at_intake)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        orgId,
        c.ref,
        client.id,
        c.office === null ? null : officeIds[c.office],
        c.category,
        c.openedOn,
        c.closedOn,
        lead,
        c.funding,
        c.arrival,
        c.priorOrganisations,
        c.firstContactOn,
        c.extras?.timesToldStory ?? null,
        c.extras?.confidenceAtIntake ?? null,
      ],
    );
    const entries = [
      ...c.sessions.map((s) => [
        s.byLead ? lead : other,
        addDays(c.openedOn, s.day),
        s.minutes,
        'relationship',
        'advice_session',
        'face_to_face',
      ]),
      ...(c.caseworkMinutes ? [[lead, c.openedOn, c.caseworkMinutes, 'casework', 'letter', 'none']] : []),
    ];
    if (entries.length) {
      await q(
        `INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode)
         SELECT $1, $2, t.* FROM unnest($3::uuid[], $4::date[], $5::int[], $6::text[], $7::text[], $8::text[]) AS t`,
        [orgId, row.id, ...[0, 1, 2, 3, 4, 5].map((k) => entries.map((e) => e[k]))],
      );
    }
    for (const scores of c.feedback) {
      const items = Object.fromEntries(scores.map((s, k) => [FEEDBACK_ITEM_KEYS[k], s]));
      await q(`INSERT INTO feedback (organisation_id, case_id, "on", items) VALUES ($1, $2, $3, $4)`, [
        orgId,
        row.id,
        c.openedOn,
        JSON.stringify(items),
      ]);
    }
    if (c.result) {
      await q(
        `INSERT INTO outcomes (organisation_id, case_id, result, accepted, appeal, appeal_not_pursued_reason,
                               understood, confidence_before, confidence_after, would_seek_advice_earlier,
                               could_handle_similar)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          orgId,
          row.id,
          c.result,
          c.accepted,
          c.appeal,
          c.appealReason,
          c.extras?.understood ?? null,
          c.extras?.confidenceBefore ?? null,
          c.extras?.confidenceAfter ?? null,
          c.extras?.wouldSeekEarlier ?? null,
          c.extras?.couldHandleSimilar ?? null,
        ],
      );
    }
    if (c.extras && (c.extras.trust !== null || c.extras.disclosure !== null)) {
      await q(`INSERT INTO adviser_assessments (organisation_id, case_id, trust, disclosure) VALUES ($1, $2, $3, $4)`, [
        orgId,
        row.id,
        c.extras.trust,
        c.extras.disclosure,
      ]);
    }
    for (const p of c.problems) {
      await q(
        `INSERT INTO underlying_problems (organisation_id, case_id, category, uncovered_on, action, reached_support, result)
         VALUES ($1, $2, 'debt', $3, $4, $5, $6)`,
        [
          orgId,
          row.id,
          addDays(c.openedOn, p.uncoveredDay ?? 0),
          p.action,
          p.action === 'referred_warm' || p.action === 'signposted' ? p.reached : null,
          p.result ?? null,
        ],
      );
    }
    for (const reached of c.referralsOut) {
      await q(
        `INSERT INTO referrals (organisation_id, case_id, direction, partner_id, "on", kind, reached_support)
         VALUES ($1, $2, 'out', $3, $4, 'warm_handover', $5)`,
        [orgId, row.id, partner.id, c.openedOn, reached],
      );
    }
    // A referral in never counts towards bounce-out or referral completion.
    if (i % 10 === 0) {
      await q(
        `INSERT INTO referrals (organisation_id, case_id, direction, partner_id, "on", kind, reached_support)
         VALUES ($1, $2, 'in', $3, $4, 'signpost', true)`,
        [orgId, row.id, partner.id, c.openedOn],
      );
    }
    const sustained = c.extras?.sustained ?? null;
    if (c.recontactOn) {
      await q(
        `INSERT INTO follow_ups (organisation_id, case_id, "on", recontact, outcome_sustained)
         VALUES ($1, $2, $3, 'same_problem', $4)`,
        [orgId, row.id, c.recontactOn, sustained],
      );
    } else if (c.followedUp && c.closedOn) {
      await q(
        `INSERT INTO follow_ups (organisation_id, case_id, "on", recontact, outcome_sustained)
         VALUES ($1, $2, $3, 'none', $4)`,
        [orgId, row.id, addDays(c.closedOn, 180), sustained],
      );
    }
    // A later follow-up about a new problem, which does not ask whether the outcome lasted.
    if (c.extras?.newProblem && c.closedOn && (c.recontactOn || c.followedUp)) {
      await q(`INSERT INTO follow_ups (organisation_id, case_id, "on", recontact) VALUES ($1, $2, $3, 'new_problem')`, [
        orgId,
        row.id,
        addDays(c.closedOn, 300),
      ]);
    }
    cases.push({ ...c, id: row.id });
  }
  return { orgId, officeIds, adviserIds, adviserNames: ADVISER_NAMES, cases };
}

// ---- The definitions in docs/measures.md, computed independently of the SQL ----

export const relationshipMinutes = (c: SimCase) => c.sessions.reduce((s, x) => s + x.minutes, 0);
export const totalMinutes = (c: SimCase) => relationshipMinutes(c) + c.caseworkMinutes;
export const bandOf = (minutes: number) => [60, 120, 240, 480].filter((edge) => minutes >= edge).length;

const hasResult = (c: SimCase) => ['positive', 'partly_positive', 'negative'].includes(c.result ?? '');
const isPositive = (c: SimCase) => c.result === 'positive' || c.result === 'partly_positive';
const problemReferrals = (c: SimCase) =>
  c.problems.filter((p) => p.action === 'referred_warm' || p.action === 'signposted');

/**
 * An avoided appeal: considered and not pursued, the client accepted the outcome, and no other reason
 * was given. Unknown (not in n): no appeal status, or considered and not pursued with neither the
 * client's acceptance nor a reason ruling it out.
 */
function avoidedAppeal(c: SimCase): { n: number; count: number } {
  if (c.appeal === null) return { n: 0, count: 0 };
  if (c.appeal !== 'considered_not_pursued') return { n: 1, count: 0 };
  const ruledOut = c.appealReason !== null && c.appealReason !== 'accepted_outcome';
  if (c.accepted === null && !ruledOut) return { n: 0, count: 0 };
  return { n: 1, count: c.accepted === true && !ruledOut ? 1 : 0 };
}

/** For a rate: is the case in the denominator (and how many units), and how many in the numerator. */
export const RATE_DEFINITIONS: Record<string, (c: SimCase, asOf: string) => { n: number; count: number }> = {
  positive_outcome: (c) => (hasResult(c) ? { n: 1, count: isPositive(c) ? 1 : 0 } : { n: 0, count: 0 }),
  accepted: (c) => (c.accepted === null ? { n: 0, count: 0 } : { n: 1, count: c.accepted ? 1 : 0 }),
  avoided_appeal: (c) => (c.result === 'negative' ? avoidedAppeal(c) : { n: 0, count: 0 }),
  avoided_appeal_overall: avoidedAppeal,
  problem_uncovered: (c) => ({ n: 1, count: c.problems.length > 0 ? 1 : 0 }),
  // Unknown is not negative: only cases followed up (any follow-up) count towards bounce-back…
  bounce_back: (c, asOf) =>
    isMature(c, asOf) && (c.followedUp || c.recontactOn !== null)
      ? { n: 1, count: c.recontactOn !== null && c.recontactOn <= addMonths(c.closedOn!, 6) ? 1 : 0 }
      : { n: 0, count: 0 },
  // … and a case with no outcome recorded and no referral out is unknown, not bounced out.
  bounce_out: (c) =>
    c.result === null && c.referralsOut.length === 0
      ? { n: 0, count: 0 }
      : { n: 1, count: c.result === 'withdrawn' || c.result === 'lost_contact' || c.referralsOut.length > 0 ? 1 : 0 },
  referral_completion: (c) => {
    const known = [...c.referralsOut, ...problemReferrals(c).map((p) => p.reached)].filter((r) => r !== null);
    return { n: known.length, count: known.filter((r) => r === true).length };
  },
};

const followedUp = (c: SimCase) => c.closedOn !== null && (c.followedUp || c.recontactOn !== null);
/** Confidence before: asked at intake, else the close-time question. */
export const confidenceBefore = (c: SimCase) => c.extras?.confidenceAtIntake ?? c.extras?.confidenceBefore ?? null;
const answer = (value: boolean | string | number | null | undefined, success: boolean) =>
  value === null || value === undefined ? { n: 0, count: 0 } : { n: 1, count: success ? 1 : 0 };
const confidenceBoth = (c: SimCase) => confidenceBefore(c) !== null && (c.extras?.confidenceAfter ?? null) !== null;

Object.assign(RATE_DEFINITIONS, {
  full_disclosure: (c: SimCase) => answer(c.extras?.disclosure, c.extras?.disclosure === 'yes'),
  confidence_improved: (c: SimCase) =>
    confidenceBoth(c) ? { n: 1, count: c.extras!.confidenceAfter! > confidenceBefore(c)! ? 1 : 0 } : { n: 0, count: 0 },
  would_seek_advice_earlier: (c: SimCase) => answer(c.extras?.wouldSeekEarlier, c.extras?.wouldSeekEarlier === true),
  could_handle_similar: (c: SimCase) => answer(c.extras?.couldHandleSimilar, c.extras?.couldHandleSimilar === true),
  outcome_sustained: (c: SimCase) =>
    followedUp(c) ? answer(c.extras?.sustained, c.extras?.sustained === true) : { n: 0, count: 0 },
  new_problem_at_follow_up: (c: SimCase) =>
    followedUp(c) ? { n: 1, count: c.extras?.newProblem ? 1 : 0 } : { n: 0, count: 0 },
});

/** Per closed case, the value of a score measure (null: not recorded). */
/** The feedback items a simulated form answers, in order: a form with k answers answers the first k. */
const FEEDBACK_ITEM_KEYS = [
  'time_to_listen',
  'respect',
  'understood_situation',
  'explained_clearly',
  'trusted_adviser',
  'on_my_side',
  'did_not_repeat_story',
];

/** Per case: the mean of its answers to "I didn't have to repeat my story" over its forms; null if none. */
export function retellingItemOf(c: SimCase): number | null {
  const at = FEEDBACK_ITEM_KEYS.indexOf('did_not_repeat_story');
  const answers = c.feedback.filter((form) => form.length > at).map((form) => form[at]);
  return answers.length ? answers.reduce((a, b) => a + b, 0) / answers.length : null;
}

export const SCORE_DEFINITIONS: Record<string, (c: SimCase) => number | null> = {
  understood: (c) => c.extras?.understood ?? null,
  trust: (c) => c.extras?.trust ?? null,
  confidence_change: (c) => (confidenceBoth(c) ? c.extras!.confidenceAfter! - confidenceBefore(c)! : null),
  did_not_repeat_story: retellingItemOf,
};

/** Per underlying problem: relationship minutes dated on or before the day it was uncovered. */
export const minutesBeforeProblem = (c: SimCase, p: SimCase['problems'][number]) =>
  c.sessions.filter((s) => s.day <= (p.uncoveredDay ?? 0)).reduce((total, s) => total + s.minutes, 0);

export function rateOver(cases: SimCase[], measure: string, asOf: string): { n: number; count: number } {
  const total = { n: 0, count: 0 };
  for (const c of cases) {
    if (!c.closedOn) continue;
    const r = RATE_DEFINITIONS[measure](c, asOf);
    total.n += r.n;
    total.count += r.count;
  }
  return total;
}

/** Working days (Monday to Friday) after `from` up to and including `to`, counted one day at a time. */
export function workingDaysBetween(from: string, to: string): number {
  let days = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return days;
}

/** First-contact latency of a case with a session: from first contact (or opening) to the first session. */
export function firstSessionOn(c: SimCase): string {
  return addDays(c.openedOn, Math.min(...c.sessions.map((s) => s.day)));
}

/**
 * For a rate: how many units of a closed case are in the measure's scope, and for how many of them the
 * thing it needs is not recorded (unknown is not negative).
 */
export const UNKNOWN_DEFINITIONS: Record<string, (c: SimCase, asOf: string) => { scope: number; unknown: number }> = {
  positive_outcome: (c) => ({ scope: 1, unknown: c.result === null ? 1 : 0 }),
  accepted: (c) => ({ scope: 1, unknown: c.accepted === null ? 1 : 0 }),
  avoided_appeal: (c) =>
    c.result === 'negative' ? { scope: 1, unknown: avoidedAppeal(c).n ? 0 : 1 } : { scope: 0, unknown: 0 },
  avoided_appeal_overall: (c) => ({ scope: 1, unknown: avoidedAppeal(c).n ? 0 : 1 }),
  problem_uncovered: () => ({ scope: 1, unknown: 0 }),
  bounce_back: (c, asOf) =>
    isMature(c, asOf)
      ? { scope: 1, unknown: c.followedUp || c.recontactOn !== null ? 0 : 1 }
      : { scope: 0, unknown: 0 },
  bounce_out: (c) => ({ scope: 1, unknown: c.result === null && c.referralsOut.length === 0 ? 1 : 0 }),
  referral_completion: (c) => {
    const all = [...c.referralsOut, ...problemReferrals(c).map((p) => p.reached)];
    return { scope: all.length, unknown: all.filter((r) => r === null).length };
  },
};

Object.assign(
  UNKNOWN_DEFINITIONS,
  Object.fromEntries(
    [
      'full_disclosure',
      'confidence_improved',
      'would_seek_advice_earlier',
      'could_handle_similar',
      'outcome_sustained',
      'new_problem_at_follow_up',
    ].map((measure) => [
      measure,
      (c: SimCase, asOf: string) => ({ scope: 1, unknown: 1 - RATE_DEFINITIONS[measure](c, asOf).n }),
    ]),
  ),
);

export function coverageOver(
  cases: SimCase[],
  measure: string,
  asOf: string,
): { unknown: number; coverage: number | null } {
  let scope = 0;
  let unknown = 0;
  for (const c of cases) {
    if (!c.closedOn) continue;
    const u = UNKNOWN_DEFINITIONS[measure](c, asOf);
    scope += u.scope;
    unknown += u.unknown;
  }
  return { unknown, coverage: scope ? (scope - unknown) / scope : null };
}

export const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Linear interpolation between order statistics (PostgreSQL percentile_cont). */
export function percentile(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
