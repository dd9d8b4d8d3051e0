import { describe, expect, it } from '@jest/globals';
import { jsonBodyProblem, MAX_JSON_DEPTH, NOT_UTF8, NUL_IN_TEXT, TOO_DEEP } from './hostile-input.js';

const problem = (text: string | Buffer) => jsonBodyProblem(Buffer.isBuffer(text) ? text : Buffer.from(text));

describe(jsonBodyProblem.name, () => {
  it('accepts ordinary JSON, brackets and escapes inside strings included', () => {
    expect(problem('{"a": [1, {"b": "x"}], "c": "[[[{{{", "d": "say \\"hi\\" \\\\", "e": "é😀"}')).toBeUndefined();
    expect(problem('{"a": "back\\\\u0000slash"}')).toBeUndefined();
    expect(problem('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeUndefined();
  });

  it('finds nesting past the limit, NUL escapes and bytes that are not UTF-8', () => {
    expect(problem('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1))).toBe(TOO_DEEP);
    expect(problem('{"a":'.repeat(5000) + '1' + '}'.repeat(5000))).toBe(TOO_DEEP);
    expect(problem('{"a": "x\\u0000"}')).toBe(NUL_IN_TEXT);
    expect(problem('{"a": "x\\\\\\u0000"}')).toBe(NUL_IN_TEXT);
    expect(problem(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x22, 0x7d]))).toBe(NOT_UTF8);
  });
});
