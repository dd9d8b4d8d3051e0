/**
 * Generates casework with the seed generator (NDJSON on disk) and imports it through ImportService,
 * the path `POST /api/imports` and `deepvalue import` take, timing it and sampling peak RSS.
 */
import type { INestApplicationContext } from '@nestjs/common';
import fs from 'node:fs';
import path from 'node:path';
import { writeNdjson, type GeneratorOptions } from '../interchange/generator.js';
import { ImportService } from '../interchange/import.service.js';
import { clusterCpuSeconds } from './cluster-cpu.js';
import { withRssSampling, type RssSample } from './rss.js';
import { timed } from './stats.js';

export interface ImportFigures {
  /** The first organisation's options; with --organisations K each has its own (same shape, own seed and name). */
  generator: GeneratorOptions;
  organisations: number;
  generateSeconds: number;
  fileMb: number;
  importSeconds: number;
  rss: RssSample;
  cases: number;
  timeEntries: number;
  analyzeSeconds: number;
  organisationId: string;
  /** Seconds per phase of the import (ImportResult.phases). */
  phases: Record<string, number>;
  /** CPU seconds of this process and of the embedded cluster (null: not embedded) during the import. */
  cpu: { node: number; postgres: number | null };
}

/**
 * A network at scale: about 200 cases per adviser a year over five years, in six offices. With
 * several organisations, organisation i (from 1) has seed i and its own name.
 */
export function generatorOptions(cases: number, organisation = 1, organisations = 1): GeneratorOptions {
  return {
    cases,
    seed: organisation,
    ...(organisations > 1
      ? { organisation: { ref: `riverside-law-centre-${organisation}`, name: `Riverside Law Centre ${organisation}` } }
      : {}),
    advisers: Math.min(2000, Math.max(12, Math.round(cases / 1000))),
    offices: 6,
    startDate: '2021-01-01',
    months: 60,
  };
}

export async function generateFile(
  workDir: string,
  options: GeneratorOptions,
  log: (message: string) => void,
): Promise<{ file: string; seconds: number; mb: number }> {
  const file = path.join(workDir, `casework-${options.cases}.ndjson`);
  const { ms } = await timed(async () => {
    const out = fs.createWriteStream(file);
    await writeNdjson(options, out, (done, total) => {
      if (done % 100_000 === 0 && done < total) log(`  generated ${done.toLocaleString('en-GB')} cases`);
    });
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  });
  return { file, seconds: ms / 1000, mb: Math.round(fs.statSync(file).size / (1024 * 1024)) };
}

export async function importFile(
  app: INestApplicationContext,
  file: string,
  log: (message: string) => void,
  pgDir?: string,
): Promise<Omit<ImportFigures, 'generator' | 'organisations' | 'generateSeconds' | 'fileMb' | 'analyzeSeconds'>> {
  const service = app.get(ImportService);
  const postgresBefore = clusterCpuSeconds(pgDir);
  const nodeBefore = process.cpuUsage();
  const started = Date.now();
  let lastLog = 0;
  const { value, rss } = await withRssSampling(() =>
    service.importFile(file, { createOrganisation: true }, (p) => {
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(
          `  ${p.phase} ${p.cases.toLocaleString('en-GB')} cases (${Math.round((100 * p.bytesRead) / p.bytesTotal)}%)`,
        );
      }
    }),
  );
  const ended = Date.now();
  const nodeCpu = process.cpuUsage(nodeBefore);
  const postgresAfter = clusterCpuSeconds(pgDir);
  if (!value.ok) {
    throw new Error(`the generated file was refused: ${value.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return {
    importSeconds: (ended - started) / 1000,
    rss,
    cases: value.counts.cases,
    timeEntries: value.counts.timeEntries,
    organisationId: value.organisationId,
    cpu: {
      node: Math.round((nodeCpu.user + nodeCpu.system) / 1e5) / 10,
      postgres:
        postgresBefore !== null && postgresAfter !== null
          ? Math.round(10 * (postgresAfter - postgresBefore)) / 10
          : null,
    },
    phases: Object.fromEntries(Object.entries(value.phases).map(([k, ms]) => [k, Math.round(ms) / 1000])),
  };
}
