/**
 * Every installed package accepts the Node.js the project runs on, and the README, the root
 * `engines` and the lockfile agree: `npm ci` prints no EBADENGINE warning on a supported Node.
 */
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

describe('supported Node.js versions', () => {
  const engines: string = read('package.json').engines.node;
  const lowest = semver.minVersion(engines)!.version;

  it('runs on a Node the root engines field allows', () => {
    expect(semver.satisfies(process.version, engines)).toBe(true);
  });

  it('says the same lowest version in the README', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`Node.js ${lowest.replace(/\.0$/, '')} or later`);
  });

  it.each([lowest, process.version])('has no installed package that refuses Node %s', (node) => {
    const packages: Record<string, { engines?: { node?: string } | string[] }> = read('package-lock.json').packages;
    const refusing = Object.entries(packages)
      .filter(([, p]) => p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(node, (p.engines as { node: string }).node, { includePrerelease: true }))
      .map(([name, p]) => `${name} wants ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
