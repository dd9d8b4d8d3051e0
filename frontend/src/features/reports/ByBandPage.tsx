import {
  ASSOCIATION_CAVEAT,
  MEASURES,
  PACK_MEANS,
  PACK_RATES,
  type ByBandReport,
  type PackMean,
  type PackRate,
} from '@deepvalue/shared';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { api } from '../../app/api';
import { QueryState } from '../../ui/QueryState';
import { PackTableGrid } from '../evidence/PackTableGrid';
import { toQuery, useReportParams } from './filters';
import { ReportFiltersForm } from './ReportFiltersForm';
import { ReportLayout } from './ReportLayout';

type ByBandMeasure = PackRate | PackMean;
const BY_BAND_MEASURES: readonly ByBandMeasure[] = [...PACK_RATES, ...PACK_MEANS];
const isByBandMeasure = (value: string | null): value is ByBandMeasure =>
  (BY_BAND_MEASURES as readonly string[]).includes(value ?? '');

/**
 * Commissioners: the rates and means the evidence pack publishes by band of relationship time, one at a
 * time, exactly as the pack publishes them for the same period and filters (the server builds the pack's
 * own table).
 */
export function ByBandPage() {
  const { filters, params, apply } = useReportParams();
  const measure = isByBandMeasure(params.get('measure')) ? (params.get('measure') as ByBandMeasure) : 'rqi';
  const path = `/reports/by-band${toQuery(filters, { measure })}`;
  const query = useQuery({
    queryKey: ['report', path],
    queryFn: ({ signal }) => api<ByBandReport>(path, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return (
    <ReportLayout title="Measures by relationship time" current="/reports/by-band" caveat={ASSOCIATION_CAVEAT}>
      <ReportFiltersForm
        key={params.toString()}
        filters={filters}
        choices={[
          {
            key: 'measure',
            label: 'Measure',
            options: BY_BAND_MEASURES.map((value) => ({ value, label: MEASURES[value].label })),
            value: measure,
          },
        ]}
        onApply={apply}
      />
      <QueryState query={query} what="The report">
        {(report) => (
          <>
            <h2 className="govuk-heading-m">{report.table.title}</h2>
            <p className="govuk-body">{report.table.description}</p>
            {report.table.note && <p className="govuk-body govuk-!-font-weight-bold">{report.table.note}</p>}
            {/* The measure is the heading: its column would repeat it on every row. */}
            <PackTableGrid
              table={{ ...report.table, columns: report.table.columns.filter((c) => c.key !== 'measure') }}
            />
            <p className="govuk-body-s dv-muted">
              Only clients who agreed to their anonymised data being used are counted. Counts are rounded to the nearest{' '}
              {report.suppressionThreshold}, and rates, means and intervals are worked out so they give no exact count
              away. These are the figures the evidence pack gives for the same period and filters.
            </p>
          </>
        )}
      </QueryState>
    </ReportLayout>
  );
}
