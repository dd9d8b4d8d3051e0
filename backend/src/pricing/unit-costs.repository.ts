/** SQL for the versioned unit-cost table (migration 1763900000300): read versions, append the next one. */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Sensitivity } from './adjustments.js';
import type { MappingEntry } from './benefit-mapping.js';
import type { UnitCost } from '@deepvalue/shared';

/** What a version holds; everything pricing needs besides the case aggregates. */
export interface UnitCostContent {
  rows: UnitCost[];
  mapping: MappingEntry[];
  sensitivity: Sensitivity;
  hourlyCostGbp: number | null;
}

export interface UnitCostVersionRecord extends UnitCostContent {
  id: string;
  organisationId: string;
  version: number;
  createdAt: Date;
  /** The user's id; null for the seeded defaults or a deleted user. */
  createdById: string | null;
  createdByName: string | null;
}

export interface UnitCostVersionSummary {
  version: number;
  createdAt: Date;
  createdByName: string | null;
}

const SELECT_VERSION = `
  SELECT v.id, v.organisation_id AS "organisationId", v.version, v.rows, v.mapping, v.sensitivity,
         v.hourly_cost_gbp::float8 AS "hourlyCostGbp", v.created_at AS "createdAt",
         v.created_by AS "createdById", u.name AS "createdByName"
    FROM unit_cost_versions v
    LEFT JOIN users u ON u.organisation_id = v.organisation_id AND u.id = v.created_by`;

@Injectable()
export class UnitCostsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async latest(
    organisationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UnitCostVersionRecord | null> {
    const [row]: UnitCostVersionRecord[] = await manager.query(
      `${SELECT_VERSION} WHERE v.organisation_id = $1 ORDER BY v.version DESC LIMIT 1`,
      [organisationId],
    );
    return row ?? null;
  }

  async byVersion(organisationId: string, version: number): Promise<UnitCostVersionRecord | null> {
    const [row]: UnitCostVersionRecord[] = await this.dataSource.query(
      `${SELECT_VERSION} WHERE v.organisation_id = $1 AND v.version = $2`,
      [organisationId, version],
    );
    return row ?? null;
  }

  async history(organisationId: string): Promise<UnitCostVersionSummary[]> {
    return this.dataSource.query(
      `SELECT v.version, v.created_at AS "createdAt", u.name AS "createdByName"
         FROM unit_cost_versions v LEFT JOIN users u ON u.organisation_id = v.organisation_id AND u.id = v.created_by
        WHERE v.organisation_id = $1
        ORDER BY v.version DESC`,
      [organisationId],
    );
  }

  /** Runs `write` with the organisation's table locked, so two saves cannot both become the same next version. */
  async locked<T>(organisationId: string, write: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('unit_cost_versions'), hashtext($1))`, [
        organisationId,
      ]);
      return write(manager);
    });
  }

  /** Inserts a version; a version that already exists is left as it is (the lazy seed may race). */
  async insert(
    manager: EntityManager,
    organisationId: string,
    version: number,
    createdBy: string | null,
    content: UnitCostContent,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO unit_cost_versions (organisation_id, version, rows, mapping, sensitivity, hourly_cost_gbp, created_by)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7)
       ON CONFLICT (organisation_id, version) DO NOTHING`,
      [
        organisationId,
        version,
        JSON.stringify(content.rows),
        JSON.stringify(content.mapping),
        JSON.stringify(content.sensitivity),
        content.hourlyCostGbp,
        createdBy,
      ],
    );
  }
}
