/**
 * Rules between outcome fields that no single field can check: the one home for them, used by the
 * API, the import validator and the close form.
 */
import type { AppealNotPursuedReason, AppealStatus } from './enums.js';

export interface AppealAnswers {
  accepted?: boolean | null;
  appeal?: AppealStatus | null;
  appealNotPursuedReason?: AppealNotPursuedReason | null;
}

/** What is wrong with `appealNotPursuedReason` given the other answers, or undefined when it fits. */
export function appealReasonProblem(o: AppealAnswers): string | undefined {
  const reason = o.appealNotPursuedReason;
  if (reason === undefined || reason === null) return undefined;
  if (o.appeal !== 'considered_not_pursued') {
    return 'is only recorded when an appeal was considered and not pursued (appeal considered_not_pursued)';
  }
  if (reason === 'accepted_outcome' && o.accepted === false) {
    return 'cannot be accepted_outcome when the client did not accept the outcome (accepted is false)';
  }
  return undefined;
}
