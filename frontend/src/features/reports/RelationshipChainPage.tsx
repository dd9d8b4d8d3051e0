import type { ChainLink, ChainMediation, Estimate, RelationshipChainReport } from '@deepvalue/shared';
import { formatNumber } from '../../app/format';
import { QueryState } from '../../ui/QueryState';
import { useRelationshipChain } from './api';
import {
  VERDICT_TEXT,
  chainAdjustedFor,
  linkSentence,
  mediationSentence,
  verdictOf,
  type Verdict,
} from './chain-sentences';
import { useReportParams } from './filters';
import { ReportFiltersForm } from './ReportFiltersForm';
import { ReportLayout } from './ReportLayout';

const VERDICT_TAG: Record<Verdict, string> = {
  more: 'govuk-tag govuk-tag--green',
  less: 'govuk-tag govuk-tag--green',
  unclear: 'govuk-tag govuk-tag--grey',
  none: 'govuk-tag govuk-tag--yellow',
};

/** The seeds' chain: time → trust and disclosure → problems and understanding → acceptance → appeals. */
export function RelationshipChainPage() {
  const { filters, params, apply } = useReportParams();
  const query = useRelationshipChain(filters);
  return (
    <ReportLayout title="Relationship chain" current="/reports/chain">
      <p className="govuk-body-l">
        Advisers and clients in the “Time well-spent” study described a chain: time together builds trust; trust lets
        the client tell the whole story; the adviser finds the problems behind the problem and explains the result; a
        client who understands accepts the outcome, even a bad one; and fewer appeals follow. This page checks each step
        against your own casework records.
      </p>
      <ReportFiltersForm key={params.toString()} filters={filters} onApply={apply} />
      <QueryState query={query} what="The relationship chain">
        {(report) => <Chain report={report} />}
      </QueryState>
    </ReportLayout>
  );
}

function Chain({ report }: { report: RelationshipChainReport }) {
  return (
    <>
      <div className="govuk-inset-text">
        <strong>Association, not proof of cause.</strong> These figures show how things go together in your records: for
        example, that clients who had more time with their adviser more often trusted them. They do not prove that the
        extra time caused the trust. {report.caveat}
      </div>
      <h2 className="govuk-heading-m">
        Each step of the chain <span className="govuk-caption-m">{formatNumber(report.n)} closed cases</span>
      </h2>
      <p className="govuk-body">
        Each step gives a figure and its 95% interval: a range worked out so that, for records like yours, it holds the
        true figure 19 times out of 20. A step is a <strong>clear link</strong> when the whole range lies on one side of
        “no link”. Each step allows for the kinds of cases you take on, so that one kind of case does not make the link
        on its own.
      </p>
      <ol className="govuk-list dv-card-list" data-testid="chain-links">
        {report.links.map((link, i) => (
          <LinkCard key={link.key} link={link} step={i + 1} />
        ))}
      </ol>
      <Mediation m={report.mediation} />
      {report.suppressionThreshold && (
        <p className="govuk-body-s dv-muted">
          Only clients who agreed to their anonymised data being used are counted, and case numbers are rounded to the
          nearest {report.suppressionThreshold}, as in the evidence pack.
        </p>
      )}
    </>
  );
}

function LinkCard({ link, step }: { link: ChainLink; step: number }) {
  const verdict = verdictOf(link);
  const factors = chainAdjustedFor(link);
  return (
    <li className="dv-card">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
        {step}. {link.from} → {link.to}
      </h3>
      <p className="govuk-body govuk-!-margin-bottom-2">
        <strong className={VERDICT_TAG[verdict]}>{VERDICT_TEXT[verdict]}</strong>
      </p>
      <p className="govuk-body govuk-!-margin-bottom-1" data-testid={`link-${link.key}`}>
        {linkSentence(link)}
      </p>
      <p className="govuk-body-s dv-muted govuk-!-margin-bottom-0">
        {factors && <>Allowing for {factors}. </>}
        {link.key === 'understood_appeal_lodged' ? (
          <>
            Only negative outcomes count here; other closed cases are not part of this step.{' '}
            {link.unknown > 0 && (
              <>Not recorded in {formatNumber(link.unknown)} negative outcomes, which are left out. </>
            )}
          </>
        ) : (
          link.unknown > 0 && <>Not recorded in {formatNumber(link.unknown)} closed cases, which are left out. </>
        )}
        {link.estimate !== null && link.note}
      </p>
    </li>
  );
}

const two = (e: Estimate) =>
  e.estimate === null
    ? '—'
    : `${formatNumber(e.estimate, 2)} (${formatNumber(e.ciLow, 2)} to ${formatNumber(e.ciHigh, 2)})`;

function Mediation({ m }: { m: ChainMediation }) {
  return (
    <section aria-labelledby="mediation-title" className="dv-panel govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="mediation-title">
        How much of the link to acceptance runs through understanding?
      </h2>
      <p className="govuk-body dv-estimate" data-testid="mediation-sentence">
        {mediationSentence(m)}
      </p>
      {m.shareThroughUnderstanding.estimate !== null && (
        <p className="govuk-body">
          The rest goes with relationship time in other ways these records cannot separate. The interval comes from
          re-drawing your cases {formatNumber(m.bootstrap.replicates)} times in a fixed, repeatable way, so the same
          records always give the same figures.
        </p>
      )}
      {m.note && m.shareThroughUnderstanding.estimate !== null && <p className="govuk-body">{m.note}</p>}
      {m.unknown > 0 && (
        <p className="govuk-body-s dv-muted">
          Understanding or acceptance was not recorded in {formatNumber(m.unknown)} closed cases, which are left out.
        </p>
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">How this is worked out</span>
        </summary>
        <div className="govuk-details__text">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Odds of acceptance per doubling of relationship time (95% interval)
            </caption>
            <tbody className="govuk-table__body">
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  Through understanding (indirect)
                </th>
                <td className="govuk-table__cell">{two(m.indirectOddsRatio)}</td>
              </tr>
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  Other ways (direct)
                </th>
                <td className="govuk-table__cell">{two(m.directOddsRatio)}</td>
              </tr>
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  In all (total)
                </th>
                <td className="govuk-table__cell">{two(m.totalOddsRatio)}</td>
              </tr>
            </tbody>
          </table>
          <p>{m.method}</p>
          <p>
            Each step of the chain is a regression that allows for the category of problem, the number of
            vulnerabilities and the funding stream (and, after the first two steps, relationship time). A yes/no step
            gives an odds ratio (above 1: more likely); a 1–5 score gives a difference in points. The last step counts
            appeals lodged, because an avoided appeal needs the client’s acceptance by definition.
          </p>
        </div>
      </details>
    </section>
  );
}
