/**
 * Field decorators for the casework DTOs. Each one validates a field with a single check that gives
 * exactly one message a person understands ("is required", "must be at least 1", "must be a real date
 * written YYYY-MM-DD") and describes the field for OpenAPI, so a DTO reads as a list of its fields.
 *
 * Every string has a maximum length, every number a range, every date a real calendar date: a 10 MB
 * string, 1e308 or 2025-02-30 never reaches the database.
 */
import { applyDecorators } from '@nestjs/common';
import { MAX_AMOUNT_GBP, MAX_TABLE_ROWS } from '@deepvalue/shared';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, isUUID, ValidateBy, ValidateNested } from 'class-validator';
import { isRealDate, todayInLondon } from './dates.js';

export interface Presence {
  /** The field may be left out. */
  optional?: boolean;
  /** The field may be null (the column is nullable: null clears it). */
  nullable?: boolean;
  description?: string;
}

/** Returns the problem with a present, non-null value, or undefined when it is fine. */
type Check = (value: unknown) => string | undefined;

const MAX_QUOTED = 40;

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

function problemWith(value: unknown, presence: Presence, check: Check): string | undefined {
  if (value === undefined) return presence.optional ? undefined : 'is required';
  if (value === null) return presence.nullable ? undefined : presence.optional ? 'cannot be null' : 'is required';
  return check(value);
}

function field(name: string, presence: Presence, check: Check, api: ApiPropertyOptions): PropertyDecorator {
  return applyDecorators(
    ValidateBy({
      name,
      validator: {
        validate: (value) => problemWith(value, presence, check) === undefined,
        defaultMessage: (args) => problemWith(args?.value, presence, check) ?? 'is not valid',
      },
    }),
    ApiProperty({
      required: !presence.optional,
      nullable: presence.nullable,
      description: presence.description,
      ...api,
    } as ApiPropertyOptions),
  );
}

export interface TextRule extends Presence {
  max: number;
  /** Shortest allowed length; 1 for names, so "" is refused. */
  min?: number;
  pattern?: RegExp;
  patternMessage?: string;
}

export function TextField(rule: TextRule): PropertyDecorator {
  const min = rule.min ?? 0;
  return field(
    'text',
    rule,
    (value) => {
      if (typeof value !== 'string') return 'must be text';
      // PostgreSQL text cannot hold U+0000; refuse it here rather than fail in the database.
      if (value.includes('\u0000')) return 'must not contain the NUL character';
      if (value.length < min) return min === 1 ? 'must not be empty' : `must be at least ${min} characters`;
      if (value.length > rule.max) return `must be at most ${rule.max} characters`;
      if (rule.pattern && !rule.pattern.test(value)) return rule.patternMessage ?? 'is not in the expected form';
      return undefined;
    },
    { type: String, minLength: min || undefined, maxLength: rule.max, pattern: rule.pattern?.source },
  );
}

export interface IntRule extends Presence {
  min: number;
  max: number;
  /** One message for every failure, e.g. "must be a whole number from 1 to 5". */
  message?: string;
}

export function IntField(rule: IntRule): PropertyDecorator {
  return field(
    'int',
    rule,
    (value) => {
      if (typeof value !== 'number' || !Number.isInteger(value)) return rule.message ?? 'must be a whole number';
      if (value < rule.min) return rule.message ?? `must be at least ${rule.min}`;
      if (value > rule.max) return rule.message ?? `must be at most ${rule.max}`;
      return undefined;
    },
    { type: 'integer', minimum: rule.min, maximum: rule.max },
  );
}

/** A 1–5 score (trust, understood, confidence, feedback items). */
export const ScoreField = (presence: Presence = {}) =>
  IntField({ ...presence, min: 1, max: 5, message: 'must be a whole number from 1 to 5' });

/** The version a client last read; required by every update. */
export const VersionField = () =>
  IntField({
    min: 1,
    max: 2_147_483_647,
    description: 'The version you last read; a stale version gets 409 with the current record.',
  });

/** Pounds with at most 2 decimal places: numeric(12, 2) would silently round a third one. */
export function AmountField(presence: Presence = {}): PropertyDecorator {
  return field(
    'amount',
    presence,
    (value) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be an amount in pounds';
      if (value < 0) return 'must be at least 0';
      if (value >= MAX_AMOUNT_GBP) return `must be less than ${MAX_AMOUNT_GBP}`;
      const pence = value * 100;
      if (Math.abs(pence - Math.round(pence)) > 1e-6) return 'must have at most 2 decimal places';
      return undefined;
    },
    { type: Number, minimum: 0, maximum: MAX_AMOUNT_GBP, exclusiveMaximum: true, example: 1250.5 },
  );
}

export function EnumField(values: readonly string[], presence: Presence = {}): PropertyDecorator {
  return field(
    'oneOf',
    presence,
    (value) =>
      typeof value === 'string' && values.includes(value) ? undefined : `must be one of: ${values.join(', ')}`,
    { enum: [...values], type: String },
  );
}

