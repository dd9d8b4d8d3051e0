/**
 * The spreadsheet specs' calls through the API, as one user: load a generated document, export the
 * casework, and take a spreadsheet through upload, dry run and import.
 */
import { expect } from '@jest/globals';
import type { ImportJob, SheetDryRun, SheetInspection, SheetMapping } from '@deepvalue/shared';
import type { Response } from 'supertest';
import type { Harness, TestUser } from './harness.js';
import type { ImportDocument } from '../src/interchange/import-format.js';

/** Imports the document (JSON, waiting for the job) and expects it to succeed. */
export async function importDocument(h: Harness, as: TestUser, doc: ImportDocument): Promise<void> {
  const res = await h
    .as(as)
    .post('/api/imports?wait=true')
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(doc))
    .expect(202);
  expect(res.body.status).toBe('succeeded');
}

/** supertest's parser for a binary body (an XLSX export). */
export const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** GET /api/exports/casework in a text format. */
export const exported = async (h: Harness, as: TestUser, format: string): Promise<string> =>
  (await h.as(as).get(`/api/exports/casework?format=${format}`).expect(200)).text;

/** GET /api/exports/casework?format=xlsx, as bytes. */
export const exportedWorkbook = async (h: Harness, as: TestUser): Promise<Buffer> =>
  (await h.as(as).get('/api/exports/casework?format=xlsx').buffer(true).parse(binary).expect(200)).body;

export async function uploadSheet(
  h: Harness,
  as: TestUser,
  body: string | Buffer,
  { type = 'text/csv', fileName }: { type?: string; fileName?: string } = {},
): Promise<SheetInspection> {
  const path = fileName ? `/api/imports/spreadsheets?fileName=${fileName}` : '/api/imports/spreadsheets';
  return (await h.as(as).post(path).set('Content-Type', type).send(body).expect(201)).body;
}

export const dryRunSheet = async (h: Harness, as: TestUser, id: string, mapping: SheetMapping): Promise<SheetDryRun> =>
  (await h.as(as).post(`/api/imports/spreadsheets/${id}/dry-run`).send({ mapping }).expect(200)).body;

export const importSheet = async (h: Harness, as: TestUser, id: string, mapping: SheetMapping): Promise<ImportJob> =>
  (await h.as(as).post(`/api/imports/spreadsheets/${id}/import?wait=true`).send({ mapping }).expect(202)).body;
