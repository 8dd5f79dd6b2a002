import { describe, expect, it } from 'vitest';
import {
  CONFIG_VARIABLES,
  ConfigError,
  LOCAL_NEO4J_DEFAULT_PASSWORD,
  loadConfig,
  type ConfigVariable,
} from '../../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'development',
      logLevel: 'info',
      seedOnStart: true,
      neo4j: {
        uri: null,
        username: 'neo4j',
        password: LOCAL_NEO4J_DEFAULT_PASSWORD,
        database: 'neo4j',
        local: { boltPort: 7687, httpPort: 7474 },
      },
      http: { host: '127.0.0.1', port: 4000, corsOrigins: '*', bodyLimitBytes: 102_400 },
      graphql: {
        introspection: true,
        maxDepth: 14,
        maxCost: 5000,
        maxAliases: 15,
        maxTokens: 1000,
        maxPageSize: 100,
        operationTimeoutMs: 10000,
      },
    });
  });

  it('treats empty values as unset (compose passes VAR= for "not given")', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: ' ', LOG_LEVEL: '' })).toEqual(loadConfig({}));
  });

  it('turns introspection off by default in production, and lets it be forced on', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.introspection).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection,
    ).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).graphql.introspection).toBe(true);
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.neo4j.local)).toBe(true);
    expect(Object.isFrozen(config.graphql)).toBe(true);
  });

  it('reads process.env when called without an argument', () => {
    expect(loadConfig().http.port).toBe(loadConfig({ ...process.env }).http.port);
  });
});

describe('loadConfig accepts', () => {
  it.each(['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'])(
    'a %s:// NEO4J_URI',
    (scheme) => {
      const uri = `${scheme}://db.example.org:7687`;
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'x' }).neo4j.uri).toBe(uri);
    },
  );

  it('every value it documents', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      SEED_ON_START: 'no',
      NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io',
      NEO4J_USERNAME: 'reader',
      NEO4J_PASSWORD: 's3cret',
      NEO4J_DATABASE: 'news-kk',
      NEO4J_LOCAL_BOLT_PORT: '17001',
      NEO4J_LOCAL_HTTP_PORT: '17002',
      PORT: '8080',
      HOST: '0.0.0.0',
      CORS_ORIGINS: 'https://news.example, http://localhost:3000',
      GRAPHQL_INTROSPECTION: '1',
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_COST: '900',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_TOKENS: '4000',
      GRAPHQL_MAX_PAGE_SIZE: '50',
      REQUEST_BODY_LIMIT: '1MB',
      OPERATION_TIMEOUT_MS: '2500',
    });
    expect(config).toEqual({
      nodeEnv: 'production',
      logLevel: 'debug',
      seedOnStart: false,
      neo4j: {
        uri: 'neo4j+s://abcd1234.databases.neo4j.io',
        username: 'reader',
        password: 's3cret',
        database: 'news-kk',
        local: { boltPort: 17001, httpPort: 17002 },
      },
      http: {
        host: '0.0.0.0',
        port: 8080,
        corsOrigins: ['https://news.example', 'http://localhost:3000'],
        bodyLimitBytes: 1_048_576,
      },
      graphql: {
        introspection: true,
        maxDepth: 8,
        maxCost: 900,
        maxAliases: 5,
        maxTokens: 4000,
        maxPageSize: 50,
        operationTimeoutMs: 2500,
      },
    });
  });

  it.each([
    ['20000', 20_000],
    ['1.5 kb', 1536],
    ['100KB', 102_400],
    ['2mb', 2_097_152],
  ])('REQUEST_BODY_LIMIT=%s as %d bytes', (value, expected) => {
    expect(loadConfig({ REQUEST_BODY_LIMIT: value }).http.bodyLimitBytes).toBe(expected);
  });

  it('rejects a REQUEST_BODY_LIMIT under one byte', () => {
    expect(() => loadConfig({ REQUEST_BODY_LIMIT: '0.5b' })).toThrow(/REQUEST_BODY_LIMIT/);
  });
});

// One bad value per variable; each must be reported under its own name.
const BAD_VALUES: Record<ConfigVariable, string> = {
  NODE_ENV: 'staging',
  LOG_LEVEL: 'verbose',
  SEED_ON_START: 'maybe',
  NEO4J_URI: 'http://localhost:7474',
  NEO4J_USERNAME: '',
  NEO4J_PASSWORD: '',
  NEO4J_DATABASE: 'no spaces allowed',
  NEO4J_LOCAL_BOLT_PORT: '70000',
  NEO4J_LOCAL_HTTP_PORT: '0',
  PORT: '-1',
  HOST: 'local host',
  CORS_ORIGINS: 'news.example',
  GRAPHQL_INTROSPECTION: 'sometimes',
  GRAPHQL_MAX_DEPTH: '0',
  GRAPHQL_MAX_COST: '1.5',
  GRAPHQL_MAX_ALIASES: 'many',
  GRAPHQL_MAX_TOKENS: '5',
  GRAPHQL_MAX_PAGE_SIZE: '100000',
  REQUEST_BODY_LIMIT: 'huge',
  OPERATION_TIMEOUT_MS: '10s',
};

describe('loadConfig rejects', () => {
  // Username and password have no invalid non-empty value; empty means "use the default".
  const checked = CONFIG_VARIABLES.filter((name) => BAD_VALUES[name] !== '');

  it.each(checked)('a bad %s, naming it, what it expects and the value', (name) => {
    const problems = problemsOf({ NEO4J_PASSWORD: 'x', [name]: BAD_VALUES[name] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^${name}: expected .+, got ${JSON.stringify(BAD_VALUES[name]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
      ),
    );
  });

  it('reports every bad variable at once, in one ConfigError message', () => {
    const env = Object.fromEntries(checked.map((name) => [name, BAD_VALUES[name]]));
    const problems = problemsOf({ ...env, NEO4J_PASSWORD: 'x' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(checked);
    expect(() => loadConfig(env)).toThrow(
      /Invalid configuration:\n {2}- NODE_ENV: expected one of/,
    );
  });

  it('an external NEO4J_URI without NEO4J_PASSWORD', () => {
    expect(problemsOf({ NEO4J_URI: 'bolt://db:7687' })).toEqual([
      expect.stringMatching(/^NEO4J_PASSWORD: expected the password of the Neo4j at NEO4J_URI/),
    ]);
  });

  it.each([
    ['NEO4J_URI', 'bolt://'],
    ['NEO4J_URI', 'not a uri'],
    ['PORT', '4000.5'],
    ['PORT', '65536'],
    ['CORS_ORIGINS', 'https://ok.example,https://ok.example/path'],
    ['CORS_ORIGINS', '*,https://ok.example'],
    ['SEED_ON_START', 'TRUE!'],
  ])('%s=%s', (name, value) => {
    const problems = problemsOf({ [name]: value, NEO4J_PASSWORD: 'x' });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name}: expected`))]);
  });
});

describe('CONFIG_VARIABLES', () => {
  it('lists every variable loadConfig reads, each once', () => {
    expect(new Set(CONFIG_VARIABLES).size).toBe(CONFIG_VARIABLES.length);
    expect([...CONFIG_VARIABLES].sort()).toEqual(Object.keys(BAD_VALUES).sort());
  });
});
