import { describe, expect, it } from '@jest/globals';
import os from 'node:os';
import { loadBenchConfig } from './bench-config.js';

describe('bench settings', () => {
  it('defaults to the embedded database in the system temporary directory and the Debian chromium', () => {
    expect(loadBenchConfig({ PATH: '/usr/bin', HOME: '/root', SECRET: 'x' })).toEqual({
      dataDir: undefined,
      workDir: os.tmpdir(),
      databaseUrl: undefined,
      appNodeArgs: [],
      chromiumPath: '/usr/bin/chromium',
      inherited: { PATH: '/usr/bin', HOME: '/root' },
    });
  });

  it('reads each BENCH_ variable, splitting the Node flags on spaces', () => {
    const config = loadBenchConfig({
      BENCH_DATA_DIR: '/work/kept',
      BENCH_WORK_DIR: '/work/bench',
      BENCH_DATABASE_URL: 'postgres://postgres@127.0.0.1:9700/bench',
      BENCH_APP_NODE_ARGS: '--cpu-prof  --cpu-prof-dir=/tmp/prof',
      CHROMIUM_PATH: '/opt/chromium',
    });
    expect(config).toMatchObject({
      dataDir: '/work/kept',
      workDir: '/work/bench',
      databaseUrl: 'postgres://postgres@127.0.0.1:9700/bench',
      appNodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'],
      chromiumPath: '/opt/chromium',
      inherited: { PATH: '', HOME: '' },
    });
  });
});
