/**
 * docker-compose.yml and the Dockerfile, checked without a Docker engine:
 * the Compose file is valid against the Compose Specification's JSON schema
 * (vendored in tests/fixtures/compose/) and keeps the promises the README makes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig, type ConfigVariable } from '../../src/config.js';
import { PROJECT_ROOT } from '../../src/neo4j-local/provision.js';

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | number | boolean | null>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const composeText = readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText) as ComposeFile;
const neo4j = compose.services.neo4j!;
const api = compose.services.api!;

/** Compose's `${VAR:-default}` / `${VAR}` interpolation, as if no variable were set in the shell. */
function interpolateWithDefaults(value: string): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?::?-([^}]*))?\}/g,
    (_m, _name: string, def?: string) => def ?? '',
  );
}

/** The environment the api container gets from `docker compose up` with nothing set. */
function apiEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(api.environment ?? {}).map(([k, v]) => [
      k,
      interpolateWithDefaults(String(v ?? '')),
    ]),
  );
}

/** Host-side published ports, mapped to container ports ("127.0.0.1:7474:7474" → 7474). */
function containerPorts(service: Service): number[] {
  return (service.ports ?? []).map((p) => Number(p.split(':').at(-1)));
}

/**
 * The vendored Compose schema, compiled. It is written for draft 2019-09 but
 * names its meta-schema "http://…/schema#" (Ajv knows the https name) and
 * carries draft-04 style `id` annotations ("#/definitions/…") that Ajv 8
 * refuses; `$ref`s are JSON pointers and do not need them, so both go.
 */
function compileComposeSchema() {
  const schema = JSON.parse(
    readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/compose/compose-spec.json'), 'utf8'),
    (key, value: unknown) => (key === 'id' && typeof value === 'string' ? undefined : value),
  ) as Record<string, unknown>;
  delete schema.$schema;
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^((\d{1,3}\.){3}\d{1,3}:)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp))?$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d+$/);
  return ajv.compile(schema);
}

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification JSON schema', () => {
    const validate = compileComposeSchema();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema really rejects a broken file (the check has teeth)', () => {
    const validate = compileComposeSchema();
    const broken = structuredClone(compose) as unknown as {
      services: { api: Record<string, unknown> };
    };
    broken.services.api.depends_on = { neo4j: { condition: 'when_it_feels_like_it' } };
    expect(validate(broken)).toBe(false);
  });

  it('runs the official Neo4j 5.26 image with auth from the environment and named volumes', () => {
    expect(neo4j.image).toMatch(/^neo4j:5\.26(\.\d+)?(-community)?$/);
    expect(String(neo4j.environment?.NEO4J_AUTH)).toBe(
      'neo4j/${NEO4J_PASSWORD:-togys-dev-password}',
    );
    expect(containerPorts(neo4j).sort()).toEqual([7474, 7687]);
    const mounts = Object.fromEntries((neo4j.volumes ?? []).map((v) => v.split(':').reverse()));
    expect(mounts['/data']).toBe('neo4j-data');
    expect(mounts['/logs']).toBe('neo4j-logs');
    expect(Object.keys(compose.volumes ?? {})).toEqual(
      expect.arrayContaining(['neo4j-data', 'neo4j-logs']),
    );
  });

  it('health-checks Neo4j over Bolt with a query', () => {
    const test = neo4j.healthcheck?.test.join(' ') ?? '';
    expect(test).toMatch(/cypher-shell -a bolt:\/\/localhost:7687/);
    expect(test).toMatch(/'RETURN 1'/);
  });

  it('starts the API from the Dockerfile only once Neo4j is healthy, on port 4000', () => {
    expect(api.build?.dockerfile).toBe('Dockerfile');
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(containerPorts(api)).toEqual([4000]);
  });

  it('passes the API only variables config.ts reads, and every one a container can use', () => {
    const names = Object.keys(api.environment ?? {});
    const known = new Set<string>(CONFIG_VARIABLES);
    expect(names.filter((n) => !known.has(n))).toEqual([]);
    // The local-Neo4j ports only matter when NEO4J_URI is unset, never in a container.
    const localOnly: ConfigVariable[] = ['NEO4J_LOCAL_BOLT_PORT', 'NEO4J_LOCAL_HTTP_PORT'];
    const expected = CONFIG_VARIABLES.filter((n) => !localOnly.includes(n));
    expect(names.sort()).toEqual([...expected].sort());
  });

  it('gives the API a configuration config.ts accepts, pointing at the neo4j service', () => {
    const config = loadConfig(apiEnvironment());
    expect(config.neo4j.uri).toBe('bolt://neo4j:7687');
    expect(config.neo4j.password).toBe('togys-dev-password');
    expect(config.http).toMatchObject({ host: '0.0.0.0', port: 4000 });
    expect(config.seedOnStart).toBe(true);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('builds in one node:20-slim stage and runs in another', () => {
    const froms = instructions.filter((l) => l.startsWith('FROM '));
    expect(froms).toEqual(['FROM node:20-slim AS build', 'FROM node:20-slim AS runtime']);
    expect(instructions).toContain('RUN npm run build');
    expect(instructions.some((l) => /^RUN npm ci --omit=dev\b/.test(l))).toBe(true);
    expect(instructions).toContain('COPY --from=build /app/dist ./dist');
  });

  it('runs node dist/main.js as a non-root user, with a health check on /health', () => {
    const runtime = instructions.slice(instructions.indexOf('FROM node:20-slim AS runtime'));
    expect(runtime).toContain('USER node');
    expect(runtime.at(-1)).toBe('CMD ["node", "--max-semi-space-size=32", "dist/main.js"]');
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK'))).toMatch(/\/health/);
  });

  it('applies patches/ (patch-package) in both stages: copied in before npm ci, then run', () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.postinstall).toMatch(/^patch-package --error-on-fail\b/);
    expect(readdirSync(path.join(PROJECT_ROOT, 'patches')).some((f) => f.endsWith('.patch'))).toBe(
      true,
    );
    const runtimeAt = instructions.indexOf('FROM node:20-slim AS runtime');
    for (const stage of [instructions.slice(0, runtimeAt), instructions.slice(runtimeAt)]) {
      const copy = stage.indexOf('COPY patches ./patches');
      const install = stage.findIndex((l) => /^RUN npm ci\b/.test(l));
      expect(copy).toBeGreaterThanOrEqual(0);
      expect(copy).toBeLessThan(install);
      // npm ci runs the root postinstall itself, unless told --ignore-scripts: then it is run.
      const run = stage[install]!;
      if (/--ignore-scripts\b/.test(run)) expect(run).toMatch(/&& npm run postinstall\b/);
    }
  });

  it('ships what the app reads at run time: seeds and schema', () => {
    expect(instructions).toEqual(
      expect.arrayContaining(['COPY seeds ./seeds', 'COPY schema ./schema']),
    );
  });

  it('gets what it copies: .dockerignore keeps src, schema, seeds, patches and the lockfile in the context', () => {
    const ignored = readFileSync(path.join(PROJECT_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const copied = instructions
      .filter((l) => l.startsWith('COPY ') && !l.startsWith('COPY --from'))
      .flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(copied).toEqual(
      expect.arrayContaining(['src', 'schema', 'seeds', 'patches', 'package-lock.json']),
    );
    for (const source of copied) {
      expect(ignored.filter((pattern) => pattern === source || pattern === `${source}/`)).toEqual(
        [],
      );
    }
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.neo4j', '.git']));
  });
});
