/**
 * Limits on what may be recorded, used by the API's validation, the importer and the web app's
 * forms. The migrations write the same figures into CHECK constraints as literals (a migration is a
 * snapshot); `backend/src/database/schema.e2e.spec.ts` fails if the two disagree.
 */

/** Minutes in one time entry: at least 1, at most one whole day. */
export const MAX_MINUTES = 1440;

/** Short free text: a time entry's note, a referral's note, a problem's description, a key date's note. */
export const MAX_SHORT_TEXT_LENGTH = 2000;

/** Longest case note (attendance or file note), in characters. */
export const MAX_NOTE_LENGTH = 20_000;

/** No casework date (opened, a session, feedback, a key date …) nor a funding period is earlier than this. */
export const EARLIEST_CASE_DATE = '1990-01-01';

/** No date of birth is earlier than this. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Amounts in pounds (benefits, debt written off) are below this. */
export const MAX_AMOUNT_GBP = 10_000_000;

/** Rows in a table saved whole as a new version (fee rates, unit costs). */
export const MAX_TABLE_ROWS = 200;
