/**
 * Runs a real Neo4j Community 5.26 server as a child JVM on loopback, from the
 * jars that provision.ts cached. This is the same server the official
 * distribution starts (`org.neo4j.server.CommunityEntryPoint`), configured by a
 * minimal neo4j.conf written here.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { ensureNeo4jJars, findJava, LOCAL_NEO4J_ROOT, NEO4J_VERSION } from './provision.js';

interface LocalNeo4jOptions {
  /** Folder for data, logs and conf (created if missing). */
  home: string;
  boltPort: number;
  httpPort: number;
  /** Password of the `neo4j` user, set on first start. */
  password: string;
  /** JVM heap, e.g. '512m'. Small by default: a laptop or a 2-core CI box. */
  heap?: string;
  pageCache?: string;
  log?: (line: string) => void;
  /** How long to wait for Bolt to answer. */
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  boltUri: string;
  browserUrl: string;
  username: 'neo4j';
  password: string;
  /** True when this call started the JVM; false when it found one already serving these ports. */
  started: boolean;
  /** The JVM's process id when this call started it (fault tests kill it). */
  pid?: number;
  stop(): Promise<void>;
}

const DEFAULT_LOCAL_HOME = path.join(LOCAL_NEO4J_ROOT, 'dev');

/**
 * The data folder of the local Neo4j on `boltPort`: `.neo4j/dev` on the default
 * port, `.neo4j/dev-<port>` otherwise, so two local servers never share a store.
 */
export function localNeo4jHome(boltPort: number): string {
  return boltPort === 7687 ? DEFAULT_LOCAL_HOME : `${DEFAULT_LOCAL_HOME}-${boltPort}`;
}

function neo4jConf(o: Required<Omit<LocalNeo4jOptions, 'log' | 'startTimeoutMs'>>): string {
  return [
    '# Written by src/neo4j-local/server.ts on every start; edit that file, not this one.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=localhost',
    `server.bolt.listen_address=127.0.0.1:${o.boltPort}`,
    `server.bolt.advertised_address=localhost:${o.boltPort}`,
    `server.http.listen_address=127.0.0.1:${o.httpPort}`,
    `server.http.advertised_address=localhost:${o.httpPort}`,
    'server.https.enabled=false',
    `server.directories.data=${path.join(o.home, 'data')}`,
    `server.directories.logs=${path.join(o.home, 'logs')}`,
    `server.directories.run=${path.join(o.home, 'run')}`,
    `server.directories.import=${path.join(o.home, 'import')}`,
    `server.memory.pagecache.size=${o.pageCache}`,
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    // Keep the transaction log small: this is a development/test server.
    'db.tx_log.rotation.retention_policy=2 files',
    '',
  ].join('\n');
}

/** Resolves true when something accepts TCP connections on 127.0.0.1:port. */
export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

type BoltState = 'up' | 'down' | 'unauthorized';

async function boltState(uri: string, password: string): Promise<BoltState> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), {
    connectionTimeout: 2000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity();
    return 'up';
  } catch (error) {
    return error instanceof neo4j.Neo4jError && error.code.startsWith('Neo.ClientError.Security.')
      ? 'unauthorized'
      : 'down';
  } finally {
    await driver.close();
  }
}

/**
 * Starts the local Neo4j (or reuses one already answering on the same Bolt port
 * with the same credentials) and resolves once Bolt accepts queries.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  const o = {
    home: options.home,
    boltPort: options.boltPort,
    httpPort: options.httpPort,
    password: options.password,
    heap: options.heap ?? '512m',
    pageCache: options.pageCache ?? '128m',
  };
  const boltUri = `bolt://localhost:${o.boltPort}`;
  const browserUrl = `http://localhost:${o.httpPort}/browser/`;
  const base = { boltUri, browserUrl, username: 'neo4j' as const, password: o.password };

  if (await isPortOpen(o.boltPort)) {
    if ((await boltState(boltUri, o.password)) === 'up') {
      log(`Reusing the Neo4j already running at ${boltUri}.`);
      return { ...base, started: false, stop: async () => {} };
    }
    throw new Error(
      `Port ${o.boltPort} is taken by something that does not accept the configured Neo4j ` +
        'credentials. Stop it, or set NEO4J_URI / the port variables to use another.',
    );
  }
  if (await isPortOpen(o.httpPort)) {
    throw new Error(`Port ${o.httpPort} (Neo4j HTTP / Browser) is already in use.`);
  }

  const java = findJava();
  const libDir = await ensureNeo4jJars(log);
  const confDir = path.join(o.home, 'conf');
  for (const dir of ['conf', 'data', 'logs', 'run', 'import']) {
    mkdirSync(path.join(o.home, dir), { recursive: true });
  }
  writeFileSync(path.join(confDir, 'neo4j.conf'), neo4jConf(o));
  const env = { ...process.env, NEO4J_HOME: o.home, NEO4J_CONF: confDir };
  const classpath = `${libDir}/*`;

  // The initial password can only be set before the first start.
  if (!existsSync(path.join(o.home, 'data', 'dbms', 'auth.ini'))) {
    const admin = spawnSync(
      java,
      [
        '-cp',
        classpath,
        'org.neo4j.cli.AdminTool',
        'dbms',
        'set-initial-password',
        '--require-password-change=false',
        o.password,
      ],
      { env, encoding: 'utf8' },
    );
    if (admin.status !== 0) {
      throw new Error(`neo4j-admin set-initial-password failed:\n${admin.stdout}${admin.stderr}`);
    }
  }

  const logFile = path.join(o.home, 'logs', 'console.log');
  const out = openSync(logFile, 'a');
  log(`Starting Neo4j Community ${NEO4J_VERSION} (bolt ${o.boltPort}, http ${o.httpPort})…`);
  const child: ChildProcess = spawn(
    java,
    [
      `-Xms${o.heap}`,
      `-Xmx${o.heap}`,
      '-XX:+UseG1GC',
      '-XX:-OmitStackTraceInFastThrow',
      '-Dfile.encoding=UTF-8',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-cp',
      classpath,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${o.home}`,
      `--config-dir=${confDir}`,
    ],
    { env, stdio: ['ignore', out, out] },
  );

  let exited: number | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      resolve();
    });
  });

  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  for (;;) {
    const state = await boltState(boltUri, o.password);
    if (state === 'up') break;
    if (state === 'unauthorized') {
      // The store keeps the password it was created with; retrying cannot help.
      child.kill('SIGTERM');
      await exitPromise;
      throw new Error(
        `The local Neo4j in ${o.home} rejects the configured password: it keeps the one it was ` +
          `first started with. Set NEO4J_PASSWORD to that one, or delete ${o.home} to start afresh.`,
      );
    }
    if (exited !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(
        `Neo4j did not start (${exited !== null ? `exit ${exited}` : 'timed out'}). ` +
          `Last lines of ${logFile}:\n${tail}`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`Neo4j is up: ${boltUri}, Browser at ${browserUrl}`);

  return {
    ...base,
    started: true,
    pid: child.pid,
    // SIGTERM runs Neo4j's shutdown hook: a clean checkpoint, no recovery on next start.
    stop: async () => {
      if (exited !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}
