/**
 * `npm ci` on the Node the README promises prints no EBADENGINE warning: every package the lock
 * file installs accepts the floor of package.json's `engines.node`. npm warns per package whose
 * range the running Node misses, so a dependency that moves on to a newer Node fails here with
 * its name (pin it, or override it in package.json `overrides`, to a release that still
 * supports the floor).
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface PackageJson {
  engines: { node: string };
}
interface LockedPackage {
  version?: string;
  engines?: Record<string, string> | string[];
}
interface LockFile {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as LockFile;
const floor = semver.minVersion(pkg.engines.node)!.version;

/** The Node versions npm is to stay quiet on: the floor, and this machine's if it is supported. */
const nodes = [
  floor,
  ...(semver.satisfies(process.version, pkg.engines.node) ? [process.version] : []),
];

/** Each installed package's `engines.node` range ('' for the project itself). */
function nodeRanges(): Array<{ name: string; range: string }> {
  return Object.entries(lock.packages).flatMap(([path, entry]) => {
    const engines = entry.engines;
    // A few old packages declare engines as an array of strings, which npm does not check.
    if (!engines || Array.isArray(engines) || typeof engines.node !== 'string') return [];
    return [{ name: `${path || '(root)'}@${entry.version ?? ''}`, range: engines.node }];
  });
}

describe('engines', () => {
  it("the README's Node floor is package.json's", () => {
    const readme = readFileSync('README.md', 'utf8');
    const stated = /Node\.js ≥ (\d+\.\d+)/.exec(readme)?.[1];
    expect(stated, 'README.md states "Node.js ≥ x.y"').toBeDefined();
    expect(semver.minVersion(stated!)!.version).toBe(floor);
  });

  it('the lock file is npm 7+ (its packages carry their engines)', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(nodeRanges().length).toBeGreaterThan(100);
  });

  it.each(nodes)('every locked package accepts Node %s (npm ci prints no EBADENGINE)', (node) => {
    const refusing = nodeRanges()
      .filter(({ range }) => !semver.satisfies(node, range))
      .map(({ name, range }) => `${name} wants node ${range}`);
    expect(refusing).toEqual([]);
  });
});
