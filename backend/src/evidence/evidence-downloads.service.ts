/** The web side of evidence packs: a JSON preview, and any format as a download (audited as an export). */
import { Injectable } from '@nestjs/common';
import type { RequestUser } from '../access/request-user.js';
import { AuditService, type Actor } from '../audit/audit.service.js';
import type { EvidencePackPreview } from '@deepvalue/shared';
import type { DownloadFormat } from './dto/evidence-pack.dto.js';
import { EvidencePackService, type PackRequest } from './evidence-pack.service.js';
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
    private readonly packs: EvidencePackService,
    private readonly audit: AuditService,
  ) {}

  async preview(
    user: RequestUser,
    organisation: string | undefined,
    request: PackRequest,
  ): Promise<EvidencePackPreview> {
    const pack = await this.packs.build(await this.packs.scopeForUser(user, organisation), request);
    return { ...pack, inputsSha256: inputsHash(pack) };
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
    await this.audit.record({
      organisationId: user.organisationId,
      userId: actor.userId,
      ip: actor.ip ?? null,
      action: 'export',
      entity: 'evidence_pack',
      details: {
        format,
        period,
        filters: rendered.manifest.filters,
        organisationIds: scope.organisationIds,
        unitCostVersion: unitCosts.version,
        inputsSha256,
      },
    });
    return {
      bytes,
      contentType: CONTENT_TYPES[format],
      fileName: `deep-value-evidence-pack-${period.from}-to-${period.to}${FILE_SUFFIX[format]}`,
      inputsSha256,
    };
  }
}
