import { describe, expect, it } from '@jest/globals';
import { idsOf, planAudit, recordsIn, relatedIdsIn } from './audit-plan.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe(planAudit.name, () => {
  it.each([
    ['GET', '/api/clients?search=x', { action: 'read', entity: 'client' }],
    ['GET', `/api/cases/${A}`, { action: 'read', entity: 'case', pathId: A }],
    ['POST', '/api/cases', { action: 'create', entity: 'case' }],
    ['PATCH', `/api/cases/${A}`, { action: 'update', entity: 'case', pathId: A }],
    ['POST', `/api/cases/${A}/close`, { action: 'update', entity: 'case', pathId: A, operation: 'close' }],
    ['POST', `/api/cases/${A}/time-entries`, { action: 'create', entity: 'time_entry', related: { caseIds: [A] } }],
    ['POST', '/api/time-entries/quick', { action: 'create', entity: 'time_entry', operation: 'quick' }],
    ['PUT', `/api/cases/${A}/assessment`, { action: 'update', entity: 'assessment', related: { caseIds: [A] } }],
    ['DELETE', `/api/time-entries/${B}`, { action: 'delete', entity: 'time_entry', pathId: B }],
    ['GET', '/api/reports/drill-down/cases', { action: 'read', entity: 'case' }],
    ['GET', '/api/exports/casework?format=ndjson', { action: 'export', entity: 'casework' }],
    ['POST', '/api/imports?wait=true', { action: 'import', entity: 'import' }],
  ])('%s %s', (method, path, expected) => {
    expect(planAudit(method, path)).toMatchObject(expected);
  });

  it.each([
    ['GET', '/api/feedback-items'],
    ['GET', '/api/partners'],
    ['GET', '/api/reports/time-vs-outcome'],
    ['HEAD', '/api/clients'],
    ['GET', '/api/imports/11111111-1111-4111-8111-111111111111'],
    ['GET', '/api/audit/export'],
  ])('leaves %s %s alone', (method, path) => {
    expect(planAudit(method, path)).toBeUndefined();
  });

  it('audits any route marked with an entity', () => {
    expect(planAudit('GET', '/api/anything', 'case')).toMatchObject({ action: 'read', entity: 'case' });
  });
});

describe('records in a response', () => {
  it('reads list pages, arrays and single records, with the clients and cases they belong to', () => {
    const page = {
      items: [
        { id: A, clientId: B },
        { id: B, client: { id: A } },
      ],
      total: 2,
    };
    expect(idsOf(recordsIn(page))).toEqual([A, B]);
    expect(relatedIdsIn(recordsIn(page))).toEqual({ clientIds: [B, A], caseIds: [] });
    expect(idsOf(recordsIn([{ id: A }]))).toEqual([A]);
    expect(idsOf(recordsIn({ id: A, timeEntries: [{ id: B }] }))).toEqual([A]);
    expect(recordsIn(null)).toEqual([]);
  });
});
