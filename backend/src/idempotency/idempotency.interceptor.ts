/**
 * `Idempotency-Key` on every POST. The first request with a key claims it and runs; its status and
 * response are stored with the key in the same transaction as the handler's writes. A retry with
 * the same key and the same request gets the stored response and writes nothing; the same key with
 * a different request gets 422. A retry that arrives while the first is still running polls until
 * the first commits (then replays it) or gives up with 409.
 *
 * One key runs at a time through a transaction-scoped advisory lock, taken with try-lock and
 * polled, so a waiting retry holds no pooled connection (idempotency_claim, migration
 * 1764300000100). A retry whose first request has committed replays it without taking the lock,
 * so retries waiting together never queue behind each other. If the first attempt fails its
 * transaction rolls back, releasing the key for a retry. A key is remembered for 24 hours; after
 * that the same key starts a new request.
 */
import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type pg from 'pg';
import { DataSource, QueryFailedError, type QueryRunner } from 'typeorm';
import { collectAuditRows, insertAuditRowsSql } from '../audit/audit.service.js';
import type { RequestUser } from '../access/request-user.js';
import { DomainError, invalid } from '../common/domain-error.js';
import { requestHash } from './stable-hash.js';
import { runInUnitOfWork } from '../database/unit-of-work.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const HTTP_CODE_METADATA = '__httpCode__';
const POLL_MS = 25;
const KEY_LIFETIME_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

interface StoredKey {
  method: string;
  path: string;
  request_hash: string;
  status_code: number;
  response: unknown;
}

/** idempotency_claim's answer: claimed (this request runs), or a stored response to replay. */
interface ClaimRow extends StoredKey {
  claimed: boolean;
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  /** How long a retry waits for the first request with its key before answering 409. */
  static waitForFirstMs = 10_000;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user?: RequestUser }>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    // Public routes (sign-in) have no organisation to scope a key to, and need none.
    if (request.method !== 'POST' || key === undefined || !request.user) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw invalid([
        { path: 'Idempotency-Key', message: 'must be 1 to 200 printable characters without spaces, e.g. a UUID' },
      ]);
    }
    const status: number = this.reflector.get(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const claim = {
      organisationId: request.user.organisationId,
      key,
      method: request.method,
      path: request.originalUrl,
      hash: requestHash(request.method, request.originalUrl, request.body),
    };
    const response = context.switchToHttp().getResponse<Response>();
    return from(this.run(claim, status, response, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private async run(
    claim: { organisationId: string; key: string; method: string; path: string; hash: string },
    status: number,
    response: Response,
    handle: () => Promise<unknown>,
  ): Promise<unknown> {
    const deadline = Date.now() + IdempotencyInterceptor.waitForFirstMs;
    for (;;) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        // One round trip: START TRANSACTION, then a committed response to replay, or the key's lock, or
        // neither (busy).
        markTransaction(runner, true);
        const [found] = (await simpleQuery(
          runner,
          (lit) =>
            `START TRANSACTION; SELECT * FROM idempotency_claim(${lit(claim.organisationId)}::uuid, ${lit(claim.key)}, ${KEY_LIFETIME_HOURS})`,
        )) as ClaimRow[];
        if (!found || !found.claimed) {
          await runner.rollbackTransaction();
          if (found) return this.replay(found, claim, response);
          if (Date.now() >= deadline) {
            throw new DomainError('conflict', 'A request with this Idempotency-Key is still being processed', [
              { path: 'Idempotency-Key', message: 'is still being processed by an earlier request; retry shortly' },
            ]);
          }
          await runner.release();
          await sleep(POLL_MS);
          continue;
        }
        const { value: result, rows: audit } = await collectAuditRows(() => runInUnitOfWork(runner.manager, handle));
        // Written with its response only now: the lock kept every other request with the key out until
        // commit. A row still there is one past its lifetime, which this request replaces. The request's
        // audit rows, the key and COMMIT go in one round trip.
        await simpleQuery(
          runner,
          (lit) => `${audit.length ? `WITH audit AS (${insertAuditRowsSql(lit(JSON.stringify(audit)))}) ` : ''}
           INSERT INTO idempotency_keys (organisation_id, key, method, path, request_hash, status_code, response)
           VALUES (${lit(claim.organisationId)}::uuid, ${lit(claim.key)}, ${lit(claim.method)}, ${lit(claim.path)},
                   ${lit(claim.hash)}, ${Number(status)}, ${lit(storable(result))}::jsonb)
           ON CONFLICT (organisation_id, key) DO UPDATE SET method = EXCLUDED.method, path = EXCLUDED.path,
             request_hash = EXCLUDED.request_hash, status_code = EXCLUDED.status_code,
             response = EXCLUDED.response, created_at = EXCLUDED.created_at;
           COMMIT`,
        );
        markTransaction(runner, false);
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      } finally {
        if (!runner.isReleased) await runner.release();
      }
    }
  }

  private replay(
    stored: StoredKey,
    claim: { method: string; path: string; hash: string },
    response: Response,
  ): unknown {
    if (stored.request_hash !== claim.hash || stored.method !== claim.method || stored.path !== claim.path) {
      throw new DomainError('idempotency_mismatch', 'This Idempotency-Key was used for a different request', [
        { path: 'Idempotency-Key', message: 'was already used for a different request; use a new key' },
      ]);
    }
    response.setHeader('Idempotent-Replayed', 'true');
    response.status(stored.status_code);
    return stored.response;
  }
}

/** jsonb cannot hold U+0000, which JSON allows; a response carrying one is stored with U+FFFD instead. */
function storable(result: unknown): string {
  return JSON.stringify(result ?? null, (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('\u0000', '\ufffd') : value,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Several statements in one round trip: PostgreSQL's simple query protocol, which takes no bound
 * parameters, so values are written as literals escaped by the driver (`lit`). Answers the last
 * statement's rows. Errors come back as TypeORM's QueryFailedError, as the runner's own queries' do.
 */
async function simpleQuery(runner: QueryRunner, text: (lit: (value: string) => string) => string): Promise<unknown[]> {
  const client = (await runner.connect()) as pg.PoolClient;
  const sql = text((value) => client.escapeLiteral(value));
  try {
    const results = (await client.query(sql)) as unknown as pg.QueryResult[] | pg.QueryResult;
    return (Array.isArray(results) ? results.at(-1) : results)?.rows ?? [];
  } catch (error) {
    throw new QueryFailedError(sql, [], error as Error);
  }
}

/**
 * TypeORM's own bookkeeping of a transaction begun or committed by simpleQuery's text, so that a
 * failure rolls it back (rollbackTransaction) and the handler's transactions become savepoints.
 * Marked before START TRANSACTION is sent: if the claim fails after it, the rollback still runs.
 */
function markTransaction(runner: QueryRunner, active: boolean): void {
  Object.assign(runner, { isTransactionActive: active, transactionDepth: active ? 1 : 0 });
}
