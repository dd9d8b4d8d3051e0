/**
 * Decides what the global audit interceptor records for a request, from its method, path and
 * response body alone, so a new casework route is audited without anyone remembering to: any path
 * with a client-data segment (clients, cases, time-entries, …) is logged, reads with the ids of
 * the records actually returned.
 */
import type { AuditAction } from '@deepvalue/shared';

/** Path segments that name client data, and the entity name the log uses for them. */
export const CLIENT_DATA_SEGMENTS: Record<string, string> = {
  clients: 'client',
  cases: 'case',
  'time-entries': 'time_entry',
  feedback: 'feedback',
  assessment: 'assessment',
  problems: 'problem',
  referrals: 'referral',
  outcome: 'outcome',
  'follow-ups': 'follow_up',
  notes: 'note',
  'key-dates': 'key_date',
  parties: 'party',
  'conflict-checks': 'conflict_check',
  documents: 'document',
  letters: 'letter',
  'file-reviews': 'file_review',
  'legal-aid': 'legal_aid',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST_KEYS = ['items', 'rows', 'data', 'results'];

export interface AuditPlan {
  action: AuditAction;
  entity: string;
  /** The id in the path right after the entity's segment, if any (`/cases/:id/close` → the case). */
  pathId?: string;
  /** Other records named in the path, e.g. the case of `/cases/:id/time-entries`. */
  related: Record<string, string[]>;
  /** A verb at the end of the path (`close`, `reopen`, `quick`). */
  operation?: string;
}

/** Returns undefined when the request touches no client data (or is not worth a row, e.g. HEAD). */
export function planAudit(method: string, path: string, explicitEntity?: string): AuditPlan | undefined {
  const segments = path.split('?')[0].split('/').filter(Boolean);
  if (segments[0] === 'api') segments.shift();
  let entityIndex = -1;
  segments.forEach((segment, i) => {
    if (CLIENT_DATA_SEGMENTS[segment]) entityIndex = i;
  });
  if (entityIndex < 0 && !explicitEntity) return planTransfer(method.toUpperCase(), segments);

  const entity = explicitEntity ?? CLIENT_DATA_SEGMENTS[segments[entityIndex]];
  const next = segments[entityIndex + 1];
  const pathId = entityIndex >= 0 && next && UUID.test(next) ? next : undefined;
  const last = segments[segments.length - 1];
  const operation = last && !UUID.test(last) && !CLIENT_DATA_SEGMENTS[last] ? last : undefined;

  const related: Record<string, string[]> = {};
  segments.forEach((segment, i) => {
    const id = segments[i + 1];
    if (i !== entityIndex && CLIENT_DATA_SEGMENTS[segment] && id && UUID.test(id)) {
      (related[`${CLIENT_DATA_SEGMENTS[segment]}Ids`] ??= []).push(id);
    }
  });

  const action = actionFor(method.toUpperCase(), Boolean(pathId), operation);
  return action ? { action, entity, pathId, related, operation } : undefined;
}

/**
 * Bulk exports and imports move client data in a stream the interceptor cannot read, so the
 * request itself is logged: `GET …/exports/<what>` as an export, `POST …/imports` as an import.
 */
function planTransfer(method: string, segments: string[]): AuditPlan | undefined {
  const exportsAt = segments.indexOf('exports');
  if (method === 'GET' && exportsAt >= 0)
    return { action: 'export', entity: segments[exportsAt + 1] ?? 'export', related: {} };
  if (method === 'POST' && segments[segments.length - 1] === 'imports')
    return { action: 'import', entity: 'import', related: {} };
  return undefined;
}

function actionFor(method: string, onExisting: boolean, operation: string | undefined): AuditAction | undefined {
  switch (method) {
    case 'GET':
      return 'read';
    case 'POST':
      // POST /cases/:id/close acts on an existing case; POST /cases or /time-entries/quick creates.
      return operation && onExisting ? 'update' : 'create';
    case 'PUT':
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'delete';
    default:
      return undefined;
  }
}

/** The records a response body shows: each list item, or the one record. */
export function recordsIn(body: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(body)) return body.filter(isObject);
  if (!isObject(body)) return [];
  for (const key of LIST_KEYS) {
    const value = body[key];
    if (Array.isArray(value)) return value.filter(isObject);
  }
  return [body];
}

/** Ids of clients and cases that the shown records belong to (`clientId`, `client.id`, …). */
export function relatedIdsIn(records: Array<Record<string, unknown>>): { clientIds: string[]; caseIds: string[] } {
  const clientIds = new Set<string>();
  const caseIds = new Set<string>();
  for (const record of records) {
    for (const [key, set] of [
      ['client', clientIds],
      ['case', caseIds],
    ] as const) {
      const direct = record[`${key}Id`];
      const nested = record[key];
      if (typeof direct === 'string') set.add(direct);
      if (isObject(nested) && typeof nested.id === 'string') set.add(nested.id);
    }
  }
  return { clientIds: [...clientIds], caseIds: [...caseIds] };
}

export function idsOf(records: Array<Record<string, unknown>>): string[] {
  return [...new Set(records.map((r) => r.id).filter((id): id is string => typeof id === 'string'))];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
