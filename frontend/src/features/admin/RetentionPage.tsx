import { type ApiError } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { Banner } from '../../ui/Banner';
import { ConflictView } from '../../ui/ConflictView';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { useSettings } from './api';
import type { OrganisationSettings } from '@deepvalue/shared';

type Values = { retentionYears: string; suppressionThreshold: string; requireTwoFactorForManagers: boolean };

const valuesOf = (s: OrganisationSettings): Values => ({
  retentionYears: String(s.retentionYears),
  suppressionThreshold: String(s.suppressionThreshold),
  requireTwoFactorForManagers: s.requireTwoFactorForManagers,
});

export function validateSettings(values: Values): ApiError[] {
  const errors: ApiError[] = [];
  const years = values.retentionYears.trim();
  if (!/^\d+$/.test(years) || Number(years) < 1 || Number(years) > 100)
    errors.push({ path: 'retentionYears', message: 'Enter a whole number of years from 1 to 100' });
  const threshold = values.suppressionThreshold.trim();
  if (!/^\d+$/.test(threshold) || Number(threshold) < 5 || Number(threshold) > 100)
    errors.push({ path: 'suppressionThreshold', message: 'Enter a whole number from 5 to 100' });
  return errors;
}

export function RetentionPage() {
  usePageTitle('Retention and security');
  const settings = useSettings();
  // Kept here: saving makes a new version, which remounts the form.
  const [saved, setSaved] = useState(false);
  return (
    <>
      <AdminBreadcrumbs />
      {saved && (
        <Banner success>
          <p className="govuk-notification-banner__heading">Settings saved</p>
        </Banner>
      )}
      <QueryState query={settings} what="The settings">
        {(s) => <SettingsForm key={s.version} settings={s} onSaved={setSaved} />}
      </QueryState>
    </>
  );
}

function SettingsForm({ settings, onSaved }: { settings: OrganisationSettings; onSaved: (saved: boolean) => void }) {
  const [values, setValues] = useState(() => valuesOf(settings));
  const [conflict, setConflict] = useState<OrganisationSettings>();
  const submission = useSubmission();
  const client = useQueryClient();
  const { prompt, bypass } = useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(valuesOf(settings)));

  async function save(toSave: Values, version: number) {
    const problems = validateSettings(toSave);
    submission.setErrors(problems);
    if (problems.length) return;
    const body = {
      version,
      retentionYears: Number(toSave.retentionYears),
      suppressionThreshold: Number(toSave.suppressionThreshold),
      requireTwoFactorForManagers: toSave.requireTwoFactorForManagers,
    };
    const result = await submission.submit(body, () =>
      api<OrganisationSettings>('/organisation/settings', { method: 'PATCH', body }),
    );
    if (result.ok) {
      bypass();
      onSaved(true);
      client.setQueryData(['organisation-settings'], result.value);
    } else if (result.error?.isStale) {
      setConflict(result.error.body?.current as OrganisationSettings);
    }
  }

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} />
      <h1 className="govuk-heading-l">Retention and security</h1>
      {conflict ? (
        <ConflictView
          what="settings"
          fields={[
            { key: 'retentionYears', label: 'Keep client details for (years)' },
            { key: 'suppressionThreshold', label: 'Smallest count published' },
            { key: 'requireTwoFactorForManagers', label: 'Two-factor for managers and admins' },
          ]}
          mine={{
            retentionYears: Number(values.retentionYears),
            suppressionThreshold: Number(values.suppressionThreshold),
            requireTwoFactorForManagers: values.requireTwoFactorForManagers,
          }}
          theirs={conflict as unknown as Record<string, unknown>}
          busy={submission.busy}
          onResolve={(merged, version) => {
            const next = {
              retentionYears: String(merged.retentionYears),
              suppressionThreshold: String(merged.suppressionThreshold),
              requireTwoFactorForManagers: Boolean(merged.requireTwoFactorForManagers),
            };
            setValues(next);
            setConflict(undefined);
            void save(next, version);
          }}
          onDiscard={() => {
            bypass();
            void client.invalidateQueries({ queryKey: ['organisation-settings'] });
          }}
        />
      ) : (
        <form
          noValidate
          className="govuk-!-width-two-thirds dv-form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            onSaved(false);
            void save(values, settings.version);
          }}
        >
          <TextInput
            id="retentionYears"
            label="How many years should client details be kept after their last case closes?"
            hint="After this, clients are anonymised: names, contact details and dates of birth are removed, and the anonymous figures are kept for reports."
            width={3}
            inputMode="numeric"
            suffix="years"
            value={values.retentionYears}
            onChange={(e) => setValues((v) => ({ ...v, retentionYears: e.target.value }))}
            error={errorFor('retentionYears')}
          />
          <TextInput
            id="suppressionThreshold"
            label="Smallest count published to commissioners and in evidence packs"
            hint="Counts are rounded to a multiple of 5 (or of 10, 20, 25… if you raise this), and a band with fewer cases is merged with its neighbour, so no person can be picked out. At least 5: it can only be raised."
            width={3}
            inputMode="numeric"
            value={values.suppressionThreshold}
            onChange={(e) => setValues((v) => ({ ...v, suppressionThreshold: e.target.value }))}
            error={errorFor('suppressionThreshold')}
          />
          <Radios
            id="requireTwoFactorForManagers"
            legend="Must managers and admins sign in with two-factor?"
            legendSize="s"
            hint="They will be asked to set up an authenticator app the next time they sign in"
            inline
            options={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            value={values.requireTwoFactorForManagers ? 'yes' : 'no'}
            onChange={(v) => setValues((s) => ({ ...s, requireTwoFactorForManagers: v === 'yes' }))}
          />
          <button type="submit" className="govuk-button" disabled={submission.busy}>
            Save settings
          </button>
        </form>
      )}
    </>
  );
}
