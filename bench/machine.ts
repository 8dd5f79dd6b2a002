/** The machine and software versions a result was measured on. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Driver } from 'neo4j-driver';
import type { MachineInfo } from './results.js';

const PACKAGES = [
  '@apollo/server',
  '@neo4j/graphql',
  'neo4j-driver',
  'graphql',
  'fastify',
  'autocannon',
  'dataloader',
];

function installedVersion(name: string): string {
  try {
    const pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return 'not installed';
  }
}

export async function machineInfo(
  driver: Driver,
  heap: string,
  pageCache: string,
  loadAtStart: number,
): Promise<MachineInfo> {
  const { records } = await driver.executeQuery(
    'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS v, edition',
  );
  const r = records[0];
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    neo4j: r ? `${r.get('name')} ${r.get('v')} ${r.get('edition')}` : 'unknown',
    neo4jHeap: heap,
    neo4jPageCache: pageCache,
    packages: Object.fromEntries(PACKAGES.map((p) => [p, installedVersion(p)])),
    loadAverage: { start: loadAtStart, end: Math.round(os.loadavg()[0]! * 100) / 100 },
  };
}
