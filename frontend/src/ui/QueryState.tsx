import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiRequestError } from '../app/api';
import { NotAvailable } from './NotAvailable';

interface Props<T> {
  query: UseQueryResult<T>;
  /** What the data is, for the loading and "not available yet" messages ("Your cases"). */
  what: string;
  children: (data: T) => ReactNode;
}

/** Renders a query's loading, error and "not available yet" states, or its data. */
export function QueryState<T>({ query, what, children }: Props<T>) {
  if (query.isPending) {
    return (
      <p className="govuk-body dv-muted" role="status">
        Loading {what.toLowerCase()}…
      </p>
    );
  }
  if (query.isError) {
    const error = query.error;
    if (error instanceof ApiRequestError && error.isNotAvailable) return <NotAvailable what={what} />;
    return (
      <div className="govuk-warning-text" role="alert">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          {what} could not be loaded: {error instanceof Error ? error.message : String(error)}{' '}
          <button
            type="button"
            className="govuk-button govuk-button--secondary dv-inline-button"
            onClick={() => void query.refetch()}
          >
            Try again
          </button>
        </strong>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
