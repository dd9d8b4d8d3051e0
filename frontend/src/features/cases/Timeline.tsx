import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import type { TimelineEvent } from './timeline';

/** The MoJ timeline pattern: one entry per event, newest first. */
export function Timeline({ caseId, events }: { caseId: string; events: TimelineEvent[] }) {
  return (
    <ol className="dv-timeline">
      {events.map((event) => (
        <li key={event.key} className={`dv-timeline__item dv-timeline__item--${event.kind}`}>
          <h3 className="dv-timeline__title">{event.title}</h3>
          <p className="dv-timeline__date">
            <time dateTime={event.on}>{formatDate(event.on)}</time>
            {event.by && <> · {event.by}</>}
          </p>
          {event.details.length > 0 && (
            <ul className="govuk-list dv-timeline__details">
              {event.details.map((detail, i) => (
                <li key={i}>{detail}</li>
              ))}
            </ul>
          )}
          {(event.askReachedSupport || event.editTimeEntryId || event.problemResult) && (
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              {event.askReachedSupport && (
                <Link
                  className="govuk-link"
                  to={`/cases/${caseId}/${event.askReachedSupport.kind}/${event.askReachedSupport.id}/reached-support`}
                >
                  Record whether the client reached the support
                </Link>
              )}
              {event.problemResult && (
                <Link
                  className={`govuk-link${event.askReachedSupport ? ' govuk-!-margin-left-3' : ''}`}
                  to={`/cases/${caseId}/problems/${event.problemResult.id}/result`}
                >
                  {event.problemResult.recorded ? 'Change' : 'Record'} its own result
                  <span className="govuk-visually-hidden"> ({event.title})</span>
                </Link>
              )}
              {event.editTimeEntryId && (
                <Link className="govuk-link" to={`/cases/${caseId}/time/${event.editTimeEntryId}`}>
                  Change or delete<span className="govuk-visually-hidden"> this time entry ({event.title})</span>
                </Link>
              )}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
