/**
 * Structured logs: one JSON line per event (what log collectors read), or
 * human-readable lines through pino-pretty when a developer watches a terminal.
 */
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type { AppConfig } from './config.js';

export type { Logger } from 'pino';

export function createLogger(
  config: Pick<AppConfig, 'logLevel' | 'nodeEnv'>,
  options: { pretty?: boolean } = {},
): Logger {
  // pino-pretty is a dev dependency: only asked for in development, on a terminal,
  // and only if installed (a production image omits it).
  const pretty =
    options.pretty ??
    (config.nodeEnv === 'development' && process.stdout.isTTY && isInstalled('pino-pretty'));
  const baseOptions = {
    name: 'togys',
    level: config.logLevel,
    // Never log credentials, even if an object carrying them is logged by mistake.
    redact: { paths: ['password', '*.password', 'neo4j.password'], censor: '[redacted]' },
  };
  if (pretty) {
    return pino({
      ...baseOptions,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
      },
    });
  }
  // Synchronous writes: pino's default async stdout can reorder the last lines
  // written before process.exit (seen with shutdown logs).
  return pino(baseOptions, pino.destination({ dest: 1, sync: true }));
}

function isInstalled(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}
