/**
 * Retention: each organisation keeps client details for `retentionYears` (default 6) after the
 * client's last case closed; after that the client is erased (anonymised) like an erasure request.
 * Clients with an open case are never touched; clients with no case at all are kept for the same
 * period from when they were recorded.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/domain-error.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { ErasureService } from './erasure.service.js';

export interface RetentionResult {
  organisationRef: string;
  retentionYears: number;
  clients: Array<{ id: string; ref: string; lastClosedOn: string | null }>;
  applied: boolean;
}

@Injectable()
export class RetentionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly erasure: ErasureService,
  ) {}

  async apply(options: { organisationRef?: string; dryRun: boolean }): Promise<RetentionResult[]> {
    let organisations = await this.organisations.all();
    if (options.organisationRef) {
      organisations = organisations.filter((o) => o.ref === options.organisationRef);
      if (!organisations.length) throw notFound(`Organisation "${options.organisationRef}"`);
    }
    const results: RetentionResult[] = [];
    for (const organisation of organisations) {
      const { settings } = await this.organisations.settings(organisation.id);
      const clients = await this.due(organisation.id, settings.retentionYears);
      if (!options.dryRun) {
        for (const client of clients) {
          await this.erasure.erase(organisation.id, client.id, { userId: null, ip: null }, 'retention');
        }
      }
      results.push({
        organisationRef: organisation.ref,
        retentionYears: settings.retentionYears,
        clients,
        applied: !options.dryRun,
      });
    }
    return results;
  }

  /** Clients past the retention period: every case closed more than `years` ago. */
  async due(organisationId: string, years: number): Promise<RetentionResult['clients']> {
    return this.dataSource.query(
      `SELECT cl.id, cl.ref, to_char(max(c.closed_on), 'YYYY-MM-DD') AS "lastClosedOn"
       FROM clients cl
       LEFT JOIN cases c ON c.organisation_id = cl.organisation_id AND c.client_id = cl.id
       WHERE cl.organisation_id = $1 AND cl.erased_at IS NULL
       GROUP BY cl.id, cl.ref, cl.created_at
       HAVING bool_and(c.closed_on IS NOT NULL AND c.closed_on < current_date - make_interval(years => $2)) IS TRUE
           OR (count(c.id) = 0 AND cl.created_at < now() - make_interval(years => $2))
       ORDER BY cl.ref`,
      [organisationId, years],
    );
  }
}
