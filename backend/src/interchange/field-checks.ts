/**
 * Field-level checks for the import validator. Each check reads one field of a parsed JSON object,
 * records a person-readable error against the field's full path, and returns the value only when it
 * is usable, so later cross-field rules (closedOn ≥ openedOn, …) run on good values alone and one
 * mistake is not reported three times.
 *
 * Optional fields may be absent or null alike (see import-format.ts).
 */
import { DATE_PATTERN, isRealDate } from '../common/dates.js';
import type { FieldError } from '../common/domain-error.js';

export type JsonObject = Record<string, unknown>;

/** Keys and values quoted in messages are cut short: a 10 MB string must not make a 10 MB error. */
const QUOTE_MAX = 40;

export function quote(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text;
}

export function childPath(path: string, key: string): string {
  const shown = key.length > QUOTE_MAX ? `${key.slice(0, QUOTE_MAX)}…` : key;
  return path === '' ? shown : `${path}.${shown}`;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Presence {
  required?: boolean;
}

export interface TextRule extends Presence {
  min?: number;
  max: number;
}

export interface IntegerRule extends Presence {
  min: number;
  max: number;
  /** Replaces the default message, e.g. "must be a whole number from 1 to 5". */
  message?: string;
  /** Message for a whole number above `max`, when it deserves its own. */
  maxMessage?: string;
}

export interface DateRule extends Presence {
  /** Earliest allowed date (YYYY-MM-DD); ISO dates compare correctly as strings. */
  notBefore?: string;
}

/** Collects errors for one record; the validator makes one per header or case. */
export class FieldChecks {
  constructor(readonly errors: FieldError[]) {}

  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** An object with only the known keys; reports a wrong type and every unknown key. */
  object(value: unknown, path: string, known: ReadonlySet<string>): JsonObject | undefined {
    if (!isObject(value)) {
      this.add(path, 'must be an object');
      return undefined;
    }
    for (const key in value) if (!known.has(key)) this.add(childPath(path, key), 'is not a known field');
    return value;
  }

  /** The field's value, or undefined when absent/null (an error if required). */
  present(o: JsonObject, key: string, path: string, rule: Presence): unknown {
    const value = o[key];
    if (value === undefined || value === null) {
      if (rule.required) this.add(childPath(path, key), 'is required');
      return undefined;
    }
    return value;
  }

  text(o: JsonObject, key: string, path: string, rule: TextRule): string | undefined {
    const value = this.present(o, key, path, rule);
    if (value === undefined) return undefined;
    const at = childPath(path, key);
    if (typeof value !== 'string') return this.fail(at, 'must be a string');
    const min = rule.min ?? 0;
    if (value.length < min)
      return this.fail(at, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
    if (value.length > rule.max)
      return this.fail(at, `must be at most ${rule.max} characters (it has ${value.length})`);
    // PostgreSQL text cannot hold NUL; say so here rather than fail the whole import at the database.
    if (value.includes('\u0000')) return this.fail(at, 'must not contain a NUL character');
    return value;
  }

  integer(o: JsonObject, key: string, path: string, rule: IntegerRule): number | undefined {
    const value = this.present(o, key, path, rule);
    if (value === undefined) return undefined;
    const message = rule.message ?? `must be a whole number from ${rule.min} to ${rule.max}`;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < rule.min)
      return this.fail(childPath(path, key), message);
    if (value > rule.max) return this.fail(childPath(path, key), rule.maxMessage ?? message);
    return value;
  }

  /** A 1–5 score (trust, understood, confidence, feedback items). */
  score(o: JsonObject, key: string, path: string, required = false): number | undefined {
    return this.integer(o, key, path, { min: 1, max: 5, required, message: 'must be a whole number from 1 to 5' });
  }

  boolean(o: JsonObject, key: string, path: string, required = false): boolean | undefined {
    const value = this.present(o, key, path, { required });
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') return this.fail(childPath(path, key), 'must be true, false or null');
    return value;
  }

  date(o: JsonObject, key: string, path: string, rule: DateRule): string | undefined {
    const value = this.present(o, key, path, rule);
    if (value === undefined) return undefined;
    const at = childPath(path, key);
    if (typeof value !== 'string' || !DATE_PATTERN.test(value)) {
      return this.fail(at, `must be a date written YYYY-MM-DD (got ${quote(value)})`);
    }
    if (!isRealDate(value)) return this.fail(at, `${value} is not a real date`);
    if (rule.notBefore !== undefined && value < rule.notBefore)
      return this.fail(at, `must be on or after ${rule.notBefore}`);
    return value;
  }

  oneOf<T extends string>(
    o: JsonObject,
    key: string,
    path: string,
    values: readonly T[],
    required = false,
  ): T | undefined {
    const value = this.present(o, key, path, { required });
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      return this.fail(childPath(path, key), `must be one of ${values.join(', ')} (got ${quote(value)})`);
    }
    return value as T;
  }

  array(o: JsonObject, key: string, path: string, required = false): unknown[] | undefined {
    const value = this.present(o, key, path, { required });
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.fail(childPath(path, key), 'must be a list');
    return value;
  }

  /** A ref to a header record that must be listed there, e.g. `list` = 'advisers'. */
  ref(
    o: JsonObject,
    key: string,
    path: string,
    known: ReadonlySet<string>,
    list: string,
    required = false,
  ): string | undefined {
    const value = this.text(o, key, path, { required, min: 1, max: 100 });
    if (value === undefined) return undefined;
    if (!known.has(value))
      return this.fail(childPath(path, key), `refers to ${quote(value)}, which is not among the ${list}`);
    return value;
  }

  private fail(path: string, message: string): undefined {
    this.add(path, message);
    return undefined;
  }
}
