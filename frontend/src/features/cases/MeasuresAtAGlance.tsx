import { MEASURES } from '@deepvalue/shared';
import { formatMinutes, formatNumber, formatPercent } from '../../app/format';
import type { CaseMeasures } from '@deepvalue/shared';

/** The case's relationship measures (docs/measures.md), each with its definition one click away. */
export function MeasuresAtAGlance({ measures }: { measures: CaseMeasures }) {
  const rows = [
    {
      label: MEASURES.relationship_time.label,
      value: formatMinutes(measures.relationshipMinutes) || '0 min',
      note: `of ${formatMinutes(measures.totalMinutes) || '0 min'} in all`,
      definition: MEASURES.relationship_time.definition,
    },
    {
      label: MEASURES.relationship_share.label,
      value: formatPercent(measures.relationshipShare) || 'No time yet',
      definition: MEASURES.relationship_share.definition,
    },
    {
      label: MEASURES.continuity.label,
      value: formatPercent(measures.continuity) || 'No sessions yet',
      note: measures.continuity != null ? 'by the lead adviser' : undefined,
      definition: MEASURES.continuity.definition,
    },
    {
      label: MEASURES.first_contact_latency.label,
      value:
        measures.firstContactLatencyDays == null
          ? 'No session yet'
          : `${measures.firstContactLatencyDays} ${measures.firstContactLatencyDays === 1 ? 'day' : 'days'}`,
      definition: MEASURES.first_contact_latency.definition,
    },
    {
      label: 'Relationship quality',
      value: measures.rqi == null ? 'No feedback yet' : `${formatNumber(measures.rqi)} of 100`,
      note:
        measures.rqi == null
          ? undefined
          : `from ${measures.rqiItems} ${measures.rqiItems === 1 ? 'answer' : 'answers'}`,
      definition: MEASURES.rqi.definition,
    },
    {
      label: 'Underlying problems',
      value: String(measures.problemsCount),
      definition: MEASURES.underlying_problems.definition,
    },
  ];
  return (
    <section aria-labelledby="measures-title" className="dv-measures">
      <h2 className="govuk-heading-m" id="measures-title">
        Measures at a glance
      </h2>
      <dl className="dv-stats">
        {rows.map((row) => (
          <div className="dv-stat" key={row.label}>
            <dt className="dv-stat__label">{row.label}</dt>
            <dd className="dv-stat__value">{row.value}</dd>
            {row.note && <dd className="dv-stat__note">{row.note}</dd>}
          </div>
        ))}
      </dl>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">How these are worked out</span>
        </summary>
        <div className="govuk-details__text">
          <dl className="dv-definitions">
            {rows.map((row) => (
              <div key={row.label}>
                <dt className="govuk-!-font-weight-bold">{row.label}</dt>
                <dd>{row.definition}</dd>
              </div>
            ))}
          </dl>
        </div>
      </details>
    </section>
  );
}
