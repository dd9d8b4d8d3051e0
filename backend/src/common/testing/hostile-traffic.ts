/**
 * The hostile inputs the hardening review used (docs/architecture.md), sent at a steady pace while other traffic flows (the soak):
 * impossible dates on report and audit-export routes, JSON nested 5,000 deep (sign-in included),
 * NUL bytes in paths, queries and JSON, bodies and NDJSON imports that are not UTF-8, an upload
 * without a session. Each must be answered below 500; `stop()` says how many were sent and lists
 * any answered 5xx or not at all.
 */
export interface HostileTarget {
  url: string;
  adviser: string;
  manager: string;
  admin: string;
}

interface Probe {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  contentType?: string;
  body?: string | Buffer;
}

const DEEP = 5_000;
const NESTED = '{"a":'.repeat(DEEP) + '0' + '}'.repeat(DEEP);
const NOT_UTF8 = Buffer.concat([Buffer.from('{"lastName": "Ma'), Buffer.from([0x80, 0xff]), Buffer.from('ria"}')]);
const NDJSON_NOT_UTF8 = Buffer.concat([
  Buffer.from('{"format":"deepvalue.import.v1","organisation":{"ref":"x","name":"X'),
  Buffer.from([0xc3, 0x28]),
  Buffer.from('"}}\n'),
]);

function probes(t: HostileTarget): Probe[] {
  return [
    { name: 'impossible from', method: 'GET', path: '/api/reports/measures?from=2025-02-30', token: t.manager },
    { name: 'impossible to', method: 'GET', path: '/api/reports/measures?to=2025-13-01', token: t.manager },
    { name: 'audit export month 13', method: 'GET', path: '/api/audit/export?from=2025-13-01', token: t.admin },
    { name: 'audit export 0000-00-00', method: 'GET', path: '/api/audit/export?to=0000-00-00', token: t.admin },
    {
      name: 'nested sign-in',
      method: 'POST',
      path: '/api/auth/sign-in',
      contentType: 'application/json',
      body: NESTED,
    },
    {
      name: 'nested session',
      method: 'POST',
      path: '/api/time-entries/quick',
      token: t.adviser,
      contentType: 'application/json',
      body: NESTED,
    },
    { name: 'NUL in audit filter', method: 'GET', path: '/api/audit?entity=a%00b', token: t.admin },
    { name: 'NUL in path', method: 'GET', path: '/api/cases/a%00b', token: t.adviser },
    {
      name: 'NUL in JSON',
      method: 'POST',
      path: '/api/shares',
      token: t.admin,
      contentType: 'application/json',
      body: '{"commissionerRef": "a\\u0000b"}',
    },
    {
      name: 'JSON not UTF-8',
      method: 'POST',
      path: '/api/clients',
      token: t.adviser,
      contentType: 'application/json',
      body: NOT_UTF8,
    },
    {
      name: 'NDJSON import not UTF-8',
      method: 'POST',
      path: '/api/imports?wait=true',
      token: t.manager,
      contentType: 'application/x-ndjson',
      body: NDJSON_NOT_UTF8,
    },
    {
      name: 'upload without a session',
      method: 'POST',
      path: '/api/imports',
      contentType: 'application/x-ndjson',
      body: Buffer.alloc(256 * 1024, 0x7b),
    },
  ];
}

export interface HostileResult {
  sent: number;
  /** Status counts, e.g. { 400: 120, 401: 10 }. */
  statuses: Record<number, number>;
  /** Probes answered 5xx or not at all (first 20). */
  failures: string[];
}

/** Sends one probe every `intervalMs`, in turn, until stopped. */
export function startHostileTraffic(target: HostileTarget, intervalMs: number): { stop(): Promise<HostileResult> } {
  const list = probes(target);
  const result: HostileResult = { sent: 0, statuses: {}, failures: [] };
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  const fail = (message: string) => {
    if (result.failures.length < 20) result.failures.push(message);
  };
  const send = async (probe: Probe) => {
    result.sent += 1;
    const headers: Record<string, string> = {};
    if (probe.token) headers.authorization = `Bearer ${probe.token}`;
    if (probe.contentType) headers['content-type'] = probe.contentType;
    try {
      const res = await fetch(`${target.url}${probe.path}`, {
        method: probe.method,
        headers,
        body: probe.body === undefined ? undefined : new Uint8Array(Buffer.from(probe.body)),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
      if (res.status >= 500) fail(`${probe.name} → ${res.status} ${text.slice(0, 200)}`);
    } catch (error) {
      fail(`${probe.name} → no answer: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const timer = setInterval(() => {
    const pending = send(list[next++ % list.length]);
    inFlight.add(pending);
    void pending.finally(() => inFlight.delete(pending));
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return result;
    },
  };
}
