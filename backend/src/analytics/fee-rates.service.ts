/**
 * The fee table each organisation edits: dated Legal Help fixed fees per category, with the escape
 * threshold and the local hourly rate that turns a fee into the hours it pays for. Until a manager
 * saves one, the sourced defaults apply (with no hourly rate: no source gives one, docs/measures.md,
 * and a guess would make every hours figure look authoritative). Every save is a new version.
 */
import { Injectable } from '@nestjs/common';
import type { Category } from '@deepvalue/shared';
import { invalid, notFound, staleVersion } from '../common/domain-error.js';
import { DEFAULT_FEE_TABLE, ESCAPE_MULTIPLIER } from './fee-defaults.js';
import type { FeeRateInputDto } from './dto/fee-rates.dto.js';
import { FeeRatesRepository, type NewFeeRate } from './fee-rates.repository.js';
import type { FeeRateView, FeeTableView } from '@deepvalue/shared';

export const HOURLY_RATE_NOTE = 'Enter your local hourly rate to see the hours this fee pays for.';

/** One organisation's fee table as the reports use it. */
export interface FeeTable {
  organisationId: string;
  version: number;
  usingDefaults: boolean;
  rows: FeeRateView[];
}

@Injectable()
export class FeeRatesService {
  constructor(private readonly repository: FeeRatesRepository) {}

  async table(organisationId: string, version?: number): Promise<FeeTableView> {
    const wanted = version ?? (await this.repository.latestVersion(organisationId));
    if (wanted === 0) return { ...defaultTable(organisationId), updatedAt: null, updatedBy: null };
    const rows = await this.repository.rows(organisationId, wanted);
    if (rows.length === 0) throw notFound(`Fee table version ${wanted}`);
    return {
      organisationId,
      version: wanted,
      usingDefaults: false,
      updatedAt: rows[0].createdAt.toISOString(),
      updatedBy: rows[0].createdBy,
      rows: rows.map((r) => toFeeRateView(r.id, r)),
    };
  }

  /**
   * The table in force for each organisation: its latest saved version, or the defaults — or, for the
   * organisations in `versions`, the version named there (0 = the defaults), to re-create an old pack.
   */
  async tablesFor(organisationIds: string[], versions: Record<string, number> = {}): Promise<FeeTable[]> {
    const saved = await this.repository.latestRows(organisationIds);
    return Promise.all(
      organisationIds.map(async (organisationId) => {
        if (versions[organisationId] !== undefined) {
          const {
            updatedAt: _at,
            updatedBy: _by,
            ...table
          } = await this.table(organisationId, versions[organisationId]);
          return table;
        }
        const rows = saved.filter((r) => r.organisationId === organisationId);
        if (rows.length === 0) return defaultTable(organisationId);
        return {
          organisationId,
          version: rows[0].version,
          usingDefaults: false,
          rows: rows.map((r) => toFeeRateView(r.id, r)),
        };
      }),
    );
  }

  /** Saves the table as the next version; refused if someone saved since `version` was read. */
  async replace(
    organisationId: string,
    userId: string,
    input: { version: number; rows: FeeRateInputDto[] },
  ): Promise<FeeTableView> {
    const rows = validRows(input.rows);
    const saved = await this.repository.locked(organisationId, async (manager) => {
      const current = await this.repository.latestVersion(organisationId, manager);
      if (current !== input.version) return { stale: true as const };
      await this.repository.insertVersion(manager, organisationId, current + 1, userId, rows);
      await this.repository.reclassifyCases(manager, organisationId);
      return { stale: false as const, version: current + 1 };
    });
    if (saved.stale) throw staleVersion(await this.table(organisationId));
    return this.table(organisationId, saved.version);
  }
}

function defaultTable(organisationId: string): FeeTable {
  return {
    organisationId,
    version: 0,
    usingDefaults: true,
    // No hourly rate until the organisation enters its own: the fee line needs a local rate.
    rows: DEFAULT_FEE_TABLE.map((r) => toFeeRateView(null, { ...r, hourlyRateGbp: null })),
  };
}

export function toFeeRateView(id: string | null, row: NewFeeRate): FeeRateView {
  return {
    id,
    category: row.category,
    effectiveFrom: row.effectiveFrom,
    fixedFeeGbp: row.fixedFeeGbp,
    escapeThresholdGbp: row.escapeThresholdGbp,
    hourlyRateGbp: row.hourlyRateGbp,
    hoursPaidFor: row.hourlyRateGbp ? row.fixedFeeGbp / row.hourlyRateGbp : null,
    source: row.source,
    note: row.hourlyRateGbp ? null : HOURLY_RATE_NOTE,
  };
}

/** Rows as stored: an omitted escape threshold is the scheme's 3 × fee; one row per category and date. */
function validRows(input: FeeRateInputDto[]): NewFeeRate[] {
  const seen = new Map<string, number>();
  const errors = [];
  for (const [i, row] of input.entries()) {
    const key = `${row.category} ${row.effectiveFrom}`;
    if (seen.has(key)) {
      errors.push({
        path: `rows[${i}].effectiveFrom`,
        message: `repeats row ${seen.get(key)}: ${row.category} already has a fee from ${row.effectiveFrom}`,
      });
    }
    seen.set(key, i);
  }
  if (errors.length) throw invalid(errors);
  return input.map((row) => ({
    category: row.category as Category,
    effectiveFrom: row.effectiveFrom,
    fixedFeeGbp: row.fixedFeeGbp,
    escapeThresholdGbp:
      row.escapeThresholdGbp === undefined
        ? Math.round(row.fixedFeeGbp * ESCAPE_MULTIPLIER * 100) / 100
        : row.escapeThresholdGbp,
    hourlyRateGbp: row.hourlyRateGbp ?? null,
    source: row.source.trim(),
  }));
}
