/**
 * Evidence pack (target ≤ 5 s for all formats at 1,000,000 cases): builds the pack for the
 * organisation over the whole generated period and renders XLSX, PDF, CSV and the manifest, as
 * `deepvalue evidence-pack` does (files written to a temporary directory).
 */
import type { INestApplicationContext } from '@nestjs/common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { repeat, type Summary } from './stats.js';

export interface EvidenceFigures {
  time: Summary;
  files: number;
  megabytes: number;
  period: { from: string; to: string };
}

export async function benchEvidence(
  app: INestApplicationContext,
  organisationId: string,
  workDir: string,
  options: { runs: number; period: { from: string; to: string } },
): Promise<EvidenceFigures> {
  // Loaded here so the rest of the benchmark runs while the pack is being built by others.
  const { EvidencePackService } = await import('../evidence/evidence-pack.service.js');
  const { renderPack } = await import('../evidence/writers/render-pack.js');
  const [{ ref }] = await app.get(DataSource).query(`SELECT ref FROM organisations WHERE id = $1`, [organisationId]);
  const packs = app.get(EvidencePackService);
  const out = path.join(workDir, 'evidence-pack');
  let files = 0;
  let bytes = 0;
  const once = async () => {
    const scope = await packs.scopeForRefs({ org: ref });
    const rendered = await renderPack(await packs.build(scope, { ...options.period }));
    await fs.mkdir(path.join(out, 'csv'), { recursive: true });
    for (const file of rendered.files) await fs.writeFile(path.join(out, file.path), file.bytes);
    files = rendered.files.length;
    bytes = rendered.files.reduce((sum, f) => sum + f.bytes.length, 0);
  };
  const time = await repeat(once, { warmup: 1, runs: options.runs });
  return { time, files, megabytes: Math.round((bytes / (1024 * 1024)) * 100) / 100, period: options.period };
}
