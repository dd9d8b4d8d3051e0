import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { formatDate, today } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useMe } from '../../app/session';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { FILTER_KEYS, type ReportFilters } from '../reports/filters';
import { ReportFiltersForm } from '../reports/ReportFiltersForm';
import { PackTableGrid } from './PackTableGrid';
import type { EvidencePackPreview, PackTable } from '@deepvalue/shared';

/** A pack takes the report filters but never breaks figures down by adviser. */
const KEYS = FILTER_KEYS.filter((key) => key !== 'adviser');
/** Whose unit-cost table prices a commissioner's pack (the API's `pricedWith`; a manager's is always its own). */
type PricedWith = 'commissioner' | 'provider';
type PackQuery = Omit<ReportFilters, 'adviser'> & { pricedWith?: PricedWith };

const FORMATS = [
  { format: 'xlsx', label: 'Spreadsheet (XLSX)', hint: 'one sheet per measure and a method sheet' },
  { format: 'pdf', label: 'Report (PDF)', hint: 'with charts, for a funding panel to read on paper' },
  { format: 'csv-zip', label: 'Tables (CSV, zipped)', hint: 'one tidy table per measure, with the manifest' },
  { format: 'zip', label: 'Everything (zip)', hint: 'all of the above in one file' },
] as const;

/** The last complete financial year (1 April to 31 March): the period commissioners usually ask for. */
export function lastFinancialYear(now = today()): { from: string; to: string } {
  const [year, month] = now.split('-').map(Number);
  const endYear = month >= 4 ? year : year - 1;
  return { from: `${endYear - 1}-04-01`, to: `${endYear}-03-31` };
}

const toSearch = (query: PackQuery, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...extra })) if (v) params.set(k, v);
  return `?${params.toString()}`;
};

