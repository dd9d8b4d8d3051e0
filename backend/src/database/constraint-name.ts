/**
 * The name of the constraint a database error reports, as the schema declares it. On a Citus
 * cluster the check runs on a worker's shard: the coordinator passes on the message but not the
 * constraint field, and the shard's copy of each constraint carries the shard's id
 * (`referrals_organisation_id_case_id_fkey_102124`). No constraint of the schema ends in `_<digits>`.
 */
export function constraintName(error: { constraint?: string; message?: string }): string {
  const reported = error.constraint ?? /constraint "([^"]+)"/.exec(error.message ?? '')?.[1] ?? '';
  return reported.replace(/_\d+$/, '');
}
