/**
 * The time entries of a generated case, recorded the way advisers do: an initial interview, then
 * sessions by phone, in person, by video, letters and home visits (with travel), casework between
 * them, a hearing for some, forms at the start and billing at the end. Minutes are rounded to the
 * adviser's unit (5 or 6 minutes), as real time recording is.
 */
import { type Activity, type FundingStream, MAX_MINUTES, type Mode, type TimeClass } from '@deepvalue/shared';
import { weekdayOf, workday } from './calendar.js';
import type { AdviserTraits, World } from './generator-world.js';
import type { ImportTimeEntry } from './import-format.js';
import { clamp, type Random } from './prng.js';

/** Typical minutes of a relationship session by mode (log-normal medians). */
const SESSION_MINUTES: Partial<Record<Mode, number>> = {
  face_to_face: 55,
  phone: 20,
  video: 40,
  home_visit: 70,
  letter_email: 15,
};
const FIRST_MODES: readonly Mode[] = ['face_to_face', 'phone', 'video', 'home_visit'];
const LATER_MODES: readonly Mode[] = ['face_to_face', 'phone', 'video', 'letter_email', 'home_visit'];

const CASEWORK: ReadonlyArray<{ activity: Activity; mode: Mode; minutes: number; weight: number }> = [
  { activity: 'research', mode: 'none', minutes: 75, weight: 28 },
  { activity: 'letter', mode: 'letter_email', minutes: 45, weight: 30 },
  { activity: 'negotiation', mode: 'phone', minutes: 40, weight: 14 },
  { activity: 'negotiation', mode: 'letter_email', minutes: 35, weight: 8 },
  { activity: 'preparation', mode: 'none', minutes: 90, weight: 20 },
];
const CASEWORK_WEIGHTS = CASEWORK.map((c) => c.weight);

/** The day itself on a weekday, else the nearest weekday inside [min, max]: centres work weekdays. */
export function settle(day: number, min: number, max: number): number {
  let d = workday(day);
  if (d > max) {
    d = day;
    while (d > min && (weekdayOf(d) === 0 || weekdayOf(d) === 6)) d--;
  }
  return clamp(d, min, max);
}

export interface TimePlan {
  opened: number;
  /** When the case will close (or would, for a case still open at the end of the period). */
  plannedClose: number;
  closed: boolean;
  lead: AdviserTraits;
  /** Another adviser covering for the lead. */
  colleague: () => AdviserTraits;
  /** Chance a relationship session is with the lead adviser. */
  continuity: number;
  relationshipMinutes: number;
  caseworkMinutes: number;
  hearing: boolean;
  /** Disability or digital exclusion: more home visits. */
  homeVisits: boolean;
  fundingStream: FundingStream;
}

export interface RecordedTime {
  entries: ImportTimeEntry[];
  /** Relationship minutes actually recorded (entries after the period's end are not). */
  relationshipMinutes: number;
  /** Days of the recorded relationship sessions, where underlying problems come to light. */
  relationshipDays: number[];
}

export function recordTime(r: Random, world: World, plan: TimePlan): RecordedTime {
  const { opened, plannedClose, closed, lead, colleague } = plan;
  const recorded: RecordedTime = { entries: [], relationshipMinutes: 0, relationshipDays: [] };
  const add = (
    day: number,
    adviser: AdviserTraits,
    minutes: number,
    cls: TimeClass,
    activity: Activity,
    mode: Mode,
  ) => {
    if (day > world.endDay) return false; // not yet happened when the data was extracted
    const rounded = clamp(Math.round(minutes / adviser.unit) * adviser.unit, adviser.unit, MAX_MINUTES);
    recorded.entries.push({
      on: world.dates.of(day),
      adviserRef: adviser.ref,
      minutes: rounded,
      class: cls,
      activity,
      mode,
    });
    if (cls === 'relationship') {
      recorded.relationshipMinutes += rounded;
      recorded.relationshipDays.push(day);
    }
    return true;
  };
  const anyDay = (from: number) => settle(from + r.int(plannedClose - from + 1), from, plannedClose);

  // Relationship sessions until the planned time is spent; the first is the initial interview.
  const firstDay = settle(opened + (r.chance(0.55) ? 0 : 1 + r.poisson(4)), opened, plannedClose);
  const homeVisits = plan.homeVisits ? 12 : 0;
  let planned = 0;
  for (let n = 0; planned < plan.relationshipMinutes && n < 60; n++) {
    const mode =
      n === 0
        ? FIRST_MODES[r.weighted([60, 28, 12, homeVisits])]
        : LATER_MODES[r.weighted([45, 28, 9, 8, 3 + homeVisits])];
    const minutes = r.logNormal(SESSION_MINUTES[mode] ?? 30, 0.35);
    // Stop rather than record a stub session when the plan is nearly met.
    if (n > 0 && planned + minutes / 2 > plan.relationshipMinutes) break;
    planned += minutes;
    const day = n === 0 ? firstDay : anyDay(firstDay);
    const adviser = r.chance(plan.continuity) ? lead : colleague();
    const activity: Activity = n === 0 ? 'initial_interview' : minutes < 20 ? 'follow_up_contact' : 'advice_session';
    if (add(day, adviser, minutes, 'relationship', activity, mode) && mode === 'home_visit') {
      add(day, adviser, r.logNormal(35, 0.3), 'travel', 'travel', 'none');
    }
  }

  planned = 0;
  if (plan.hearing) {
    const hearingDay = settle(
      opened + Math.round((plannedClose - opened) * (0.6 + 0.35 * r.float())),
      opened,
      plannedClose,
    );
    const preparationDay = settle(hearingDay - 1 - r.int(5), opened, hearingDay);
    if (
      add(preparationDay, lead, r.logNormal(90, 0.4), 'casework', 'preparation', 'none') &&
      add(hearingDay, lead, Math.min(480, r.logNormal(120, 0.45)), 'casework', 'advocacy', 'hearing')
    ) {
      add(hearingDay, lead, r.logNormal(50, 0.35), 'travel', 'travel', 'none');
    }
    planned += 210;
  }
  for (let n = 0; planned < plan.caseworkMinutes && n < 40; n++) {
    const work = CASEWORK[r.weighted(CASEWORK_WEIGHTS)];
    const minutes = r.logNormal(work.minutes, 0.45);
    if (n > 0 && planned + minutes / 2 > plan.caseworkMinutes) break;
    planned += minutes;
    add(anyDay(opened), r.chance(0.85) ? lead : colleague(), minutes, 'casework', work.activity, work.mode);
  }

  // Administration: legal aid means means-testing forms and billing; grants mean funder reporting.
  const legalAid = plan.fundingStream === 'legal_aid_fixed_fee' || plan.fundingStream === 'legal_aid_escape';
  const formsDay = settle(opened + r.int(3), opened, plannedClose);
  add(formsDay, lead, r.logNormal(legalAid ? 35 : 15, 0.35), 'administration', 'forms', 'none');
  if (closed && legalAid) add(plannedClose, lead, r.logNormal(15, 0.35), 'administration', 'billing', 'none');
  if (closed && plan.fundingStream === 'grant' && r.chance(0.5)) {
    add(plannedClose, lead, r.logNormal(10, 0.3), 'administration', 'funder_reporting', 'none');
  }
  recorded.entries.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return recorded;
}
