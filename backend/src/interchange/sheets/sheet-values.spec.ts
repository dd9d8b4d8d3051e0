/**
 * Cell reading that runs for every cell of a large sheet, now without Date objects or re-normalising
 * every choice per cell: the same answers as before, real and impossible dates alike.
 */
import { describe, expect, it } from '@jest/globals';
import { matchChoice, MODES, SHEET_FIELD } from '@deepvalue/shared';
import { readCell, readDate } from './sheet-values.js';

describe('readDate', () => {
  it.each([
    ['2025-01-06', '2025-01-06'],
    ['2025-1-6', '2025-01-06'],
    ['2025-01-06T10:15:00Z', '2025-01-06'],
    ['06/01/2025', '2025-01-06'],
    ['6.1.2025', '2025-01-06'],
    ['06/01/25', '2025-01-06'],
    ['6 Jan 2025', '2025-01-06'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['31/12/1999', '1999-12-31'],
  ])('reads %s as %s', (text, iso) => expect(readDate(text)).toEqual({ value: iso }));

  it.each(['29/02/2025', '29/02/1900', '31/04/2025', '00/01/2025', '01/13/2025', '0025-01-06'])(
    'refuses %s as not a real date',
    (text) => expect(readDate(text)).toEqual({ problem: expect.stringContaining('is not a real date') }),
  );

  it('says an Excel date number is one', () =>
    expect(readDate('45663')).toEqual({ problem: expect.stringContaining('Excel date number') }));
});

describe('matchChoice', () => {
  it('reads a code, its label, and a common way of writing it; the same again from its cache', () => {
    for (let i = 0; i < 2; i++) {
      expect(matchChoice('face_to_face', MODES)).toBe('face_to_face');
      expect(matchChoice('Face to face', MODES)).toBe('face_to_face');
      expect(matchChoice('F2F', MODES)).toBe('face_to_face');
      expect(matchChoice('Telephone', MODES)).toBe('phone');
      expect(matchChoice('Zoom', MODES)).toBe('video');
      expect(matchChoice('Carrier pigeon', MODES)).toBeUndefined();
      expect(matchChoice('  ', MODES)).toBeUndefined();
    }
  });

  it('refuses an unknown value of a choice field naming the choices', () =>
    expect(readCell(SHEET_FIELD.get('time.mode')!, 'Carrier pigeon')).toEqual({
      problem: expect.stringMatching(/^'Carrier pigeon' is not a mode Deep Value knows — map it to one of /),
    }));
});
