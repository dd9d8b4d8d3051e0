/** The monthly legal aid contract report: check what it holds and what to fix, then download the CSV. */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, queryString } from '../../app/api';
import { formatDate, formatNumber } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { TextInput } from '../../ui/TextInput';
import type { ContractReportCheck } from '@deepvalue/shared';

/** The month before this one, YYYY-MM: the month a report is usually made for. */
function lastMonth(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function ContractReportPage() {
  usePageTitle('Legal aid contract report');
  const [input, setInput] = useState(lastMonth);
  const [month, setMonth] = useState(lastMonth);
  const [error, setError] = useState<string>();
  const check = useQuery({
    queryKey: ['contract-report', month],
    queryFn: ({ signal }) => api<ContractReportCheck>(`/contract-reports${queryString({ month })}`, { signal }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!MONTH.test(input.trim())) {
      setError('Enter a month written YYYY-MM, for example 2026-03');
      return;
    }
    setError(undefined);
    setMonth(input.trim());
  };
  return (
    <>
      <h1 className="govuk-heading-l">Legal aid contract report</h1>
      <p className="govuk-body">
        The month&apos;s completed legal aid matters and new matters, in the layout of the Legal Aid Agency&apos;s
        bulk-load file. A case the LAA would reject is left out of the file and listed below with what to fix.
      </p>
      <form noValidate className="dv-form" onSubmit={submit}>
        <TextInput
          id="month"
          label="Month"
          hint="YYYY-MM, for example 2026-03"
          width={10}
          value={input}
          error={error}
          onChange={(e) => setInput(e.target.value)}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Check the month
        </button>
      </form>
      <QueryState query={check} what="The contract report">
        {(r) => (
          <section aria-label="The month’s report">
            <h2 className="govuk-heading-m">
              {formatDate(`${r.month}-01`).replace(/^1 /, '')}{' '}
              <span className="govuk-caption-m">Submission period {r.submissionPeriod}</span>
            </h2>
            <ul className="govuk-list govuk-list--bullet">
              <li>{formatNumber(r.completedMatters)} completed matter(s) (OUTCOME records)</li>
              <li>{formatNumber(r.matterStarts)} new matter(s) (MATTERSTARTS records)</li>
              <li>{formatNumber(r.leftOut)} case(s) left out until their problems are fixed</li>
            </ul>
            <p className="govuk-body">
              <a
                className="govuk-button"
                href={`/api/exports/contract-report${queryString({ month: r.month })}`}
                download
              >
                Download the CSV for {r.submissionPeriod}
              </a>
            </p>
            {r.problems.length === 0 ? (
              <p className="govuk-body">No problems found: every case of the month is in the file.</p>
            ) : (
              <>
                <h3 className="govuk-heading-s">To fix before you submit ({formatNumber(r.problems.length)})</h3>
                <ul className="govuk-list dv-problem-list">
                  {r.problems.map((p, i) => (
                    <li key={i}>
                      {p.caseId ? (
                        <Link className="govuk-link" to={`/cases/${p.caseId}`}>
                          {p.message}
                        </Link>
                      ) : (
                        p.message
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}
      </QueryState>
    </>
  );
}
