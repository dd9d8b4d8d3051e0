/**
 * Self-completion links: an adviser makes a one-use link (valid for a few days) and gives it to the
 * client, who fills in the feedback form on their own device without signing in. Only the token's
 * SHA-256 is stored; the public page learns nothing about the client or the case, only the
 * organisation's name and its questions.
 */
import { Injectable } from '@nestjs/common';
import type { FeedbackForm, FeedbackLink } from '@deepvalue/shared';
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../common/domain-error.js';
import { AuditService } from '../../audit/audit.service.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { writeToCase } from '../case-child.js';
import { todayInLondon } from '../../common/dates.js';
import { DirectoryService } from '../directory/directory.service.js';
import { FeedbackService } from './feedback.service.js';

export const LINK_VALID_DAYS = 7;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const gone = () => new DomainError('not_found', 'This feedback link has expired or has already been used');

@Injectable()
export class FeedbackLinksService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: DirectoryService,
    private readonly feedback: FeedbackService,
    private readonly audit: AuditService,
  ) {}

  async create(organisationId: string, userId: string, caseId: string): Promise<FeedbackLink> {
    const token = randomBytes(24).toString('base64url');
    const [row] = await writeToCase<Array<{ expires_at: Date }>>(
      this.uow.manager.query(
        `INSERT INTO feedback_links (token_hash, organisation_id, case_id, created_by, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(days => $5)) RETURNING expires_at`,
        [digest(token), organisationId, caseId, userId, LINK_VALID_DAYS],
      ),
    );
    return { token, path: `/feedback/${token}`, expiresAt: row.expires_at.toISOString() };
  }

  async form(token: string): Promise<FeedbackForm> {
    const [link]: Array<{ organisation_id: string; name: string; expires_at: Date }> = await this.uow.manager.query(
      `SELECT l.organisation_id, o.name, l.expires_at FROM feedback_links l JOIN organisations o ON o.id = l.organisation_id
       WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > now()`,
      [digest(token)],
    );
    if (!link) throw gone();
    return {
      organisationName: link.name,
      items: await this.directory.feedbackItems(link.organisation_id),
      expiresAt: link.expires_at.toISOString(),
    };
  }

  /** Uses the link (once: the UPDATE claims it) and records the feedback, in one transaction. */
  async submit(
    token: string,
    input: { items: Record<string, number>; comment?: string | null },
    ip?: string,
  ): Promise<void> {
    await this.uow.transaction(async (manager) => {
      const claimed: Array<{ organisation_id: string; case_id: string }> = await manager.query(
        `WITH used AS (
           UPDATE feedback_links SET used_at = now()
           WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
           RETURNING organisation_id, case_id)
         SELECT * FROM used`,
        [digest(token)],
      );
      if (!claimed.length) throw gone();
      const { organisation_id: organisationId, case_id: caseId } = claimed[0];
      const saved = await this.feedback.create(organisationId, caseId, {
        on: todayInLondon(),
        items: input.items,
        comment: input.comment ?? null,
        source: 'link',
      });
      await this.audit.record(
        {
          organisationId,
          userId: null,
          action: 'create',
          entity: 'feedback',
          entityIds: [saved.id, caseId],
          ip: ip ?? null,
          details: { via: 'client link' },
        },
        manager,
      );
    });
  }
}