export function EvidencePackPage() {
  usePageTitle('Evidence pack');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  const commissioner = me.role === 'commissioner';
  const pricedWith = commissioner && params.get('pricedWith') === 'provider' ? 'provider' : undefined;
  const query: PackQuery = { ...filters, pricedWith };
  const ready = Boolean(query.from && query.to);
  const preview = useQuery({
    queryKey: ['evidence-preview', toSearch(query)],
    queryFn: ({ signal }) => api<EvidencePackPreview>(`/evidence-packs/preview${toSearch(query)}`, { signal }),
    enabled: ready,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  return (
    <>
      <span className="govuk-caption-l">{me.organisationName}</span>
      <h1 className="govuk-heading-l">Evidence pack</h1>
      <p className="govuk-body">
        Aggregated, anonymised evidence of what relationship time buys: outcomes by relationship time, the estimate
        allowing for case mix, fixed fee against need and the value in £, with its method. Counts below the suppression
        threshold are hidden so no person can be picked out.
      </p>
      <ReportFiltersForm
        key={params.toString()}
        kind="pack"
        filters={{ ...lastFinancialYear(), ...filters }}
        onApply={(next) => setParams(toSearch({ ...next, pricedWith }).slice(1))}
      />
      {commissioner && (
        <PricingChoice
          commissionerName={me.organisationName}
          value={pricedWith ?? 'commissioner'}
          onChange={(next) =>
            setParams(toSearch({ ...query, pricedWith: next === 'provider' ? next : undefined }).slice(1))
          }
        />
      )}
      {ready && (
        <QueryState query={preview} what="The evidence pack">
          {(pack) => <Preview pack={pack} query={query} />}
        </QueryState>
      )}
    </>
  );
}

/**
 * A commissioner's choice of whose unit-cost table prices the pack's £ figures; it applies at once, to the
 * preview and every download.
 */
function PricingChoice({
  commissionerName,
  value,
  onChange,
}: {
  commissionerName: string;
  value: PricedWith;
  onChange: (value: PricedWith) => void;
}) {
  return (
    <div className="dv-panel">
      <Radios<PricedWith>
        id="pack-priced-with"
        legend="Whose unit costs price the £ figures"
        legendSize="s"
        hint="The counts, rates and charts are the same either way; only the £ figures change. The preview and every download follow this choice."
        value={value}
        onChange={onChange}
        options={[
          {
            value: 'commissioner',
            label: `Your unit-cost table (${commissionerName})`,
            hint:
              'Every provider’s outcomes are priced with the unit costs, adjustments and cost of an adviser hour ' +
              'your organisation has set, so providers are compared at the same prices.',
          },
          {
            value: 'provider',
            label: 'Each provider’s own unit-cost table',
            hint:
              'Each provider’s outcomes are priced with the unit costs, adjustments and cost of an adviser hour ' +
              'that provider has set for itself, as in its own pack. For several providers together their ' +
              'tables are not shown, and a £ figure that would rest on one provider’s table alone reads [c]. ' +
              'For one provider, its pack is exactly as its manager sees it, its unit-cost table included.',
          },
        ]}
      />
    </div>
  );
}

function Preview({ pack, query }: { pack: EvidencePackPreview; query: PackQuery }) {
  const meta = pack.meta;
  const tables = pack.tables.filter((t) => !t.partOfMethod);
  const methodTables = pack.tables.filter((t) => t.partOfMethod);
  return (
    <>
      <h2 className="govuk-heading-l">
        {meta.title}
        <span className="govuk-caption-m">
          {meta.organisations.map((o) => o.name).join(', ')} · cases closed {formatDate(meta.period.from)} to{' '}
          {formatDate(meta.period.to)}
        </span>
      </h2>
      <section aria-labelledby="download-title" className="dv-panel">
        <h3 className="govuk-heading-m" id="download-title">
          Download the pack
        </h3>
        <p className="govuk-body">Every file is built from the same figures as this preview.</p>
        <ul className="govuk-list">
          {FORMATS.map((f) => (
            <li key={f.format}>
              <a
                className="govuk-link"
                href={`/api/evidence-packs/download${toSearch(query, { format: f.format })}`}
                download
              >
                {f.label}
              </a>{' '}
              <span className="dv-muted">– {f.hint}</span>
            </li>
          ))}
        </ul>
        <p className="govuk-body-s dv-muted">
          Checksum of the inputs (to re-create the same pack): <span className="dv-key">{pack.inputsSha256}</span>
        </p>
      </section>

      <h3 className="govuk-heading-m">{pack.summary.heading}</h3>
      {pack.summary.sections.map((section) => (
        <div key={section.key}>
          <h4 className="govuk-heading-s">{section.heading}</h4>
          {section.paragraphs.map((p) => (
            <p className="govuk-body" key={p}>
              {p}
            </p>
          ))}
        </div>
      ))}

      <h3 className="govuk-heading-m">Headlines</h3>
      <dl className="dv-stats dv-stats--wide">
        {pack.headlines.map((h) => (
          <div className="dv-stat" key={h.label}>
            <dt className="dv-stat__label">{h.label}</dt>
            <dd className="dv-stat__value">{h.value === '[c]' ? 'Hidden' : h.value}</dd>
            <dd className="dv-stat__note">{h.detail}</dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body-s">
        Counts are rounded so that no client can be identified, and rates are worked out from the rounded counts. “[c]”
        in a table means a figure is not published, because it could be narrowed down to a small count.
      </p>

      <h3 className="govuk-heading-m">Tables</h3>
      {tables.map((t) => (
        <PackTableView key={t.name} table={t} />
      ))}

      <h3 className="govuk-heading-m">Method</h3>
      {pack.method.map((m) => (
        <section key={m.heading}>
          <h4 className="govuk-heading-s">{m.heading}</h4>
          {m.paragraphs.map((p, i) => (
            <p key={i} className="govuk-body">
              {p}
            </p>
          ))}
        </section>
      ))}
      {methodTables.map((t) => (
        <PackTableView key={t.name} table={t} />
      ))}
      <p className="govuk-body-s dv-muted">
        Deep Value {meta.softwareVersion}; figures as they stood on {formatDate(meta.asOf)};{' '}
        {meta.unitCosts.eachProvider
          ? 'priced with each provider’s own unit-cost table'
          : `unit costs version ${meta.unitCosts.version}`}
        .
      </p>
    </>
  );
}

function PackTableView({ table }: { table: PackTable }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{table.title}</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">{table.description}</p>
        {table.note && <p className="govuk-body govuk-!-font-weight-bold">{table.note}</p>}
        <PackTableGrid table={table} />
      </div>
    </details>
  );
}
