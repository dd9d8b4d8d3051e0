import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so a retry whose client orders keys differently is the same request. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(method: string, path: string, body: unknown): string {
  const text = typeof body === 'string' ? body : stableStringify(body ?? null);
  return createHash('sha256').update(`${method} ${path}\n`).update(text).digest('hex');
}
