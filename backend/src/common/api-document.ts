/**
 * The API description served at /api/openapi.json. Controllers give each operation its summary and
 * success responses; this adds what the routes share, from the same metadata the guard reads:
 * security (none on @Public() routes, the session cookie or a bearer token on the rest) and the
 * error responses the exception filter can give, each with its error body. `npm test` lints the
 * result (api-document.e2e.spec.ts).
 */
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  ApiResponse,
  DocumentBuilder,
  type OpenAPIObject,
  type OperationObject,
  type ResponsesObject,
  type SecurityRequirementObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { IS_PUBLIC } from '../access/public.decorator.js';
import { VERSION } from '../version.js';

/** The body of every error response (see http-exception.filter.ts). */
export const ERROR_BODY_REF = '#/components/schemas/ErrorBody';

const ERROR_BODY = {
  type: 'object',
  required: ['code', 'errors'],
  properties: {
    code: { type: 'string', description: 'e.g. validation, not_found, conflict, unavailable', example: 'validation' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string', description: 'The field at fault, or empty for the whole request', example: 'on' },
          message: { type: 'string', example: 'must be a real date (YYYY-MM-DD)' },
        },
      },
    },
  },
};

/** An error response a route gives beyond the shared ones below, with the error body. */
export const ApiError = (status: number, description: string) =>
  ApiResponse({ status, description, schema: { $ref: ERROR_BODY_REF } });

const WRITES = new Set(['post', 'put', 'patch', 'delete']);
/** Query parameters that name a record (a sharing organisation, a saved version): unknown ones are 404. */
const RECORD_QUERIES = new Set(['organisation', 'version', 'unitCostVersion', 'feeTableVersion']);
const SIGNED_IN: SecurityRequirementObject[] = [{ cookie: [] }, { bearer: [] }];

export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Deep Value API')
      .setDescription('Casework records, reports and evidence packs for legal advice organisations.')
      .setVersion(VERSION)
      .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
      .addServer('/', 'This server')
      .addCookieAuth('dv_session', { type: 'apiKey', in: 'cookie', description: 'The session cookie set by sign-in' })
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The session token returned by sign-in' })
      .build(),
  );
  return describeSecurityAndErrors(document, publicOperationIds(app));
}

/** operationIds (Controller_method, as @nestjs/swagger names them) of the routes marked @Public(). */
function publicOperationIds(app: INestApplication): Set<string> {
  const reflector = new Reflector();
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]))
          ids.add(`${controller.name}_${name}`);
      }
    }
  }
  return ids;
}

function describeSecurityAndErrors(document: OpenAPIObject, publicIds: Set<string>): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      if (!WRITES.has(method) && method !== 'get') continue;
      const isPublic = publicIds.has(operation.operationId ?? '');
      operation.security = isPublic ? [] : SIGNED_IN;
      operation.responses = withErrors(operation.responses, {
        400: 'The request is malformed or a field is invalid; errors name each field',
        401: isPublic ? undefined : 'Not signed in, or the session has ended',
        403: isPublic ? undefined : 'Signed in, but this role may not do this (or a cookie write lacks its CSRF token)',
        404:
          path.includes('{') ||
          operation.parameters?.some((p) => 'in' in p && p.in === 'query' && RECORD_QUERIES.has(p.name))
            ? 'Nothing with that identifier in your organisation (or shared with you)'
            : undefined,
        409: WRITES.has(method)
          ? 'Conflicts with the current state: a duplicate, a stale version, or an Idempotency-Key still in progress'
          : undefined,
        413: operation.requestBody ? 'The request body is too large' : undefined,
        422: WRITES.has(method)
          ? 'Breaks a rule of the records (e.g. refers to a record not in your organisation), or reuses an Idempotency-Key with another body'
          : undefined,
        503: 'The database is unavailable; try again shortly',
      });
    }
  }
  return document;
}

/** Adds each error response the operation does not describe itself. */
function withErrors(responses: ResponsesObject, errors: Record<number, string | undefined>): ResponsesObject {
  const all: ResponsesObject = { ...responses };
  for (const [status, description] of Object.entries(errors)) {
    if (description && !all[status]) {
      all[status] = { description, content: { 'application/json': { schema: { $ref: ERROR_BODY_REF } } } };
    }
  }
  return all;
}
