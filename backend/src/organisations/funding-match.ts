/**
 * Which recorded funding a pack divides by (docs/decisions.md, "Funding per period").
 * For each organisation in the pack, the records lying wholly inside the pack's period must together
 * cover every day of it, end to end. A record that reaches outside the period is never split (how the
 * money was spent across its days is unknown), so a pack for part of a funding period has no figure.
 * Any organisation without such cover means no figure at all: dividing the value of all of them by
 * the funding of some would overstate it.
 */

export interface FundingPeriod {
  organisationId: string;
  periodFrom: string;
  periodTo: string;
  /** Exact pounds, as PostgreSQL numeric text or a number with at most 2 decimal places. */
  amountGbp: string | number;
}

export type FundingMatch =
  | { matched: true; totalGbp: number; records: number }
  | { matched: false; uncovered: Array<{ organisationId: string; reason: string }> };

const DAY = 86_400_000;
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
const pence = (amount: string | number) => Math.round(Number(amount) * 100);

export function fundingForPeriod(
  records: FundingPeriod[],
  organisationIds: string[],
  period: { from: string; to: string },
): FundingMatch {
  let totalPence = 0;
  let used = 0;
  const uncovered: Array<{ organisationId: string; reason: string }> = [];
  for (const id of organisationIds) {
    const own = records.filter((r) => r.organisationId === id);
    const inside = own
      .filter((r) => r.periodFrom >= period.from && r.periodTo <= period.to)
      .sort((a, b) => a.periodFrom.localeCompare(b.periodFrom));
    let expected = period.from;
    let covered = inside.length > 0;
    for (const r of inside) {
      if (r.periodFrom !== expected) covered = false;
      expected = nextDay(r.periodTo);
    }
    if (covered && expected === nextDay(period.to)) {
      totalPence += inside.reduce((sum, r) => sum + pence(r.amountGbp), 0);
      used += inside.length;
      continue;
    }
    const reaching = own.filter((r) => r.periodFrom <= period.to && r.periodTo >= period.from && !inside.includes(r));
    uncovered.push({
      organisationId: id,
      reason:
        own.length === 0
          ? 'no funding recorded'
          : reaching.length > 0 && inside.length === 0
            ? `its funding recorded for ${reaching.map((r) => `${r.periodFrom} to ${r.periodTo}`).join(', ')} reaches outside the period and is not split`
            : 'the funding recorded does not cover every day of the period',
    });
  }
  return uncovered.length === 0
    ? { matched: true, totalGbp: totalPence / 100, records: used }
    : { matched: false, uncovered };
}
