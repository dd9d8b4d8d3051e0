/**
 * The spreadsheet import beside the JSON import (docs/spreadsheet-import.md): the same generated casework written
 * twice — a CSV of one row per time entry with the case columns repeated (100,000 rows by default),
 * and an NDJSON document holding exactly what the CSV holds — each imported into a fresh
 * organisation through its own path (SheetImportService; ImportService), timed, peak RSS sampled.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { SHEET_MAPPING_FORMAT, type SheetMapping } from '@deepvalue/shared';
import { stringify } from 'csv-stringify';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { DataSource } from 'typeorm';
import { writeNdjson } from '../interchange/generator.js';
import type { ImportCase, ImportHeader } from '../interchange/import-format.js';
import { ImportService } from '../interchange/import.service.js';
import { slug } from '../interchange/sheets/sheet-build.js';
import { SheetImportService } from '../interchange/sheets/sheet-import.service.js';
import { generatorOptions } from './import-bench.js';
import { withRssSampling, type RssSample } from './rss.js';

export interface SheetImportFigures {
  rows: number;
  cases: number;
  timeEntries: number;
  csv: { mb: number; seconds: number; rss: RssSample };
  json: { mb: number; seconds: number; rss: RssSample };
}

const COLUMNS: Record<string, string> = {
  Ref: 'case.ref',
  'Client ref': 'client.ref',
  'First name': 'client.firstName',
  'Last name': 'client.lastName',
  DOB: 'client.dateOfBirth',
  Postcode: 'client.postcode',
  Category: 'case.category',
  'Sub-category': 'case.subcategory',
  Opened: 'case.openedOn',
  Closed: 'case.closedOn',
  Adviser: 'case.leadAdviser',
  Funding: 'case.fundingStream',
  Arrival: 'case.arrival',
  'Referred by': 'case.referrer',
  Date: 'time.on',
  'Done by': 'time.adviser',
  Minutes: 'time.minutes',
  Class: 'time.class',
  Activity: 'time.activity',
  Mode: 'time.mode',
};

export async function benchSheetImport(
  app: INestApplicationContext,
  workDir: string,
  rows: number,
  log: (message: string) => void,
): Promise<SheetImportFigures> {
  const files = await writeFiles(workDir, rows);
  log(
    `  ${files.rows.toLocaleString('en-GB')} rows (${files.cases.toLocaleString('en-GB')} cases): CSV ${mbOf(files.csv)} MB, NDJSON ${mbOf(files.ndjson)} MB`,
  );
  const dataSource = app.get(DataSource);
  try {
    const started = Date.now();
    const json = await withRssSampling(() =>
      app
        .get(ImportService)
        .importFile(files.ndjson, { organisationRef: 'bench-sheet-json', createOrganisation: true }),
    );
    const jsonSeconds = (Date.now() - started) / 1000;
    if (!json.value.ok) throw new Error(`the JSON twin was refused: ${JSON.stringify(json.value.errors.slice(0, 3))}`);

    const [org] = await dataSource.query(
      `INSERT INTO organisations (ref, name) VALUES ('bench-sheet-csv', 'Spreadsheet bench')
       ON CONFLICT (ref) DO UPDATE SET updated_at = EXCLUDED.updated_at RETURNING id`,
    );
    const mapping: SheetMapping = { format: SHEET_MAPPING_FORMAT, cases: { columns: COLUMNS } };
    const sheetStarted = Date.now();
    const csv = await withRssSampling(() => app.get(SheetImportService).importSheet(org.id, files.csv, 'csv', mapping));
    const csvSeconds = (Date.now() - sheetStarted) / 1000;
    if (!csv.value.ok) throw new Error(`the CSV was refused: ${JSON.stringify(csv.value.errors.slice(0, 3))}`);
    if (csv.value.counts.timeEntries !== json.value.counts.timeEntries || csv.value.counts.cases !== files.cases)
      throw new Error('the CSV and its JSON twin imported different casework');
    log(
      `  JSON ${jsonSeconds.toFixed(1)} s, peak RSS ${json.rss.peakMb} MB; CSV ${csvSeconds.toFixed(1)} s, peak RSS ${csv.rss.peakMb} MB`,
    );
    return {
      rows: files.rows,
      cases: files.cases,
      timeEntries: csv.value.counts.timeEntries,
      csv: { mb: mbOf(files.csv), seconds: csvSeconds, rss: csv.rss },
      json: { mb: mbOf(files.ndjson), seconds: jsonSeconds, rss: json.rss },
    };
  } finally {
    fs.rmSync(files.csv, { force: true });
    fs.rmSync(files.ndjson, { force: true });
  }
}

const mbOf = (file: string) => Math.round((fs.statSync(file).size / (1024 * 1024)) * 10) / 10;

/** Generates cases until their time entries (a case with none: one row) fill `rows` CSV rows. */
async function writeFiles(workDir: string, rows: number) {
  const generated = path.join(workDir, 'sheet-bench-generated.ndjson');
  const out = fs.createWriteStream(generated);
  // About ten entries a case: twice the cases needed is plenty; only what fills the rows is used.
  await writeNdjson({ ...generatorOptions(Math.ceil(rows / 5)), seed: 17 }, out);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));

  const csvFile = path.join(workDir, 'sheet-bench.csv');
  const ndjsonFile = path.join(workDir, 'sheet-bench.ndjson');
  const csvOut = fs.createWriteStream(csvFile);
  const csv = stringify();
  csv.pipe(csvOut);
  const ndjson = fs.createWriteStream(ndjsonFile);
  const lines = readline.createInterface({ input: fs.createReadStream(generated), crlfDelay: Infinity });
  let header: ImportHeader | undefined;
  let names = new Map<string, string>();
  let partners = new Map<string, string>();
  let written = 0;
  let cases = 0;
  csv.write(Object.keys(COLUMNS));
  for await (const line of lines) {
    if (!header) {
      header = JSON.parse(line) as ImportHeader;
      // Names stand for advisers in a spreadsheet: make them unique, as the refs are.
      names = new Map(header.advisers.map((a) => [a.ref, `${a.name} (${a.ref})`]));
      partners = new Map(header.partners.map((p) => [p.ref, p.name]));
      const advisers = header.advisers.map((a) => ({
        ref: `adviser-${slug(names.get(a.ref)!)}`,
        name: names.get(a.ref)!,
      }));
      const twin: ImportHeader = { ...header, advisers, offices: [], feedbackItems: null };
      ndjson.write(`${JSON.stringify(twin)}\n`);
      continue;
    }
    if (written >= rows) break;
    const c = JSON.parse(line) as ImportCase;
    const entries = (c.timeEntries ?? []).slice(0, rows - written);
    const caseCells = [
      c.ref,
      c.client.ref,
      c.client.firstName ?? '',
      c.client.lastName ?? '',
      c.client.dateOfBirth ?? '',
      c.client.postcodeDistrict ?? '',
      c.category,
      c.subcategory ?? '',
      c.openedOn,
      c.closedOn ?? '',
      names.get(c.leadAdviserRef)!,
      c.fundingStream,
      c.arrival.route,
      c.arrival.referrerRef ? partners.get(c.arrival.referrerRef)! : '',
    ];
    if (!entries.length) csv.write([...caseCells, '', '', '', '', '', '']);
    for (const t of entries)
      csv.write([...caseCells, t.on, names.get(t.adviserRef)!, t.minutes, t.class, t.activity, t.mode]);
    written += Math.max(entries.length, 1);
    cases++;
    // The JSON twin holds what the CSV holds, with the refs the spreadsheet import gives.
    const adviser = (ref: string) => `adviser-${slug(names.get(ref)!)}`;
    const twin: ImportCase = {
      ref: c.ref,
      client: {
        ref: c.client.ref,
        firstName: c.client.firstName,
        lastName: c.client.lastName,
        dateOfBirth: c.client.dateOfBirth,
        postcodeDistrict: c.client.postcodeDistrict,
      },
      category: c.category,
      subcategory: c.subcategory,
      openedOn: c.openedOn,
      closedOn: c.closedOn,
      leadAdviserRef: adviser(c.leadAdviserRef),
      fundingStream: c.fundingStream,
      arrival: c.arrival,
      timeEntries: entries.map((t) => ({ ...t, adviserRef: adviser(t.adviserRef), note: null })),
    };
    if (!ndjson.write(`${JSON.stringify(twin)}\n`))
      await new Promise<void>((resolve) => ndjson.once('drain', () => resolve()));
    if (csvOut.writableNeedDrain) await new Promise<void>((resolve) => csvOut.once('drain', () => resolve()));
  }
  lines.close();
  csv.end();
  await new Promise<void>((resolve, reject) => csvOut.on('finish', resolve).on('error', reject));
  await new Promise<void>((resolve, reject) => ndjson.end((e?: Error | null) => (e ? reject(e) : resolve())));
  fs.rmSync(generated, { force: true });
  return { csv: csvFile, ndjson: ndjsonFile, rows: written, cases };
}
