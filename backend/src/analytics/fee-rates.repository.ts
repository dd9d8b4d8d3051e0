/** SQL for the versioned fee table (migration 1763900000200): read a version, write the next one. */
import { Injectable } from '@nestjs/common';
import type { Category } from '@deepvalue/shared';
import { DataSource, type EntityManager } from 'typeorm';

export interface FeeRateRecord {
  id: string;
  organisationId: string;
  version: number;
  category: Category;
  effectiveFrom: string;
  fixedFeeGbp: number;
  escapeThresholdGbp: number | null;
  hourlyRateGbp: number | null;
  source: string;
  createdAt: Date;
  createdBy: string | null;
}

export interface NewFeeRate {
  category: Category;
  effectiveFrom: string;
  fixedFeeGbp: number;
  escapeThresholdGbp: number | null;
  hourlyRateGbp: number | null;
  source: string;
}

const SELECT_ROWS = `
  SELECT r.id, r.organisation_id AS "organisationId", r.version, r.category, r.effective_from::text AS "effectiveFrom",
         r.fixed_fee_gbp::float8 AS "fixedFeeGbp", r.escape_threshold_gbp::float8 AS "escapeThresholdGbp",
         r.hourly_rate_gbp::float8 AS "hourlyRateGbp", r.source, r.created_at AS "createdAt", u.name AS "createdBy"
    FROM fee_rates r
    LEFT JOIN users u ON u.organisation_id = r.organisation_id AND u.id = r.created_by`;

@Injectable()
export class FeeRatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The organisation's latest saved version, 0 when it has never saved one (defaults apply). */
  async latestVersion(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row]: Array<{ version: number }> = await manager.query(
      `SELECT coalesce(max(version), 0)::int AS version FROM fee_rates WHERE organisation_id = $1`,
      [organisationId],
    );
    return row.version;
  }

  async rows(organisationId: string, version: number): Promise<FeeRateRecord[]> {
    return this.dataSource.query(
      `${SELECT_ROWS}
        WHERE r.organisation_id = $1 AND r.version = $2
        ORDER BY r.category, r.effective_from`,
      [organisationId, version],
    );
  }

  /** The latest version's rows of each organisation that has saved one. */
  async latestRows(organisationIds: string[]): Promise<FeeRateRecord[]> {
    return this.dataSource.query(
      `${SELECT_ROWS}
        WHERE r.organisation_id = ANY($1::uuid[])
          AND r.version = (SELECT max(l.version) FROM fee_rates l WHERE l.organisation_id = r.organisation_id)
        ORDER BY r.organisation_id, r.category, r.effective_from`,
      [organisationIds],
    );
  }

  /**
   * Runs `write` with the organisation's fee table locked, so two saves cannot both become the same
   * next version.
   */
  async locked<T>(organisationId: string, write: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('fee_rates'), hashtext($1))`, [organisationId]);
      return write(manager);
    });
  }

  async insertVersion(
    manager: EntityManager,
    organisationId: string,
    version: number,
    userId: string,
    rows: NewFeeRate[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO fee_rates (organisation_id, version, created_by, category, effective_from, fixed_fee_gbp,
                              escape_threshold_gbp, hourly_rate_gbp, source)
       SELECT $1, $2, $3, t.* FROM unnest($4::text[], $5::date[], $6::numeric[], $7::numeric[], $8::numeric[], $9::text[]) AS t`,
      [
        organisationId,
        version,
        userId,
        rows.map((r) => r.category),
        rows.map((r) => r.effectiveFrom),
        rows.map((r) => r.fixedFeeGbp),
        rows.map((r) => r.escapeThresholdGbp),
        rows.map((r) => r.hourlyRateGbp),
        rows.map((r) => r.source),
      ],
    );
  }

  /**
   * Classifies the organisation's closed cases again against the version just saved: its
   * case_fee_rollups rebuilt in the saving transaction (set-based; the minute counts do not depend on fees).
   */
  async reclassifyCases(manager: EntityManager, organisationId: string): Promise<void> {
    await manager.query(`SELECT rebuild_case_fee_rollups($1, false)`, [organisationId]);
  }
}
