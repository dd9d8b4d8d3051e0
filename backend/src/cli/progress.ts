/** A progress bar on stderr when it is a terminal; occasional plain lines otherwise. */
export function progressBar(log: (message: string) => void) {
  const tty = Boolean(process.stderr.isTTY);
  let lastLine = 0;
  const update = (label: string, fraction: number, cases: number) => {
    const pct = Math.min(100, Math.round(fraction * 100));
    if (tty) {
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      process.stderr.write(
        `\r${label.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${cases} cases`,
      );
    } else if (Date.now() - lastLine > 5000) {
      lastLine = Date.now();
      log(`${label}: ${pct}% (${cases} cases)`);
    }
  };
  return Object.assign(update, {
    done: () => {
      if (tty) process.stderr.write('\n');
    },
  });
}
