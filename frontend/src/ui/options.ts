import { labelOf } from '@deepvalue/shared';

/** Choices for a Select, Radios or Checkboxes from one of the shared enums, each with its plain-English label. */
export function labelledOptions<T extends string>(values: readonly T[]): Array<{ value: T; label: string }> {
  return values.map((value) => ({ value, label: labelOf(value) }));
}
