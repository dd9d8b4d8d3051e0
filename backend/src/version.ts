import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './config/config.js';

/** The software version (root package.json), named in health, logs and evidence-pack manifests. */
export const VERSION: string = (() => {
  try {
    return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
  } catch {
    return '0.0.0';
  }
})();
