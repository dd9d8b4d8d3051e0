/**
 * Smart defaults that keep a time entry to a few keystrokes: the activities usual for each class
 * come first, and the last choices are remembered on this device.
 */
import { ACTIVITIES, type Activity, type Mode, type TimeClass } from '@deepvalue/shared';

export const USUAL_ACTIVITIES: Record<TimeClass, Activity[]> = {
  relationship: ['advice_session', 'initial_interview', 'follow_up_contact', 'advocacy', 'other'],
  casework: ['research', 'letter', 'negotiation', 'preparation', 'advocacy', 'other'],
  administration: ['forms', 'funder_reporting', 'billing', 'other'],
  travel: ['travel'],
};

/** The mode to suggest when the class changes: relationship time needs the client there. */
export const USUAL_MODE: Record<TimeClass, Mode> = {
  relationship: 'face_to_face',
  casework: 'none',
  administration: 'none',
  travel: 'none',
};

export function otherActivities(timeClass: TimeClass): Activity[] {
  const usual = USUAL_ACTIVITIES[timeClass];
  return ACTIVITIES.filter((a) => !usual.includes(a));
}

export interface TimeDefaults {
  class: TimeClass;
  activity: Activity;
  mode: Mode;
}

const KEY = 'dv.time-defaults';
const FALLBACK: TimeDefaults = { class: 'relationship', activity: 'advice_session', mode: 'face_to_face' };

export function loadDefaults(): TimeDefaults {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<TimeDefaults> | null;
    return { ...FALLBACK, ...(saved ?? {}) };
  } catch {
    return FALLBACK;
  }
}

export function saveDefaults(defaults: TimeDefaults): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(defaults));
  } catch {
    // Private browsing may refuse storage; the defaults are a convenience only.
  }
}
