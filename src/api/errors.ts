/**
 * Every error the API returns on purpose, with the `extensions.code` clients branch on, and the
 * one place driver and Neo4j errors are mapped to those codes.
 *
 * Codes: the standard Apollo ones (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
 * BAD_USER_INPUT, INTERNAL_SERVER_ERROR) plus SERVICE_UNAVAILABLE (Neo4j cannot be reached; retry
 * later) and TIMEOUT (the operation exceeded its time budget; ask for less).
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import neo4j from 'neo4j-driver';
import { DatabaseUnavailableError, OperationTimeoutError } from '../graph/executor.js';
import type { Logger } from '../logger.js';

const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Timeout: 'TIMEOUT',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
} as const;

/** An invalid argument: the message names the argument, `extensions.argument` holds its name. */
export class BadUserInputError extends GraphQLError {
  constructor(argument: string, problem: string) {
    super(`Argument "${argument}" ${problem}.`, {
      extensions: { code: ErrorCode.BadUserInput, argument },
    });
  }
}

class ServiceUnavailableError extends GraphQLError {
  constructor() {
    super('The graph database is unavailable; try again shortly.', {
      extensions: { code: ErrorCode.ServiceUnavailable },
    });
  }
}

class TimeoutError extends GraphQLError {
  constructor(timeoutMs: number) {
    super(
      `The operation took longer than its ${timeoutMs} ms limit; ask for fewer or smaller fields.`,
      { extensions: { code: ErrorCode.Timeout } },
    );
  }
}

const UNAVAILABLE_DRIVER_CODES = new Set([
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Security.Unauthorized',
]);

const TIMEOUT_DRIVER_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.Terminated',
]);

/** Maps an error raised while resolving to what the client should see, or null to keep it. */
export function mapResolverError(error: unknown, timeoutMs: number): GraphQLError | null {
  if (error instanceof GraphQLError) return null;
  if (error instanceof OperationTimeoutError) return new TimeoutError(timeoutMs);
  if (error instanceof DatabaseUnavailableError) return new ServiceUnavailableError();
  if (error instanceof neo4j.Neo4jError) {
    if (UNAVAILABLE_DRIVER_CODES.has(error.code)) return new ServiceUnavailableError();
    if (TIMEOUT_DRIVER_CODES.has(error.code)) return new TimeoutError(timeoutMs);
  }
  return null;
}

/**
 * Apollo's formatError: driver errors get their code; any other unexpected error is reported as
 * INTERNAL_SERVER_ERROR without its message outside development (it may leak internals). With
 * `hideSuggestions` (introspection off), no message suggests names: "Did you mean …?" would map
 * the schema that introspection hides.
 */
export function createFormatError(options: {
  timeoutMs: number;
  development: boolean;
  hideSuggestions: boolean;
  logger: Logger;
}) {
  const format = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const mapped = mapResolverError(original, options.timeoutMs);
    if (mapped) {
      return {
        ...formatted,
        message: mapped.message,
        extensions: { ...formatted.extensions, ...mapped.extensions },
      };
    }
    if (formatted.message === VALIDATION_ABORTED) {
      return { ...formatted, message: VALIDATION_ABORTED_EXPLAINED };
    }
    const limit = withoutArmorPrefix(formatted);
    if (limit) return limit;
    const enumFixed = fixEnumLiteralError(formatted, original);
    if (enumFixed) return enumFixed;
    const code = formatted.extensions?.code;
    if (code === ErrorCode.InternalServerError) {
      options.logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
      if (!options.development) return { ...formatted, message: 'Internal server error.' };
    }
    return formatted;
  };
  if (!options.hideSuggestions) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return { ...result, message: withoutSuggestions(result.message) };
  };
}

/** graphql-js gives up checking that fields merge when a document repeats them too often. */
const VALIDATION_ABORTED = 'Validation aborted.';
const VALIDATION_ABORTED_EXPLAINED =
  'Validation aborted: the document repeats or overlaps fields too often to be checked; ' +
  'ask for each field once.';

/** graphql-js's suggestions: ` Did you mean "a", "b" or "c"?`, `… the enum value "X"?`, … */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '').trimEnd();
}

/** graphql-armor's limit messages; it prefixes them "Syntax Error:" as if parsing had failed. */
const ARMOR_LIMIT = /^Syntax Error: (.*limit of [\d.]+ exceeded.*)$/is;

/** An armor limit (depth, aliases, directives) stays GRAPHQL_VALIDATION_FAILED, unprefixed. */
function withoutArmorPrefix(formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  if (formatted.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED') return null;
  const limit = ARMOR_LIMIT.exec(formatted.message)?.[1];
  return limit ? { ...formatted, message: limit } : null;
}

const UNKNOWN_ENUM_LITERAL = /^Value "[^"]*" does not exist in "[^"]+" enum\./;

/**
 * An unknown enum value written in the document (`name(lang: FR)`) is a bad argument like an
 * unknown value in a variable (which Apollo reports as BAD_USER_INPUT): report it the same way,
 * naming the argument, read from the text just before the value.
 */
function fixEnumLiteralError(
  formatted: GraphQLFormattedError,
  original: unknown,
): GraphQLFormattedError | null {
  if (formatted.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED') return null;
  if (!UNKNOWN_ENUM_LITERAL.test(formatted.message)) return null;
  // Duck-typed: Apollo and this module may see different copies of graphql-js (e.g. in tests).
  const located = original as {
    nodes?: ReadonlyArray<{ loc?: { start: number } }>;
    source?: { body: string };
  } | null;
  const start = located?.nodes?.[0]?.loc?.start;
  const body = located?.source?.body;
  const argument =
    start !== undefined && body
      ? (/(\w+)\s*:\s*\[?[\s\w,]*$/.exec(body.slice(0, start))?.[1] ?? null)
      : null;
  return {
    ...formatted,
    message: argument ? `Argument "${argument}": ${formatted.message}` : formatted.message,
    extensions: {
      ...formatted.extensions,
      code: ErrorCode.BadUserInput,
      ...(argument ? { argument } : {}),
    },
  };
}
