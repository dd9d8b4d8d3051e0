/**
 * The one place that decides below which count a figure published outside a provider (commissioner
 * screens, every evidence-pack format, the pack preview) is hidden. Never below the floor of 5 (see
 * docs/decisions.md); an organisation's setting may only raise it, and when figures of several
 * organisations are combined the strictest applies.
 */

/** The floor: no setting can publish a count below this. */
export const MIN_DISCLOSURE_THRESHOLD = 5;

/** Whose figures are being published: the threshold settings of the organisations combined. */
export interface DisclosureScope {
  organisationSettings: ReadonlyArray<number | null | undefined>;
}

export function thresholdFor(scope: DisclosureScope): number {
  const raised = scope.organisationSettings.filter(
    (s): s is number => typeof s === 'number' && Number.isFinite(s) && s > MIN_DISCLOSURE_THRESHOLD,
  );
  return Math.max(MIN_DISCLOSURE_THRESHOLD, ...raised.map((s) => Math.ceil(s)));
}
