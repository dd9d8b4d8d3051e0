import type { PackTable } from '@deepvalue/shared';
import { formatCell } from './cell';

/** One evidence-pack table as published: its columns and rows, each cell formatted by its kind. */
export function PackTableGrid({ table }: { table: PackTable }) {
  return (
    // A wide table scrolls sideways: the region takes the keyboard focus so it can be scrolled without a mouse.
    <div className="dv-table-scroll" role="region" aria-label={table.title} tabIndex={0}>
      <table className="govuk-table govuk-table--small-text-until-tablet dv-detail-table">
        <caption className="govuk-visually-hidden">{table.title}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {table.columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`govuk-table__header${c.kind === 'text' ? '' : ' govuk-table__header--numeric'}`}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {table.rows.map((row, i) => (
            <tr key={i} className="govuk-table__row">
              {table.columns.map((c) => (
                <td
                  key={c.key}
                  className={`govuk-table__cell${c.kind === 'text' ? '' : ' govuk-table__cell--numeric'}`}
                >
                  {formatCell(row[c.key] ?? null, c.kind)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
