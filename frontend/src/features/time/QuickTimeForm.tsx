import {
  type Activity,
  type ApiError,
  labelOf,
  MAX_MINUTES,
  type Mode,
  MODES,
  TIME_CLASSES,
  type TimeClass,
} from '@deepvalue/shared';
import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { api } from '../../app/api';
import { formatMinutes, isIsoDate, today } from '../../app/format';
import { useSubmission } from '../../app/submission';
import type { TimeEntry } from '@deepvalue/shared';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Radios } from '../../ui/Radios';
import { TextInput } from '../../ui/TextInput';
import { loadDefaults, otherActivities, saveDefaults, USUAL_ACTIVITIES, USUAL_MODE } from './defaults';
import { Timer } from './Timer';

export interface TimeValues {
  minutes: string;
  class: TimeClass;
  activity: Activity;
  mode: Mode;
  on: string;
}

export function validateTimeEntry(values: TimeValues, now = today()): ApiError[] {
  const errors: ApiError[] = [];
  const minutes = values.minutes.trim();
  if (!minutes) errors.push({ path: 'minutes', message: 'Enter how many minutes the session or work took' });
  else if (!/^\d+$/.test(minutes)) errors.push({ path: 'minutes', message: 'Minutes must be a whole number, like 45' });
  else if (Number(minutes) < 1 || Number(minutes) > MAX_MINUTES)
    errors.push({ path: 'minutes', message: 'Minutes must be between 1 and 1,440 (24 hours)' });
  if (!isIsoDate(values.on)) errors.push({ path: 'on', message: 'Enter the date of the session or work' });
  else if (values.on > now) errors.push({ path: 'on', message: 'The date must be today or in the past' });
  return errors;
}

const FIELD_IDS = {
  minutes: 'time-minutes',
  class: 'time-class',
  activity: 'time-activity',
  mode: 'time-mode',
  on: 'time-on',
};

interface Props {
  caseId: string;
  autoFocus?: boolean;
  onSaved: (entry: TimeEntry | undefined, summary: string) => void;
}

/**
 * Quick time entry: type the minutes and press Enter. Class, activity and mode default to the
 * last ones used; every control is reachable by keyboard and Enter anywhere submits.
 */
export function QuickTimeForm({ caseId, autoFocus, onSaved }: Props) {
  const [values, setValues] = useState<TimeValues>(() => ({ ...loadDefaults(), minutes: '', on: today() }));
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  const minutesInput = useRef<HTMLInputElement>(null);
  const set = <K extends keyof TimeValues>(key: K, value: TimeValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const changeClass = (timeClass: TimeClass) =>
    setValues((v) => ({
      ...v,
      class: timeClass,
      activity: USUAL_ACTIVITIES[timeClass].includes(v.activity) ? v.activity : USUAL_ACTIVITIES[timeClass][0],
      mode:
        timeClass === 'relationship' ? (v.mode === 'none' ? USUAL_MODE.relationship : v.mode) : USUAL_MODE[timeClass],
    }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateTimeEntry(values);
    submission.setErrors(problems);
    if (problems.length) return;
    const body = {
      caseId,
      minutes: Number(values.minutes),
      class: values.class,
      activity: values.activity,
      mode: values.mode,
      on: values.on,
    };
    const saved = await submission.submit(body, (idempotencyKey) =>
      api<TimeEntry>('/time-entries/quick', { method: 'POST', body, idempotencyKey }),
    );
    if (saved.ok) {
      saveDefaults({ class: values.class, activity: values.activity, mode: values.mode });
      const summary = `${formatMinutes(body.minutes)} of ${labelOf(body.class).toLowerCase()} (${labelOf(body.activity).toLowerCase()})`;
      setValues((v) => ({ ...v, minutes: '' }));
      onSaved(saved.value, summary);
      minutesInput.current?.focus();
    }
  }

  // Enter submits from any control except buttons (which act themselves); selects don't do it natively.
  const enterSubmits = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || target.tagName === 'BUTTON' || target.tagName === 'TEXTAREA') return;
    event.preventDefault();
    form.current?.requestSubmit();
  };

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  return (
    <form
      ref={form}
      onSubmit={submit}
      onKeyDown={enterSubmits}
      noValidate
      className="dv-quick-time"
      aria-label="Record time"
    >
      <ErrorSummary errors={submission.errors} fieldIds={FIELD_IDS} />
      <div className="dv-quick-time__row">
        <TextInput
          ref={minutesInput}
          id="time-minutes"
          label="Minutes"
          hint="Whole minutes, for example 45"
          width={4}
          suffix="min"
          inputMode="numeric"
          autoComplete="off"
          autoFocus={autoFocus}
          value={values.minutes}
          onChange={(e) => set('minutes', e.target.value)}
          error={errorFor('minutes')}
        />
        <Timer caseId={caseId} onStop={(minutes) => set('minutes', String(minutes))} />
      </div>
      <Radios
        id="time-class"
        legend="Kind of time"
        legendSize="s"
        hint="Relationship time is direct contact with the client"
        inline
        small
        options={TIME_CLASSES.map((c) => ({ value: c, label: labelOf(c) }))}
        value={values.class}
        onChange={changeClass}
        error={errorFor('class')}
      />
      <div className="dv-quick-time__row">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="time-activity">
            Activity
          </label>
          <select
            id="time-activity"
            className="govuk-select"
            value={values.activity}
            onChange={(e) => set('activity', e.target.value as Activity)}
          >
            <optgroup label={`Usual for ${labelOf(values.class).toLowerCase()}`}>
              {USUAL_ACTIVITIES[values.class].map((a) => (
                <option key={a} value={a}>
                  {labelOf(a)}
                </option>
              ))}
            </optgroup>
            <optgroup label="Other activities">
              {otherActivities(values.class).map((a) => (
                <option key={a} value={a}>
                  {labelOf(a)}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="time-mode">
            Mode
          </label>
          <select
            id="time-mode"
            className="govuk-select"
            value={values.mode}
            onChange={(e) => set('mode', e.target.value as Mode)}
          >
            {MODES.map((m) => (
              <option key={m} value={m}>
                {m === 'none' ? 'No contact with the client' : labelOf(m)}
              </option>
            ))}
          </select>
        </div>
        <TextInput
          id="time-on"
          label="Date"
          labelClassName="govuk-label--s"
          type="date"
          max={today()}
          value={values.on}
          onChange={(e) => set('on', e.target.value)}
          error={errorFor('on')}
        />
      </div>
      <button type="submit" className="govuk-button" disabled={submission.busy}>
        {submission.busy ? 'Saving…' : 'Save time'}
      </button>
    </form>
  );
}
