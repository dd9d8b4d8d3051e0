/**
 * CPU seconds spent by an embedded PostgreSQL cluster's processes (the postmaster and its children:
 * backends, WAL writer, checkpointer…), read from /proc. On a shared machine wall time follows the
 * load; CPU seconds barely do, so the import reports both. Processes that exit in between are not
 * counted (short-lived autovacuum workers); null where /proc or the cluster is not readable.
 */
import fs from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = 100;

export function clusterCpuSeconds(pgDir: string | undefined): number | null {
  try {
    if (!pgDir) return null;
    const postmaster = Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let ticks = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // Fields after the command (which may hold spaces): state, ppid, … utime (14th), stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(entry) === postmaster || Number(fields[1]) === postmaster)
        ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
