/**
 * The service's configuration: `process.env` parsed once, validated, frozen.
 *
 * Every variable the service reads is a key of `ENV_SCHEMA` below, with what it
 * expects in words; `CONFIG_VARIABLES` is derived from it, so docs and the
 * docker-compose check cannot drift from what the code reads. A bad value
 * never starts the service: `loadConfig` throws one `ConfigError` listing every
 * problem, each naming the variable, what it expects and what it got.
 */
import bytes from 'bytes';
import { z } from 'zod';

const NEO4J_URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
const NODE_ENVS = ['development', 'production', 'test'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** The password of the local Neo4j that `npm start` provisions when NEO4J_URI is unset. */
export const LOCAL_NEO4J_DEFAULT_PASSWORD = 'togys-dev-password';

export type NodeEnv = (typeof NODE_ENVS)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  nodeEnv: NodeEnv;
  logLevel: LogLevel;
  /** Seed the `seeds/` corpus before serving. */
  seedOnStart: boolean;
  neo4j: {
    /** null: no external Neo4j; `npm start` runs the local one on `local.boltPort`. */
    uri: string | null;
    username: string;
    password: string;
    database: string;
    local: { boltPort: number; httpPort: number };
  };
  http: {
    host: string;
    /** 0 picks a free port (tests). */
    port: number;
    /** '*' or exact origins. */
    corsOrigins: '*' | readonly string[];
    /** Largest request body, in bytes (REQUEST_BODY_LIMIT, e.g. `100kb`, parsed). */
    bodyLimitBytes: number;
  };
  graphql: {
    introspection: boolean;
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    /** Most lexical tokens in a document: parsing stops there (GRAPHQL_PARSE_FAILED). */
    maxTokens: number;
    maxPageSize: number;
    operationTimeoutMs: number;
  };
}

/** A bad environment: `problems` has one line per variable, the message all of them. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

// ---- variable parsers (private) ----

/** Unset and empty are the same: compose files often pass `VAR=` for "not given". */
const optionalString = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().optional(),
);

const int = (min: number, max: number) =>
  optionalString.pipe(
    z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max)).optional(),
  );

const bool = optionalString.pipe(z.stringbool().optional());

const neo4jUri = optionalString.pipe(
  z
    .string()
    .refine((value) => {
      try {
        const url = new URL(value);
        return NEO4J_URI_SCHEMES.includes(url.protocol.replace(/:$/, '')) && url.hostname !== '';
      } catch {
        return false;
      }
    })
    .optional(),
);

const corsOrigins = optionalString.pipe(
  z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()))
    .refine(
      (list) =>
        (list.length === 1 && list[0] === '*') ||
        list.every((o) => {
          try {
            return /^https?:$/.test(new URL(o).protocol) && new URL(o).origin === o;
          } catch {
            return false;
          }
        }),
    )
    .optional(),
);

/** A size as `bytes` reads it (`100kb`, `1.5mb`, `20000`), in bytes; at least 1. */
const byteSize = optionalString.pipe(
  z
    .string()
    .regex(/^\d+(\.\d+)?\s*(b|kb|mb)?$/i)
    .transform((v) => bytes.parse(v.replace(/\s+/g, '')))
    .pipe(z.number().int().min(1))
    .optional(),
);

/**
 * Each variable: how it is parsed, and what it expects, in the words the error
 * message uses. The keys are exactly the variables the service reads.
 */
