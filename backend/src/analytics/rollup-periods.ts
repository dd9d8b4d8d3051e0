/** How a closing period is read from monthly roll-ups: whole months from the roll-up, the rest from the facts. */
import { addMonthsTo, dayBefore, monthStart } from '../common/dates.js';

/**
 * A closing period split into the whole months it covers (`months`, as first days, either end open)
 * and the days of the months it covers only in part (`edges`, as from/to filters).
 */
export function splitByMonth(
  from: string | undefined,
  to: string | undefined,
): { months: { from?: string; to?: string } | null; edges: Array<{ from: string; to: string }> } {
  const first = from && (from === monthStart(from) ? from : addMonthsTo(monthStart(from), 1));
  const nextAfterTo = to && addMonthsTo(monthStart(to), 1);
  const last = to && (dayBefore(nextAfterTo!) === to ? monthStart(to) : addMonthsTo(monthStart(to), -1));
  if (first && last && first > last) return { months: null, edges: from && to ? [{ from, to }] : [] };
  const edges: Array<{ from: string; to: string }> = [];
  if (from && first !== from) edges.push({ from, to: dayBefore(first!) });
  if (to && last !== monthStart(to)) edges.push({ from: monthStart(to), to });
  return { months: { from: first, to: last }, edges };
}
