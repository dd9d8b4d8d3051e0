/**
 * Commissioner shares: a provider organisation's admin lets a commissioner organisation see its
 * aggregate figures (never rows), and can take that back at any time.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { DomainError, notFound } from '../common/domain-error.js';
import type { OrganisationSummary } from './organisations.service.js';

export interface Share {
  commissioner: Omit<OrganisationSummary, 'kind'>;
  createdAt: Date;
}

@Injectable()
export class SharesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The provider organisations whose aggregates this commissioner organisation may see. */
  async sharedOrganisationIds(commissionerOrgId: string): Promise<string[]> {
    const rows: Array<{ provider_id: string }> = await this.dataSource.query(
      `SELECT s.provider_id FROM organisation_shares s
       JOIN organisations c ON c.id = s.commissioner_id AND c.kind = 'commissioner'
       WHERE s.commissioner_id = $1 ORDER BY s.provider_id`,
      [commissionerOrgId],
    );
    return rows.map((r) => r.provider_id);
  }

  async sharedWith(commissionerOrgId: string): Promise<Array<Omit<OrganisationSummary, 'kind'>>> {
    return this.dataSource.query(
      `SELECT o.id, o.ref, o.name FROM organisation_shares s
       JOIN organisations o ON o.id = s.provider_id
       JOIN organisations c ON c.id = s.commissioner_id AND c.kind = 'commissioner'
       WHERE s.commissioner_id = $1 ORDER BY o.name`,
      [commissionerOrgId],
    );
  }

  async list(providerOrgId: string): Promise<Share[]> {
    const rows: Array<{ id: string; ref: string; name: string; created_at: Date }> = await this.dataSource.query(
      `SELECT c.id, c.ref, c.name, s.created_at FROM organisation_shares s
       JOIN organisations c ON c.id = s.commissioner_id
       WHERE s.provider_id = $1 ORDER BY c.name`,
      [providerOrgId],
    );
    return rows.map((r) => ({ commissioner: { id: r.id, ref: r.ref, name: r.name }, createdAt: r.created_at }));
  }

  async commissioners(): Promise<Array<Omit<OrganisationSummary, 'kind'>>> {
    return this.dataSource.query(`SELECT id, ref, name FROM organisations WHERE kind = 'commissioner' ORDER BY name`);
  }

  async share(providerOrgId: string, commissionerRef: string, by: Actor): Promise<Share> {
    const commissioner = await this.commissionerByRef(commissionerRef);
    await this.requireProvider(providerOrgId);
    const inserted: unknown[] = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO organisation_shares (provider_id, commissioner_id, created_by) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING commissioner_id)
       SELECT * FROM inserted`,
      [providerOrgId, commissioner.id, by.userId],
    );
    if (inserted.length) await this.recordShare(providerOrgId, by, 'grant', commissioner);
    const share = (await this.list(providerOrgId)).find((s) => s.commissioner.id === commissioner.id);
    if (!share) throw notFound('Share');
    return share;
  }

  /** Returns whether a share was there to revoke. */
  async revoke(providerOrgId: string, commissionerRef: string, by: Actor): Promise<boolean> {
    const commissioner = await this.commissionerByRef(commissionerRef);
    const rows: Array<{ commissioner_id: string }> = await this.dataSource.query(
      `WITH deleted AS (
         DELETE FROM organisation_shares WHERE provider_id = $1 AND commissioner_id = $2 RETURNING commissioner_id)
       SELECT * FROM deleted`,
      [providerOrgId, commissioner.id],
    );
    if (rows.length) await this.recordShare(providerOrgId, by, 'revoke', commissioner);
    return rows.length > 0;
  }

  private async recordShare(
    providerOrgId: string,
    by: Actor,
    operation: string,
    commissioner: { id: string; ref: string },
  ) {
    await this.audit.record({
      organisationId: providerOrgId,
      ...by,
      action: 'share',
      entity: 'organisation_share',
      entityIds: [commissioner.id],
      details: { operation, commissionerRef: commissioner.ref },
    });
  }

  private async commissionerByRef(ref: string): Promise<Omit<OrganisationSummary, 'kind'>> {
    const [row]: Array<Omit<OrganisationSummary, 'kind'>> = await this.dataSource.query(
      `SELECT id, ref, name FROM organisations WHERE ref = $1 AND kind = 'commissioner'`,
      [ref],
    );
    if (!row)
      throw new DomainError('not_found', `There is no commissioner organisation with reference "${ref}"`, [
        { path: 'commissionerRef', message: 'is not a commissioner organisation' },
      ]);
    return row;
  }

  private async requireProvider(organisationId: string): Promise<void> {
    const [row]: Array<{ kind: string }> = await this.dataSource.query(`SELECT kind FROM organisations WHERE id = $1`, [
      organisationId,
    ]);
    if (row?.kind !== 'provider') throw new DomainError('forbidden', 'Only advice organisations share their figures');
  }
}