const ENV_SCHEMA = {
  NODE_ENV: {
    schema: optionalString.pipe(z.enum(NODE_ENVS).optional()),
    expects: `one of ${NODE_ENVS.join(', ')}`,
  },
  LOG_LEVEL: {
    schema: optionalString.pipe(z.enum(LOG_LEVELS).optional()),
    expects: `one of ${LOG_LEVELS.join(', ')}`,
  },
  SEED_ON_START: { schema: bool, expects: 'a boolean (true/false, 1/0, yes/no)' },
  NEO4J_URI: {
    schema: neo4jUri,
    expects: `a URI with scheme ${NEO4J_URI_SCHEMES.join(', ')} and a host, e.g. neo4j+s://xxxx.databases.neo4j.io`,
  },
  NEO4J_USERNAME: { schema: optionalString, expects: 'a user name' },
  NEO4J_PASSWORD: { schema: optionalString, expects: 'a password' },
  NEO4J_DATABASE: {
    schema: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/)
        .optional(),
    ),
    expects: 'a Neo4j database name (3–63 letters, digits, dots, dashes; starts with a letter)',
  },
  NEO4J_LOCAL_BOLT_PORT: { schema: int(1, 65535), expects: 'a TCP port 1–65535' },
  NEO4J_LOCAL_HTTP_PORT: { schema: int(1, 65535), expects: 'a TCP port 1–65535' },
  PORT: { schema: int(0, 65535), expects: 'a TCP port 0–65535 (0: any free port)' },
  HOST: {
    schema: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9.:[\]-]+$/)
        .optional(),
    ),
    expects: 'a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0',
  },
  CORS_ORIGINS: {
    schema: corsOrigins,
    expects:
      '* or a comma-separated list of origins such as https://example.org,http://localhost:3000',
  },
  GRAPHQL_INTROSPECTION: { schema: bool, expects: 'a boolean (true/false, 1/0, yes/no)' },
  GRAPHQL_MAX_DEPTH: { schema: int(1, 100), expects: 'an integer 1–100' },
  GRAPHQL_MAX_COST: { schema: int(1, 1_000_000), expects: 'an integer 1–1000000' },
  GRAPHQL_MAX_ALIASES: { schema: int(1, 1000), expects: 'an integer 1–1000' },
  GRAPHQL_MAX_TOKENS: { schema: int(10, 1_000_000), expects: 'an integer 10–1000000' },
  GRAPHQL_MAX_PAGE_SIZE: { schema: int(1, 10_000), expects: 'an integer 1–10000' },
  REQUEST_BODY_LIMIT: {
    schema: byteSize,
    expects: 'a size such as 100kb, 1mb or 20000 (bytes)',
  },
  OPERATION_TIMEOUT_MS: { schema: int(1, 600_000), expects: 'milliseconds, an integer 1–600000' },
} as const;

export type ConfigVariable = keyof typeof ENV_SCHEMA;

/** Every environment variable the service reads (derived from the schema above). */
export const CONFIG_VARIABLES = Object.freeze(Object.keys(ENV_SCHEMA) as ConfigVariable[]);

const envObject = z.object(
  Object.fromEntries(Object.entries(ENV_SCHEMA).map(([name, v]) => [name, v.schema])) as {
    [K in ConfigVariable]: (typeof ENV_SCHEMA)[K]['schema'];
  },
);

function isGiven(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function describeValue(value: string | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Parses and validates `env` (pure: no side effects) into a frozen `AppConfig`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envObject.safeParse(env);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error?.issues ?? []) {
    const name = String(issue.path[0]) as ConfigVariable;
    if (seen.has(name)) continue;
    seen.add(name);
    problems.push(`${name}: expected ${ENV_SCHEMA[name].expects}, got ${describeValue(env[name])}`);
  }
  if (isGiven(env.NEO4J_URI) && !isGiven(env.NEO4J_PASSWORD)) {
    problems.push(
      'NEO4J_PASSWORD: expected the password of the Neo4j at NEO4J_URI, got nothing ' +
        `(the default "${LOCAL_NEO4J_DEFAULT_PASSWORD}" is only for the local Neo4j)`,
    );
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const e = parsed.data;
  const nodeEnv = e.NODE_ENV ?? 'development';
  const cors = e.CORS_ORIGINS ?? ['*'];

  const config: AppConfig = {
    nodeEnv,
    logLevel: e.LOG_LEVEL ?? 'info',
    seedOnStart: e.SEED_ON_START ?? true,
    neo4j: {
      uri: e.NEO4J_URI ?? null,
      username: e.NEO4J_USERNAME ?? 'neo4j',
      password: e.NEO4J_PASSWORD ?? LOCAL_NEO4J_DEFAULT_PASSWORD,
      database: e.NEO4J_DATABASE ?? 'neo4j',
      local: {
        boltPort: e.NEO4J_LOCAL_BOLT_PORT ?? 7687,
        httpPort: e.NEO4J_LOCAL_HTTP_PORT ?? 7474,
      },
    },
    http: {
      host: e.HOST ?? '127.0.0.1',
      port: e.PORT ?? 4000,
      corsOrigins: cors.length === 1 && cors[0] === '*' ? '*' : Object.freeze(cors),
      bodyLimitBytes: e.REQUEST_BODY_LIMIT ?? 100 * 1024,
    },
    graphql: {
      introspection: e.GRAPHQL_INTROSPECTION ?? nodeEnv !== 'production',
      // A connection puts its items two levels down (edges, node): 14 lets a list → a person →
      // a page of their meetings → what was discussed through, as 12 did with plain lists.
      maxDepth: e.GRAPHQL_MAX_DEPTH ?? 14,
      maxCost: e.GRAPHQL_MAX_COST ?? 5000,
      maxAliases: e.GRAPHQL_MAX_ALIASES ?? 15,
      maxTokens: e.GRAPHQL_MAX_TOKENS ?? 1000,
      maxPageSize: e.GRAPHQL_MAX_PAGE_SIZE ?? 100,
      operationTimeoutMs: e.OPERATION_TIMEOUT_MS ?? 10_000,
    },
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}
