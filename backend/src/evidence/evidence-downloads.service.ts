/**
 * The web side of evidence packs: a JSON preview (audited as a read) and any format as a download
 * (audited as an export). Each is logged in the user's organisation and in every provider
 * organisation whose figures the pack holds, so a provider sees what a commissioner took.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestUser } from '../access/request-user.js';
import { AuditService, type Actor } from '../audit/audit.service.js';
import type { EvidencePackPreview } from '@deepvalue/shared';
import type { DownloadFormat } from './dto/evidence-pack.dto.js';
import { EvidencePackService, type PackRequest, type PackScope } from './evidence-pack.service.js';
import { inputsHash, packZip, renderPack } from './writers/render-pack.js';

export interface PackDownload {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  inputsSha256: string;
}

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  'csv-zip': 'application/zip',
  zip: 'application/zip',
  manifest: 'application/json',
};

const FILE_SUFFIX: Record<DownloadFormat, string> = {
  xlsx: '.xlsx',
  pdf: '.pdf',
  'csv-zip': '-csv.zip',
  zip: '.zip',
  manifest: '-manifest.json',
};

@Injectable()
export class EvidenceDownloadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly packs: EvidencePackService,
    private readonly audit: AuditService,
  ) {}

  async preview(
    user: RequestUser,
    actor: Actor,
    organisation: string | undefined,
    request: PackRequest,
  ): Promise<EvidencePackPreview> {
    const scope = await this.packs.scopeForUser(user, organisation);
    const pack = await this.packs.build(scope, request);
    const inputsSha256 = inputsHash(pack);
    await this.record(user, actor, scope, 'read', {
      operation: 'preview',
      period: pack.meta.period,
      filters: pack.meta.filters,
      unitCostVersion: pack.meta.unitCosts.version,
      inputsSha256,
    });
    return { ...pack, inputsSha256 };
  }

  async download(
    user: RequestUser,
    actor: Actor,
    organisation: string | undefined,
    request: PackRequest,
    format: DownloadFormat,
  ): Promise<PackDownload> {
    const scope = await this.packs.scopeForUser(user, organisation);
    const rendered = await renderPack(await this.packs.build(scope, request));
    const file = (path: string) => rendered.files.find((f) => f.path === path)!.bytes;
    const bytes =
      format === 'xlsx'
        ? file('evidence-pack.xlsx')
        : format === 'pdf'
          ? file('evidence-pack.pdf')
          : format === 'manifest'
            ? file('manifest.json')
            : packZip(rendered, format === 'csv-zip' ? 'csv' : undefined);
    const { inputsSha256, period, unitCosts } = rendered.manifest;
    await this.record(user, actor, scope, 'export', {
      operation: 'download',
      format,
      period,
      filters: rendered.manifest.filters,
      unitCostVersion: unitCosts.version,
      inputsSha256,
    });
    return {
      bytes,
      contentType: CONTENT_TYPES[format],
      fileName: `deep-value-evidence-pack-${period.from}-to-${period.to}${FILE_SUFFIX[format]}`,
      inputsSha256,
    };
  }

  /** One row in the user's organisation and one in each other organisation the pack draws on. */
  private async record(
    user: RequestUser,
    actor: Actor,
    scope: PackScope,
    action: 'read' | 'export',
    details: Record<string, unknown>,
  ): Promise<void> {
    const [by]: Array<{ ref: string; name: string }> = await this.dataSource.query(
      `SELECT ref, name FROM organisations WHERE id = $1`,
      [user.organisationId],
    );
    const commissioner = scope.commissionerId ? { commissioner: by } : {};
    // In one order, so concurrent downloads take the organisations' audit-chain locks without deadlocking.
    const organisations = [...new Set([user.organisationId, ...scope.organisationIds])].sort();
    await this.dataSource.transaction(async (m) => {
      for (const organisationId of organisations) {
        await this.audit.record(
          {
            organisationId,
            userId: actor.userId,
            ip: actor.ip ?? null,
            action,
            entity: 'evidence_pack',
            details: { ...details, organisationIds: scope.organisationIds, ...commissioner },
          },
          m,
        );
      }
    });
  }
}
