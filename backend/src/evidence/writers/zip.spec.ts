import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { createZip, pinZipDates, readZip } from './zip.js';

const DATE = new Date('2025-12-31T00:00:00Z');

describe('zip', () => {
  it('reads back what it writes, names and bytes', () => {
    const entries = [
      { path: 'csv/cases.csv', bytes: Buffer.from('category,band,cases\nHousing,< 1 h,<5\n') },
      { path: 'manifest.json', bytes: Buffer.from('{"a":1}') },
      { path: 'empty.txt', bytes: Buffer.alloc(0) },
    ];
    expect(readZip(createZip(entries, DATE))).toEqual(entries);
  });

  it('gives the same bytes for the same entries and date', () => {
    const entries = [{ path: 'a.txt', bytes: Buffer.from('same') }];
    expect(createZip(entries, DATE).equals(createZip(entries, DATE))).toBe(true);
    expect(createZip(entries, DATE).equals(createZip(entries, new Date('2024-01-01T00:00:00Z')))).toBe(false);
  });

  it('pins the entry dates of a workbook written at different times to one date', async () => {
    const write = async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.created = DATE;
      workbook.modified = DATE;
      workbook.addWorksheet('Method').getCell('A1').value = 'Deep value';
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const first = await write();
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip times have 2-second steps
    const second = await write();
    expect(first.equals(second)).toBe(false);
    expect(pinZipDates(first, DATE).equals(pinZipDates(second, DATE))).toBe(true);
    const sheet = readZip(pinZipDates(first, DATE)).find((e) => e.path === 'xl/sharedStrings.xml');
    expect(sheet?.bytes.toString('utf8')).toContain('Deep value');
  });

  it('refuses something that is not a zip', () => {
    expect(() => readZip(Buffer.from('not a zip at all, just text'))).toThrow(/not a zip/);
  });
});