/** A list of distinct enumeration values, e.g. vulnerability flags. */
export function EnumListField(values: readonly string[], presence: Presence = {}): PropertyDecorator {
  return field(
    'listOf',
    presence,
    (value) => {
      if (!Array.isArray(value)) return 'must be a list';
      const seen = new Set<unknown>();
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item !== 'string' || !values.includes(item))
          return `item ${i} (${quote(item)}) must be one of: ${values.join(', ')}`;
        if (seen.has(item)) return `lists ${quote(item)} more than once`;
        seen.add(item);
      }
      return undefined;
    },
    { isArray: true, enum: [...values], type: String },
  );
}

export interface DateRule extends Presence {
  /** Earliest allowed date, YYYY-MM-DD (ISO dates compare correctly as text). */
  notBefore?: string;
  /** Refuse dates after today in London (a session cannot be recorded in advance). */
  notFuture?: boolean;
}

export function DateField(rule: DateRule = {}): PropertyDecorator {
  return field(
    'date',
    rule,
    (value) => {
      if (typeof value !== 'string' || !isRealDate(value)) return 'must be a real date written YYYY-MM-DD';
      if (rule.notBefore && value < rule.notBefore) return `must be on or after ${rule.notBefore}`;
      if (rule.notFuture && value > todayInLondon()) return 'must not be in the future';
      return undefined;
    },
    { type: String, format: 'date', example: '2025-01-06' },
  );
}

export function UuidField(presence: Presence = {}): PropertyDecorator {
  return field('uuid', presence, (value) => (isUUID(value, 'all') ? undefined : 'must be a UUID'), {
    type: String,
    format: 'uuid',
  });
}

export function BoolField(presence: Presence = {}): PropertyDecorator {
  return field('boolean', presence, (value) => (typeof value === 'boolean' ? undefined : 'must be true or false'), {
    type: Boolean,
  });
}

/**
 * A value of the wrong shape for a nested field is swapped for this marker before validation, so the
 * field gets one message ("must be an object") instead of class-validator walking into it as well.
 */
class WrongShape extends Array<never> {
  constructor(readonly expected: 'an object' | 'a list') {
    super();
  }
}

function shapeGuard(expected: 'an object' | 'a list'): PropertyDecorator {
  return Transform(({ value, obj, key }) => {
    const original: unknown = (obj as Record<string, unknown>)[key];
    if (original === undefined || original === null) return original;
    const isList = Array.isArray(original);
    const isObject = typeof original === 'object' && !isList;
    const fits = expected === 'a list' ? isList : isObject;
    return fits ? value : new WrongShape(expected);
  });
}

function shapeCheck(value: unknown): string | undefined {
  return value instanceof WrongShape ? `must be ${value.expected}` : undefined;
}

export function NestedObject(type: () => new () => object, presence: Presence = {}): PropertyDecorator {
  return applyDecorators(
    // Swagger resolves a lazy type only from a function named `type`, hence the wrapper.
    field('object', presence, shapeCheck, { type: () => type() }),
    ValidateNested({ message: 'must be an object' }),
    Type(type),
    shapeGuard('an object'),
  );
}

export function NestedList(
  type: () => new () => object,
  rule: Presence & { max: number } = { max: 100 },
): PropertyDecorator {
  return applyDecorators(
    field(
      'list',
      rule,
      (value) =>
        shapeCheck(value) ??
        (Array.isArray(value) && value.length > rule.max ? `must have at most ${rule.max} items` : undefined),
      { type: () => type(), isArray: true, maxItems: rule.max },
    ),
    ValidateNested({ message: 'must be an object' }),
    Type(type),
    shapeGuard('a list'),
  );
}

/**
 * The rows of a table saved whole as a new version (fee rates, unit costs): a list of 1 to
 * MAX_TABLE_ROWS rows, each checked as `type`. Listed bottom-up, the order stacked decorators apply in,
 * so the checks (and their messages) run in the order the DTOs always had.
 */
export function TableRows(type: new () => object): PropertyDecorator {
  return applyDecorators(
    Type(() => type),
    ValidateNested({ each: true }),
    ArrayMaxSize(MAX_TABLE_ROWS),
    ArrayMinSize(1, { message: 'must have at least one row' }),
    IsArray(),
    ApiProperty({ type: [type] }),
  );
}

/** Query strings arrive as text: "25" becomes 25, anything else stays text and fails as "a whole number". */
export function QueryInt(rule: IntRule): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value)),
    IntField({ optional: true, ...rule }),
  );
}

/** "true" and "false" in a query string. */
export function QueryBool(presence: Presence = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    BoolField({ optional: true, ...presence }),
  );
}

/**
 * A rule across fields of the same object, reported against the property it decorates, e.g.
 * arrival.referrerPartnerId "is required when route is "referred"".
 */
export function CrossField<T extends object>(rule: (dto: T) => string | undefined): PropertyDecorator {
  return ValidateBy({
    name: 'crossField',
    validator: {
      validate: (_value, args) => rule(args?.object as T) === undefined,
      defaultMessage: (args) => rule(args?.object as T) ?? 'is not valid',
    },
  });
}
