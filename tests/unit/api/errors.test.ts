/** The one place errors get their codes: driver errors, deadlines, armor's messages, internals. */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, createFormatError, mapResolverError } from '../../../src/api/errors.js';
import { DatabaseUnavailableError, OperationTimeoutError } from '../../../src/graph/executor.js';

const silent = pino({ level: 'silent' });

describe('mapResolverError', () => {
  it.each([
    [new neo4j.Neo4jError('down', neo4j.error.SERVICE_UNAVAILABLE, '', ''), 'SERVICE_UNAVAILABLE'],
    [new neo4j.Neo4jError('gone', neo4j.error.SESSION_EXPIRED, '', ''), 'SERVICE_UNAVAILABLE'],
    [
      new neo4j.Neo4jError(
        'slow',
        'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
        '',
        '',
      ),
      'TIMEOUT',
    ],
    [new OperationTimeoutError('late'), 'TIMEOUT'],
    [new DatabaseUnavailableError('no connection'), 'SERVICE_UNAVAILABLE'],
  ])('%s → %s', (error, code) => {
    expect(mapResolverError(error, 1000)?.extensions.code).toBe(code);
  });

  it('leaves GraphQL errors and unknown errors alone', () => {
    expect(mapResolverError(new BadUserInputError('first', 'is bad'), 1000)).toBeNull();
    expect(mapResolverError(new Error('bug'), 1000)).toBeNull();
  });
});

describe('formatError', () => {
  const format = (development: boolean) =>
    createFormatError({ timeoutMs: 1000, development, logger: silent });
  const internal: GraphQLFormattedError = {
    message: 'secret detail',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };

  it('hides the message of unexpected errors outside development', () => {
    expect(format(false)(internal, new Error('secret detail')).message).toBe(
      'Internal server error.',
    );
    expect(format(true)(internal, new Error('secret detail')).message).toBe('secret detail');
  });

  it('gives a driver error its code', () => {
    const formatted = format(false)(internal, new DatabaseUnavailableError('x'));
    expect(formatted.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(formatted.message).not.toContain('x');
  });

  it('restores GRAPHQL_PARSE_FAILED for syntax errors re-thrown by graphql-armor, and drops its prefix from limits', () => {
    const syntax = format(false)(
      {
        message: 'Syntax Error: Expected Name, found <EOF>.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      new GraphQLError('x'),
    );
    expect(syntax.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const limit = format(false)(
      {
        message: 'Syntax Error: Query depth limit of 5 exceeded, found 8.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      new GraphQLError('x'),
    );
    expect(limit).toMatchObject({
      message: 'Query depth limit of 5 exceeded, found 8.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
