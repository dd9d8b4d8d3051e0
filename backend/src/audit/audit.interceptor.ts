/**
 * Global: every successful request that reads or changes client data writes an audit row before
 * the response leaves, so a read is never shown without being logged (if the row cannot be
 * written, the request fails). Inside an idempotent POST the row is written in the request's
 * transaction (UnitOfWork), so it commits with the change it records, in one commit — handed to
 * the idempotency interceptor, which writes it in its last statement before COMMIT (collectAuditRows);
 * it is linked into the chain as that transaction commits (AuditService.record).
 */
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import type { RequestUser } from '../access/request-user.js';
import { idsOf, planAudit, recordsIn, relatedIdsIn, type AuditPlan } from './audit-plan.js';
import { AUDITED } from './audited.decorator.js';
import { AuditService, auditRowsCollector, type AuditEntry } from './audit.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';

@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const marked = this.reflector.getAllAndOverride<string | false | undefined>(AUDITED, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (marked === false) return next.handle();
    const request = context.switchToHttp().getRequest<Request & { user?: RequestUser }>();
    const plan = planAudit(request.method, request.originalUrl, marked);
    if (!plan) return next.handle();

    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const user = request.user;
        if (user) {
          const entry = entryFor(plan, body, request.body as unknown);
          const row = entry && { ...entry, organisationId: user.organisationId, userId: user.userId, ip: request.ip };
          const collector = auditRowsCollector();
          if (row && collector) collector.push(row);
          else if (row) await this.audit.record(row, this.uow.manager);
        }
        return body;
      }),
    );
  }
}

function entryFor(
  plan: AuditPlan,
  body: unknown,
  requestBody: unknown,
): Omit<AuditEntry, 'organisationId' | 'userId'> | undefined {
  const records = plan.action === 'delete' ? [] : recordsIn(body);
  const shown = idsOf(records);
  // A read of a single record keeps to the record asked for; lists log every record shown.
  const entityIds = plan.action === 'read' ? shown : plan.pathId ? [plan.pathId] : shown;
  if (plan.action === 'read' && entityIds.length === 0) return undefined;
  const fromBody = relatedIdsIn(records);
  const details: Record<string, unknown> = {};
  const clientIds = unique([...(plan.related.clientIds ?? []), ...fromBody.clientIds]);
  const caseIds = unique([...(plan.related.caseIds ?? []), ...fromBody.caseIds]);
  if (clientIds.length) details.clientIds = clientIds;
  if (caseIds.length) details.caseIds = caseIds;
  if (plan.operation) details.operation = plan.operation;
  if ((plan.action === 'create' || plan.action === 'update') && isObject(requestBody)) {
    details.fields = Object.keys(requestBody).filter((key) => key !== 'version');
  }
  return { action: plan.action, entity: plan.entity, entityIds, details };
}

const unique = (values: string[]) => [...new Set(values)];
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
