import { type Activity, ACTIVITIES, labelOf, MODES, type Mode, TIME_CLASSES, type TimeClass } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../app/api';
import { formatMinutes } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { BackLink } from '../../ui/BackLink';
import { ConflictView } from '../../ui/ConflictView';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { labelledOptions } from '../../ui/options';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useCase } from '../cases/api';
import { useBackToCase } from '../cases/back-to-case';
import { CaseHeading } from '../cases/CaseHeading';
import type { CaseDetail, TimeEntry } from '@deepvalue/shared';
import { type TimeValues, validateTimeEntry } from './QuickTimeForm';

const valuesOf = (t: TimeEntry): TimeValues => ({
  minutes: String(t.minutes),
  class: t.class,
  activity: t.activity,
  mode: t.mode,
  on: t.on,
});

export function EditTimeEntryPage() {
  const { caseId = '', entryId = '' } = useParams();
  const query = useCase(caseId);
  usePageTitle('Change a time entry');
  return (
    <>
      <BackLink to={`/cases/${caseId}`}>Back to the case</BackLink>
      <QueryState query={query} what="The case">
        {(c) => {
          const entry = c.timeEntries.find((t) => t.id === entryId);
          if (!entry) return <p className="govuk-body">This time entry no longer exists. It may have been deleted.</p>;
          return <EditForm key={entry.version} c={c} entry={entry} />;
        }}
      </QueryState>
    </>
  );
}

function EditForm({ c, entry }: { c: CaseDetail; entry: TimeEntry }) {
  const [values, setValues] = useState(() => valuesOf(entry));
  const [conflict, setConflict] = useState<TimeEntry>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const submission = useSubmission();
  const { prompt, bypass } = useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(valuesOf(entry)));
  const back = useBackToCase(c.id, bypass);
  const set = <K extends keyof TimeValues>(key: K, value: TimeValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function save(toSave: TimeValues, version: number) {
    const problems = validateTimeEntry(toSave);
    submission.setErrors(problems);
    if (problems.length) return;
    const body = {
      version,
      minutes: Number(toSave.minutes),
      class: toSave.class,
      activity: toSave.activity,
      mode: toSave.mode,
      on: toSave.on,
    };
    const result = await submission.submit(body, () => api(`/time-entries/${entry.id}`, { method: 'PATCH', body }));
    if (result.ok) {
      await back.afterChange('Time entry changed');
    } else if (result.error?.isStale) {
      setConflict(result.error.body?.current as TimeEntry);
    }
  }

  async function remove() {
    const result = await submission.submit({ delete: entry.id }, () =>
      api(`/time-entries/${entry.id}?version=${entry.version}`, { method: 'DELETE' }),
    );
    if (result.ok) {
      await back.afterChange(`Time entry of ${formatMinutes(entry.minutes)} deleted`);
    }
  }

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} fieldIds={{ class: 'class' }} />
      <CaseHeading caseRecord={c} client={c.client} title="Change a time entry" />
      {conflict ? (
        <ConflictView
          what="time entry"
          fields={[
            { key: 'minutes', label: 'Minutes' },
            { key: 'class', label: 'Kind of time', format: (v) => labelOf(String(v)) },
            { key: 'activity', label: 'Activity', format: (v) => labelOf(String(v)) },
            { key: 'mode', label: 'Mode', format: (v) => labelOf(String(v)) },
            { key: 'on', label: 'Date' },
          ]}
          mine={{ ...values, minutes: Number(values.minutes) }}
          theirs={conflict as unknown as Record<string, unknown>}
          busy={submission.busy}
          onResolve={(merged, version) => {
            const next = { ...(merged as unknown as TimeValues), minutes: String(merged.minutes) };
            setValues(next);
            setConflict(undefined);
            void save(next, version);
          }}
          onDiscard={back.discard}
        />
      ) : (
        <form
          noValidate
          className="dv-form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void save(values, entry.version);
          }}
        >
          <TextInput
            id="minutes"
            label="Minutes"
            width={4}
            suffix="min"
            inputMode="numeric"
            value={values.minutes}
            onChange={(e) => set('minutes', e.target.value)}
            error={errorFor('minutes')}
          />
          <Radios
            id="class"
            legend="Kind of time"
            legendSize="s"
            small
            options={labelledOptions(TIME_CLASSES)}
            value={values.class}
            onChange={(v: TimeClass) => set('class', v)}
            error={errorFor('class')}
          />
          <Select
            id="activity"
            label="Activity"
            options={labelledOptions(ACTIVITIES)}
            value={values.activity}
            onChange={(v) => set('activity', v as Activity)}
            error={errorFor('activity')}
          />
          <Select
            id="mode"
            label="Mode"
            options={MODES.map((value) => ({
              value,
              label: value === 'none' ? 'No contact with the client' : labelOf(value),
            }))}
            value={values.mode}
            onChange={(v) => set('mode', v as Mode)}
            error={errorFor('mode')}
          />
          <TextInput
            id="on"
            label="Date"
            type="date"
            value={values.on}
            onChange={(e) => set('on', e.target.value)}
            error={errorFor('on')}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={submission.busy}>
              Save changes
            </button>
            {!confirmDelete ? (
              <button
                type="button"
                className="govuk-button govuk-button--warning"
                onClick={() => setConfirmDelete(true)}
              >
                Delete this entry
              </button>
            ) : (
              <div className="govuk-warning-text" role="alert">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  Delete {formatMinutes(entry.minutes)} of {labelOf(entry.class).toLowerCase()}?{' '}
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning dv-inline-button"
                    disabled={submission.busy}
                    onClick={() => void remove()}
                  >
                    Yes, delete it
                  </button>{' '}
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary dv-inline-button"
                    onClick={() => setConfirmDelete(false)}
                  >
                    No, keep it
                  </button>
                </strong>
              </div>
            )}
          </div>
        </form>
      )}
    </>
  );
}
