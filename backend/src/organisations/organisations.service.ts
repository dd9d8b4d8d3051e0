import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { notFound, staleVersion } from '../common/domain-error.js';
import { addShippedTemplates } from '../casework/letters/shipped-templates.js';
import type { OrganisationSettings } from './organisation.entity.js';

export interface OrganisationSummary {
  id: string;
  ref: string;
  name: string;
  kind: 'provider' | 'commissioner';
}

export type EffectiveSettings = Required<OrganisationSettings>;

export const DEFAULT_SETTINGS: EffectiveSettings = {
  suppressionThreshold: 5,
  retentionYears: 6,
  requireTwoFactorForManagers: false,
  legalAidOfficeAccount: null,
  legalAidScheduleRef: null,
  legalAidHourlyRateGbp: null,
  legalAidTravelRateGbp: null,
  legalAidVatRegistered: null,
};

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findByRef(ref: string): Promise<OrganisationSummary | undefined> {
    const [row]: OrganisationSummary[] = await this.dataSource.query(
      `SELECT id, ref, name, kind FROM organisations WHERE ref = $1`,
      [ref],
    );
    return row;
  }

  async all(): Promise<OrganisationSummary[]> {
    return this.dataSource.query(`SELECT id, ref, name, kind FROM organisations ORDER BY ref`);
  }

  async create(input: { ref: string; name: string; kind?: 'provider' | 'commissioner' }): Promise<OrganisationSummary> {
    return this.dataSource.transaction(async (m) => {
      const [row]: OrganisationSummary[] = await m.query(
        `INSERT INTO organisations (ref, name, kind) VALUES ($1, $2, $3) RETURNING id, ref, name, kind`,
        [input.ref, input.name, input.kind ?? 'provider'],
      );
      if (row.kind === 'provider') await addShippedTemplates(m, row.id);
      return row;
    });
  }

  /** The organisation's settings with defaults filled in, and the version to send back on change. */
  async settings(
    organisationId: string,
    manager?: EntityManager,
  ): Promise<{ settings: EffectiveSettings; version: number }> {
    const [row]: Array<{ settings: OrganisationSettings; version: number }> = await (manager ?? this.dataSource).query(
      `SELECT settings, version FROM organisations WHERE id = $1`,
      [organisationId],
    );
    if (!row) throw notFound('Organisation');
    return { settings: { ...DEFAULT_SETTINGS, ...row.settings }, version: row.version };
  }

  async updateSettings(
    organisationId: string,
    change: OrganisationSettings,
    version: number,
    by: Actor,
  ): Promise<{ settings: EffectiveSettings; version: number }> {
    const rows: Array<{ settings: OrganisationSettings; version: number }> = await this.dataSource.query(
      `WITH updated AS (
         UPDATE organisations SET settings = settings || $2::jsonb, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $3
         RETURNING settings, version)
       SELECT * FROM updated`,
      [organisationId, JSON.stringify(change), version],
    );
    if (!rows[0]) {
      const current = await this.settings(organisationId);
      throw staleVersion({ ...current.settings, version: current.version });
    }
    await this.audit.record({
      organisationId,
      ...by,
      action: 'update',
      entity: 'organisation_settings',
      entityIds: [organisationId],
      details: {
        fields: Object.keys(change).filter((key) => change[key as keyof OrganisationSettings] !== undefined),
        values: change,
      },
    });
    return { settings: { ...DEFAULT_SETTINGS, ...rows[0].settings }, version: rows[0].version };
  }
}
