import { labelOf, subcategoryLabel } from '@deepvalue/shared';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ApiRequestError, newIdempotencyKey } from '../../app/api';
import { FlashBanner } from '../../app/flash';
import { clientName, formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { Banner } from '../../ui/Banner';
import { QueryState } from '../../ui/QueryState';
import { SummaryList } from '../../ui/SummaryList';
import { QuickTimeForm } from '../time/QuickTimeForm';
import { useCase, useFeedbackItems, usePartners, useRefreshCase, useSubcategories } from './api';
import { CaseHeading } from './CaseHeading';
import { ContactSafetyPanel } from './ContactSafetyPanel';
import { EqualityRow, LegalAidPanel } from '../legal-aid/LegalAidPanel';
import { DocumentsSection } from './DocumentsSection';
import { useRefreshDocuments } from './documents';
import { GenerateLetter } from './GenerateLetter';
import { SupervisionSection } from './SupervisionSection';
import { useSession } from '../../app/session';
import { MeasuresAtAGlance } from './MeasuresAtAGlance';
import { KeyDatesSection } from './KeyDatesSection';
import { NotesSection } from './NotesSection';
import { PartiesSection } from './PartiesSection';
import { Timeline } from './Timeline';
import { buildTimeline } from './timeline';
import type { CaseDetail } from '@deepvalue/shared';

export function CasePage() {
  const { caseId = '' } = useParams();
  const query = useCase(caseId);
  usePageTitle(query.data ? `${clientName(query.data.client)} – ${query.data.ref}` : 'Case');
  return (
    <>
      <QueryState query={query} what="The case">
        {(c) => <CaseView c={c} />}
      </QueryState>
    </>
  );
}

function CaseView({ c }: { c: CaseDetail }) {
  const [params] = useSearchParams();
  const [timeOpen, setTimeOpen] = useState(params.get('time') === '1');
  const [saved, setSaved] = useState<string>();
  const refresh = useRefreshCase();
  const refreshDocuments = useRefreshDocuments();
  const role = useSession().me?.role;
  const supervisor = role === 'manager' || role === 'admin';
  const items = useFeedbackItems();
  const labels = useMemo(
    () => Object.fromEntries((items.data ?? []).map((item) => [item.key, item.label])),
    [items.data],
  );
  // Problems carry only the partner's id; the directory names them.
  const partners = usePartners('', 200);
  const partnerNames = useMemo(
    () => Object.fromEntries((partners.data ?? []).map((p) => [p.id, p.name])),
    [partners.data],
  );
  const events = useMemo(() => buildTimeline(c, labels, partnerNames), [c, labels, partnerNames]);
  const open = !c.closedOn;

  return (
    <>
      {!saved && <FlashBanner />}
      <CaseHeading caseRecord={c} client={c.client} />
      {saved && (
        <Banner success title="Saved" keepFocus={timeOpen}>
          <p className="govuk-notification-banner__heading">Recorded {saved}.</p>
        </Banner>
      )}
      <div className="govuk-button-group dv-case-actions">
        <button
          type="button"
          className="govuk-button"
          aria-expanded={timeOpen}
          aria-controls="record-time"
          onClick={() => setTimeOpen((v) => !v)}
        >
          Record time
        </button>
        <Link className="govuk-link" to={`/cases/${c.id}/problems/new`}>
          Add an underlying problem
        </Link>
        <Link className="govuk-link" to={`/cases/${c.id}/referrals/new`}>
          Add a referral
        </Link>
        <Link className="govuk-link" to={`/cases/${c.id}/feedback/new`}>
          Enter client feedback
        </Link>
        <Link className="govuk-link" to={`/cases/${c.id}/assessment`}>
          Adviser assessment
        </Link>
        {open ? (
          <Link className="govuk-link" to={`/cases/${c.id}/close`}>
            Close the case
          </Link>
        ) : (
          <>
            <Link className="govuk-link" to={`/cases/${c.id}/follow-ups/new`}>
              Record a follow-up
            </Link>
            <ReopenButton c={c} />
          </>
        )}
      </div>
      {timeOpen && (
        <section id="record-time" aria-labelledby="record-time-title" className="dv-panel">
          <h2 className="govuk-heading-m" id="record-time-title">
            Record time
          </h2>
          <QuickTimeForm
            caseId={c.id}
            autoFocus
            onSaved={(_entry, summary) => {
              setSaved(summary);
              void refresh(c.id);
            }}
          />
        </section>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Timeline</h2>
          <Timeline caseId={c.id} events={events} />
          <KeyDatesSection caseId={c.id} />
          <NotesSection
            caseId={c.id}
            notes={c.notes ?? []}
            timeEntries={c.timeEntries}
            onChanged={async () => {
              await refresh(c.id);
            }}
          />
          <PartiesSection caseId={c.id} />
          <DocumentsSection caseId={c.id}>
            <GenerateLetter caseId={c.id} onGenerated={() => void refreshDocuments(c.id)} />
          </DocumentsSection>
          {supervisor && (
            <SupervisionSection caseId={c.id} leadAdviserId={c.leadAdviserId} onReassigned={() => void refresh(c.id)} />
          )}
        </div>
        <div className="govuk-grid-column-one-third">
          <MeasuresAtAGlance measures={c.measures} />
          <CaseDetails c={c} />
        </div>
      </div>
    </>
  );
}

function CaseDetails({ c }: { c: CaseDetail }) {
  const client = c.client;
  const isLegalAid = Boolean(c.legalAid) || c.fundingStream.startsWith('legal_aid');
  const subcategories = useSubcategories().data;
  return (
    <>
      <h2 className="govuk-heading-m">Case details</h2>
      <SummaryList
        stacked
        rows={[
          {
            key: 'Problem',
            value: `${labelOf(c.category)}${c.subcategory ? `: ${subcategoryLabel(c.subcategory, subcategories)}` : ''}`,
          },
          { key: 'Opened', value: formatDate(c.openedOn) },
          ...(c.firstContactOn && c.firstContactOn !== c.openedOn
            ? [{ key: 'First contact', value: formatDate(c.firstContactOn) }]
            : []),
          ...(c.closedOn ? [{ key: 'Closed', value: formatDate(c.closedOn) }] : []),
          { key: 'Lead adviser', value: c.leadAdviserName },
          { key: 'Funding', value: labelOf(c.fundingStream) },
          {
            key: 'Arrived',
            value: c.arrival.route === 'referred' ? `Referred by ${c.referrerName ?? 'a partner'}` : 'By themselves',
          },
          ...(c.officeName ? [{ key: 'Office', value: c.officeName }] : []),
          { key: 'Organisations contacted before', value: c.priorOrganisationsContacted ?? 'Not asked' },
          { key: 'Times told their story before', value: c.timesToldStoryBefore ?? 'Not asked' },
          {
            key: 'Confidence at intake',
            value: c.confidenceAtIntake != null ? `${c.confidenceAtIntake} of 5` : 'Not asked',
          },
          {
            key: 'Adviser assessment',
            value: c.assessment
              ? [
                  c.assessment.trust != null ? `Trust ${c.assessment.trust} of 5` : '',
                  c.assessment.disclosure ? `full picture: ${c.assessment.disclosure}` : '',
                ]
                  .filter(Boolean)
                  .join('; ')
              : 'Not recorded',
          },
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/cases/${c.id}/edit`}>
          Change case details
        </Link>
      </p>
      <h2 className="govuk-heading-m">Client</h2>
      <ContactSafetyPanel safety={client.contactSafety} clientId={client.id} />
      <SummaryList
        stacked
        rows={[
          {
            key: 'Name',
            value: (
              <Link className="govuk-link" to={`/clients/${client.id}`}>
                {clientName(client)}
              </Link>
            ),
          },
          { key: 'Date of birth', value: formatDate(client.dateOfBirth) || 'Not recorded' },
          { key: 'Postcode district', value: client.postcodeDistrict ?? 'Not recorded' },
          {
            key: 'Vulnerabilities',
            value: client.vulnerabilities.length ? client.vulnerabilities.map(labelOf).join(', ') : 'None recorded',
          },
          { key: 'Evidence consent', value: client.evidenceConsent ? 'Yes' : 'No' },
          ...(isLegalAid
            ? [
                {
                  key: 'Equality monitoring',
                  value: <EqualityRow clientId={client.id} equality={client.equality} caseId={c.id} />,
                },
              ]
            : []),
        ]}
      />
      {isLegalAid && <LegalAidPanel caseId={c.id} legalAid={c.legalAid ?? null} />}
    </>
  );
}

function ReopenButton({ c }: { c: CaseDetail }) {
  const refresh = useRefreshCase();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const reopen = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/cases/${c.id}/reopen`, {
        method: 'POST',
        body: { version: c.version },
        idempotencyKey: newIdempotencyKey(),
      });
    } catch (e) {
      setError(
        e instanceof ApiRequestError && e.isStale
          ? 'Someone else changed this case. The page now shows their changes; check them and try again.'
          : e instanceof Error
            ? e.message
            : String(e),
      );
    } finally {
      setBusy(false);
      void refresh(c.id);
    }
  };
  return (
    <>
      <button
        type="button"
        className="dv-link-button dv-link-button--dark"
        disabled={busy}
        onClick={() => void reopen()}
      >
        Reopen the case
      </button>
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
