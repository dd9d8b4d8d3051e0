/** The organisation's LAA office account, schedule reference, Legal Help rates and VAT, written on the contract report. */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { TextInput } from '../../ui/TextInput';
import { AdminBreadcrumbs } from '../admin/AdminBreadcrumbs';
import { useSettings } from '../admin/api';
import type { OrganisationSettings } from '@deepvalue/shared';
import { pounds } from './types';

type RateField = 'legalAidHourlyRateGbp' | 'legalAidTravelRateGbp';
const RATES: Array<{ field: RateField; hint: string }> = [
  { field: 'legalAidHourlyRateGbp', hint: 'Preparation and attendance, in pounds per hour' },
  { field: 'legalAidTravelRateGbp', hint: 'In pounds per hour' },
];

export function LegalAidSettingsPage() {
  usePageTitle('Legal aid contract');
  const settings = useSettings();
  const [saved, setSaved] = useState(false);
  return (
    <>
      <AdminBreadcrumbs />
      {saved && (
        <Banner success>
          <p className="govuk-notification-banner__heading">Legal aid contract saved</p>
        </Banner>
      )}
      <QueryState query={settings} what="The settings">
        {(s) => <ContractForm key={s.version} settings={s} onSaved={() => setSaved(true)} />}
      </QueryState>
    </>
  );
}

function ContractForm({ settings, onSaved }: { settings: OrganisationSettings; onSaved: () => void }) {
  const [account, setAccount] = useState(settings.legalAidOfficeAccount ?? '');
  const [schedule, setSchedule] = useState(settings.legalAidScheduleRef ?? '');
  const [rates, setRates] = useState<Record<RateField, string>>(() => ({
    legalAidHourlyRateGbp: settings.legalAidHourlyRateGbp?.toFixed(2) ?? '',
    legalAidTravelRateGbp: settings.legalAidTravelRateGbp?.toFixed(2) ?? '',
  }));
  const [vat, setVat] = useState<'' | 'yes' | 'no'>(
    settings.legalAidVatRegistered === true ? 'yes' : settings.legalAidVatRegistered === false ? 'no' : '',
  );
  const submission = useSubmission();
  const client = useQueryClient();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      version: settings.version,
      legalAidOfficeAccount: account.trim().toUpperCase() || null,
      legalAidScheduleRef: schedule.trim().toUpperCase() || null,
      legalAidHourlyRateGbp: pounds(rates.legalAidHourlyRateGbp),
      legalAidTravelRateGbp: pounds(rates.legalAidTravelRateGbp),
      legalAidVatRegistered: vat === '' ? null : vat === 'yes',
    };
    const result = await submission.submit(body, () =>
      api<OrganisationSettings>('/organisation/settings', { method: 'PATCH', body }),
    );
    if (result.ok) {
      client.setQueryData(['organisation-settings'], result.value);
      onSaved();
    }
  };
  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  const labels: Record<string, string> = {
    legalAidOfficeAccount: 'LAA office account number',
    legalAidScheduleRef: 'Schedule reference',
    legalAidHourlyRateGbp: 'Hourly rate for advice time',
    legalAidTravelRateGbp: 'Hourly rate for travel and waiting time',
    legalAidVatRegistered: 'VAT on claims',
  };
  const summary = submission.errors.map((e) =>
    labels[e.path] ? { ...e, message: `${labels[e.path]}: ${e.message}` } : e,
  );
  return (
    <>
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">Legal aid contract</h1>
      <form noValidate className="dv-form" onSubmit={(e) => void save(e)}>
        <TextInput
          id="legalAidOfficeAccount"
          label={labels.legalAidOfficeAccount}
          hint="6 letters or digits, for example 0U099L"
          width={10}
          value={account}
          error={errorFor('legalAidOfficeAccount')}
          onChange={(e) => setAccount(e.target.value)}
        />
        <TextInput
          id="legalAidScheduleRef"
          label={labels.legalAidScheduleRef}
          hint="As on your contract schedule, for example 0U099L/2024/01"
          width={20}
          value={schedule}
          error={errorFor('legalAidScheduleRef')}
          onChange={(e) => setSchedule(e.target.value)}
        />
        <h2 className="govuk-heading-m">Costs on the contract report</h2>
        <p className="govuk-body">
          The report prices each completed matter’s recorded time at these rates. Enter the Legal Help hourly rates the
          fee regulations in force set for your work and area; Deep Value ships none.
        </p>
        {RATES.map(({ field, hint }) => (
          <TextInput
            key={field}
            id={field}
            label={labels[field]}
            hint={hint}
            prefix="£"
            width={5}
            inputMode="decimal"
            value={rates[field]}
            error={errorFor(field)}
            onChange={(e) => setRates((r) => ({ ...r, [field]: e.target.value }))}
          />
        ))}
        <Radios
          id="legalAidVatRegistered"
          legend="Does VAT apply to your claims?"
          inline
          small
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={vat}
          error={errorFor('legalAidVatRegistered')}
          onChange={setVat}
        />
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          Save
        </button>
      </form>
    </>
  );
}
