/**
 * Start-up time of `node backend/dist/main.js` on the embedded database with no demo data: cold
 * (a fresh data directory: initdb, start, migrations) and warm (the same directory again;
 * wants a second start ready in under 10 s). Timed from spawn until /api/health answers 200.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnApp } from './app-process.js';
import { summarise, type Summary } from './stats.js';

export interface StartFigures {
  cold: Summary;
  warm: Summary;
}

export async function benchStart(workDir: string, options: { runs: number }): Promise<StartFigures> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const dataDir = path.join(workDir, `start-${run}`);
    const env = { DEEPVALUE_DATA_DIR: dataDir, DEMO_DATA: '0', LOG_LEVEL: 'warn' };
    try {
      const first = await spawnApp({ env });
      cold.push(first.readyMs);
      await first.stop();
      const second = await spawnApp({ env });
      warm.push(second.readyMs);
      await second.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { cold: summarise(cold), warm: summarise(warm) };
}
