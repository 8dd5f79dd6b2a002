/**
 * Provisions the jars of Neo4j Community 5.26 from Maven Central with `mvn`.
 *
 * Why Maven: where no Docker engine runs, Maven Central is the one place a
 * real Neo4j can come from. The jars are cached under `.neo4j/lib-<version>`
 * (git-ignored) so only the first run downloads anything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';

export const NEO4J_VERSION = '5.26.30';

export { PROJECT_ROOT };
export const LOCAL_NEO4J_ROOT = path.join(PROJECT_ROOT, '.neo4j');
// From the source tree, so it is found from dist/ too (tsc does not copy the POM).
const POM = path.join(PROJECT_ROOT, 'src', 'neo4j-local', 'pom.xml');

/** Thrown when the machine lacks what the local Neo4j needs; the message says what to install. */
export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

/** Returns the `java` executable to use (JAVA_HOME first), after checking it is Java 17 or 21. */
export function findJava(): string {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new MissingToolError(
      `Java was not found (tried "${java}"). The local Neo4j ${NEO4J_VERSION} needs Java 17 or 21: ` +
        'install a JDK (e.g. `apt-get install openjdk-17-jre-headless`) or set JAVA_HOME, ' +
        'or point NEO4J_URI at a Neo4j you run yourself (e.g. `docker compose up neo4j`).',
    );
  }
  const match = /version "(\d+)/.exec(probe.stderr);
  const major = match ? Number(match[1]) : NaN;
  if (major !== 17 && major !== 21) {
    throw new MissingToolError(
      `Neo4j ${NEO4J_VERSION} runs on Java 17 or 21, but "${java}" is Java ${Number.isNaN(major) ? '?' : major}. ` +
        'Set JAVA_HOME to a Java 17 or 21 installation.',
    );
  }
  return java;
}

function findMaven(): string {
  const probe = spawnSync('mvn', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new MissingToolError(
      'Maven (`mvn`) was not found. The first start of the local Neo4j downloads its jars from ' +
        'Maven Central with Maven: install it (e.g. `apt-get install maven`), ' +
        'or point NEO4J_URI at a Neo4j you run yourself (e.g. `docker compose up neo4j`).',
    );
  }
  return 'mvn';
}

/**
 * Ensures the Neo4j jars are in the cache and returns the folder holding them.
 * The download goes to a temporary folder renamed into place, so an interrupted
 * download never leaves a half-filled cache behind.
 */
export function ensureNeo4jJars(log: (line: string) => void = () => {}): string {
  const libDir = path.join(LOCAL_NEO4J_ROOT, `lib-${NEO4J_VERSION}`);
  if (existsSync(path.join(libDir, `neo4j-${NEO4J_VERSION}.jar`))) return libDir;

  const mvn = findMaven();
  mkdirSync(LOCAL_NEO4J_ROOT, { recursive: true });
  const staging = `${libDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  log(`Downloading Neo4j Community ${NEO4J_VERSION} from Maven Central (first run only)…`);
  const result = spawnSync(
    mvn,
    [
      '-q',
      '-B',
      '-f',
      POM,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${staging}`,
      '-DincludeScope=runtime',
      '-Dmdep.excludeTypes=pom',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0 || !existsSync(path.join(staging, `neo4j-${NEO4J_VERSION}.jar`))) {
    throw new Error(
      `Could not download Neo4j ${NEO4J_VERSION} with Maven (exit ${result.status}).\n` +
        `${result.stdout}\n${result.stderr}`.trim(),
    );
  }
  renameSync(staging, libDir);
  writeFileSync(
    path.join(libDir, 'PROVENANCE.txt'),
    `Resolved from Maven Central by ${path.relative(PROJECT_ROOT, POM)}\n`,
  );
  log(
    `Neo4j jars cached in ${path.relative(PROJECT_ROOT, libDir)} (${readdirSync(libDir).length} files).`,
  );
  return libDir;
}
