import { type ApiError } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { useDebounced } from '../../app/debounce';
import { flash, FlashBanner } from '../../app/flash';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { ConflictView } from '../../ui/ConflictView';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { usePartners } from '../cases/api';
import type { Partner } from '@deepvalue/shared';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';

/** The partner directory: /admin/partners, /admin/partners/new, /admin/partners/:id. */
export function PartnersPage() {
  const rest = useParams()['*'] ?? '';
  if (rest === 'new') return <PartnerForm />;
  if (rest) return <EditPartner partnerId={rest} />;
  return <PartnerList />;
}

function PartnerList() {
  usePageTitle('Partner directory');
  const [search, setSearch] = useState('');
  const partners = usePartners(useDebounced(search.trim()), 200);
  return (
    <>
      <AdminBreadcrumbs />
      <FlashBanner />
      <div className="dv-page-header">
        <h1 className="govuk-heading-l">Partner directory</h1>
        <Link className="govuk-button" to="/admin/partners/new">
          Add a partner
        </Link>
      </div>
      <p className="govuk-body">The organisations your advisers refer clients to, and that refer clients to you.</p>
      <TextInput
        id="partner-search"
        label="Search by name"
        type="search"
        width={20}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <QueryState query={partners} what="The partner directory">
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">No partners{search ? ` match “${search}”` : ' yet'}.</p>
          ) : (
            <div className="dv-table-scroll">
              <table className="govuk-table">
                <caption className="govuk-visually-hidden">Partners</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Name
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Service
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Contact for referrals
                    </th>
                    <th scope="col" className="govuk-table__header">
                      <span className="govuk-visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {list.map((p) => (
                    <tr key={p.id} className="govuk-table__row">
                      <td className="govuk-table__cell">{p.name}</td>
                      <td className="govuk-table__cell">{p.service ?? ''}</td>
                      <td className="govuk-table__cell">{p.contact ?? ''}</td>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/admin/partners/${p.id}`}>
                          Change<span className="govuk-visually-hidden"> {p.name}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </>
  );
}

function EditPartner({ partnerId }: { partnerId: string }) {
  const partners = usePartners('', 200);
  return (
    <QueryState query={partners} what="The partner">
      {(list) => {
        const partner = list.find((p) => p.id === partnerId);
        return partner ? (
          <PartnerForm key={partner.version} partner={partner} />
        ) : (
          <>
            <AdminBreadcrumbs trail={[{ to: '/admin/partners', label: 'Partner directory' }]} />
            <p className="govuk-body">That partner could not be found.</p>
          </>
        );
      }}
    </QueryState>
  );
}

type Values = { name: string; service: string; contact: string };

function PartnerForm({ partner }: { partner?: Partner }) {
  const initial: Values = {
    name: partner?.name ?? '',
    service: partner?.service ?? '',
    contact: partner?.contact ?? '',
  };
  const [values, setValues] = useState(initial);
  const [conflict, setConflict] = useState<Partner>();
  const submission = useSubmission();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { prompt, bypass } = useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(initial));
  const title = partner ? `Change ${partner.name}` : 'Add a partner';
  usePageTitle(title, submission.errors.length > 0);

  async function save(toSave: Values, version?: number) {
    const problems: ApiError[] = toSave.name.trim() ? [] : [{ path: 'name', message: 'Enter the organisation’s name' }];
    submission.setErrors(problems);
    if (problems.length) return;
    const fields = {
      name: toSave.name.trim(),
      service: toSave.service.trim() || null,
      contact: toSave.contact.trim() || null,
    };
    const result = partner
      ? await submission.submit({ ...fields, version }, () =>
          api<Partner>(`/partners/${partner.id}`, { method: 'PATCH', body: { ...fields, version } }),
        )
      : await submission.submit(fields, (idempotencyKey) =>
          api<Partner>('/partners', { method: 'POST', body: fields, idempotencyKey }),
        );
    if (result.ok) {
      bypass();
      await client.invalidateQueries({ queryKey: ['partners'] });
      navigate('/admin/partners', flash(`${result.value.name} saved`));
    } else if (result.error?.isStale) {
      setConflict(result.error.body?.current as Partner);
    }
  }

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  return (
    <>
      {prompt}
      <AdminBreadcrumbs trail={[{ to: '/admin/partners', label: 'Partner directory' }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={submission.errors} />
          <h1 className="govuk-heading-l">{title}</h1>
          {conflict ? (
            <ConflictView
              what="partner"
              fields={[
                { key: 'name', label: 'Name' },
                { key: 'service', label: 'Service' },
                { key: 'contact', label: 'Contact' },
              ]}
              mine={values}
              theirs={conflict as unknown as Record<string, unknown>}
              busy={submission.busy}
              onResolve={(merged, version) => {
                const next = {
                  name: String(merged.name ?? ''),
                  service: String(merged.service ?? ''),
                  contact: String(merged.contact ?? ''),
                };
                setValues(next);
                setConflict(undefined);
                void save(next, version);
              }}
              onDiscard={() => {
                bypass();
                void client.invalidateQueries({ queryKey: ['partners'] });
                navigate('/admin/partners');
              }}
            />
          ) : (
            <form
              noValidate
              className="dv-form"
              onSubmit={(event: FormEvent) => {
                event.preventDefault();
                void save(values, partner?.version);
              }}
            >
              <TextInput
                id="name"
                label="Name of the organisation"
                value={values.name}
                onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
                error={errorFor('name')}
              />
              <Textarea
                id="service"
                label="What they offer (optional)"
                hint="For example, emergency food parcels, debt advice, mental health support"
                rows={2}
                value={values.service}
                onChange={(e) => setValues((v) => ({ ...v, service: e.target.value }))}
                error={errorFor('service')}
              />
              <Textarea
                id="contact"
                label="How to refer someone (optional)"
                hint="A named contact, phone number or referral form"
                rows={2}
                value={values.contact}
                onChange={(e) => setValues((v) => ({ ...v, contact: e.target.value }))}
                error={errorFor('contact')}
              />
              <button type="submit" className="govuk-button" disabled={submission.busy}>
                Save partner
              </button>
            </form>
          )}
        </div>
      </div>
    </>
  );
}
