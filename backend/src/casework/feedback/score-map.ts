import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import type { FieldError } from '../../common/domain-error.js';

const MAX_ITEMS = 50;

/**
 * Feedback items as {key: score}. The DTO checks the shape; which keys are allowed depends on the
 * organisation's item set, so the service checks each item and reports it at items.<key>.
 */
export function ScoreMapField(): PropertyDecorator {
  const problem = (value: unknown): string | undefined => {
    if (value === undefined || value === null) return 'is required';
    if (typeof value !== 'object' || Array.isArray(value))
      return 'must be an object of item → score, e.g. {"respect": 5}';
    if (Object.keys(value).length > MAX_ITEMS) return `must have at most ${MAX_ITEMS} items`;
    return undefined;
  };
  return applyDecorators(
    ValidateBy({
      name: 'scoreMap',
      validator: { validate: (v) => problem(v) === undefined, defaultMessage: (args) => problem(args?.value) ?? '' },
    }),
    ApiProperty({
      type: 'object',
      additionalProperties: { type: 'integer', minimum: 1, maximum: 5 },
      example: { time_to_listen: 5, respect: 4 },
    }),
  );
}

export function scoreMapErrors(items: Record<string, unknown>, allowed: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, score] of Object.entries(items)) {
    const path = `items.${key.length > 50 ? `${key.slice(0, 50)}…` : key}`;
    if (!allowed.includes(key))
      errors.push({ path, message: `is not a feedback item here (expected ${allowed.join(', ')})` });
    else if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5)
      errors.push({ path, message: 'must be a whole number from 1 to 5' });
  }
  return errors;
}
