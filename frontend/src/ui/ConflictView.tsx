import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';

export interface ConflictField {
  key: string;
  label: string;
  format?: (value: unknown) => ReactNode;
}

interface Props {
  /** What is being edited, for the heading ("case details"). */
  what: string;
  fields: ConflictField[];
  /** The values this user tried to save. */
  mine: Record<string, unknown>;
  /** The record as it is now on the server (the 409 body's `current`). */
  theirs: Record<string, unknown>;
  busy?: boolean;
  /** Save the chosen values against the server's current version. */
  onResolve: (merged: Record<string, unknown>, version: number) => void;
  /** Drop my changes and reload the record as it is now. */
  onDiscard: () => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function defaultFormat(value: unknown): ReactNode {
  if (value === null || value === undefined || value === '') return <span className="dv-muted">Not given</span>;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.join(', ') : <span className="dv-muted">None</span>;
  return String(value);
}

/**
 * A stale-version conflict (409): someone saved the record after this user loaded it. Shows both
 * versions side by side; for each field that differs the user keeps theirs or the other, then saves
 * the merge against the current version. Nothing either person typed is silently lost.
 */
export function ConflictView({ what, fields, mine, theirs, busy, onResolve, onDiscard }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const differing = useMemo(() => fields.filter((f) => !same(mine[f.key], theirs[f.key])), [fields, mine, theirs]);
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>(() =>
    Object.fromEntries(differing.map((f) => [f.key, 'mine'])),
  );
  const merged = () => {
    const result: Record<string, unknown> = {};
    for (const f of fields) result[f.key] = choice[f.key] === 'theirs' ? theirs[f.key] : (mine[f.key] ?? theirs[f.key]);
    return result;
  };
  return (
    <section className="dv-conflict" aria-labelledby="conflict-title">
      <h2 className="govuk-heading-m" id="conflict-title" tabIndex={-1} ref={heading}>
        Someone else changed the {what} while you were editing
      </h2>
      <p className="govuk-body">
        Your changes have not been saved yet. Compare the two versions and choose which to keep for each difference.
      </p>
      <div className="dv-table-scroll">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Your version and the saved version</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Field
              </th>
              <th scope="col" className="govuk-table__header">
                Your version
              </th>
              <th scope="col" className="govuk-table__header">
                Saved by someone else
              </th>
              <th scope="col" className="govuk-table__header">
                Keep
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {fields.map((f) => {
              const format = f.format ?? defaultFormat;
              const differs = differing.includes(f);
              return (
                <tr key={f.key} className={`govuk-table__row${differs ? ' dv-conflict__row--differs' : ''}`}>
                  <th scope="row" className="govuk-table__header">
                    {f.label}
                  </th>
                  <td className="govuk-table__cell">{format(mine[f.key])}</td>
                  <td className="govuk-table__cell">{format(theirs[f.key])}</td>
                  <td className="govuk-table__cell">
                    {differs ? (
                      <fieldset className="govuk-fieldset">
                        <legend className="govuk-visually-hidden">Which {f.label.toLowerCase()} to keep</legend>
                        <div className="govuk-radios govuk-radios--small">
                          {(['mine', 'theirs'] as const).map((side) => (
                            <div className="govuk-radios__item" key={side}>
                              <input
                                className="govuk-radios__input"
                                type="radio"
                                id={`keep-${f.key}-${side}`}
                                name={`keep-${f.key}`}
                                checked={choice[f.key] === side}
                                onChange={() => setChoice((c) => ({ ...c, [f.key]: side }))}
                              />
                              <label className="govuk-label govuk-radios__label" htmlFor={`keep-${f.key}-${side}`}>
                                {side === 'mine' ? 'Mine' : 'Theirs'}
                              </label>
                            </div>
                          ))}
                        </div>
                      </fieldset>
                    ) : (
                      <span className="dv-muted">Same</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button"
          disabled={busy}
          onClick={() => onResolve(merged(), Number(theirs.version))}
        >
          Save my choices
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onDiscard}>
          Discard my changes
        </button>
      </div>
    </section>
  );
}
