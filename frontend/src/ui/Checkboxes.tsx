import type { ReactNode } from 'react';
import { Fieldset } from './Fieldset';
import type { Option } from './Radios';

interface Props<V extends string> {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly Option<V>[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  isPageHeading?: boolean;
  legendSize?: 's' | 'm' | 'l';
  small?: boolean;
  /** An exclusive "None of these" choice that clears the others (GOV.UK pattern). */
  noneLabel?: string;
  none?: boolean;
  onNoneChange?: (none: boolean) => void;
  autoFocus?: boolean;
}

/** GOV.UK checkboxes, with an optional exclusive "none" option. */
export function Checkboxes<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  isPageHeading,
  legendSize,
  small,
  noneLabel,
  none,
  onNoneChange,
  autoFocus,
}: Props<V>) {
  const toggle = (option: V, checked: boolean) => {
    onChange(checked ? [...value, option] : value.filter((v) => v !== option));
    if (checked) onNoneChange?.(false);
  };
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error} isPageHeading={isPageHeading} legendSize={legendSize}>
      <div className={`govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`}>
        {options.map((option, i) => {
          const optionId = i === 0 ? id : `${id}-${i + 1}`;
          const checked = value.includes(option.value);
          return (
            <div key={option.value}>
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={optionId}
                  name={id}
                  type="checkbox"
                  value={option.value}
                  checked={checked}
                  onChange={(e) => toggle(option.value, e.target.checked)}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                  autoFocus={autoFocus && i === 0}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${optionId}-hint`} className="govuk-hint govuk-checkboxes__hint">
                    {option.hint}
                  </div>
                )}
              </div>
              {option.conditional && checked && (
                <div className="govuk-checkboxes__conditional">{option.conditional}</div>
              )}
            </div>
          );
        })}
        {noneLabel && (
          <>
            <div className="govuk-checkboxes__divider">or</div>
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id={`${id}-none`}
                name={id}
                type="checkbox"
                value="none"
                checked={Boolean(none)}
                onChange={(e) => {
                  onNoneChange?.(e.target.checked);
                  if (e.target.checked) onChange([]);
                }}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`${id}-none`}>
                {noneLabel}
              </label>
            </div>
          </>
        )}
      </div>
    </Fieldset>
  );
}
