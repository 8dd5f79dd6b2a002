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
    createFormatError({ timeoutMs: 1000, development, hideSuggestions: false, logger: silent });
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

  it("drops graphql-armor's parse-error prefix from its limit messages", () => {
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

  it('removes every "Did you mean" suggestion when asked to (introspection off)', () => {
    const hiding = createFormatError({
      timeoutMs: 1000,
      development: false,
      hideSuggestions: true,
      logger: silent,
    });
    const cases = [
      [
        'Cannot query field "peopl" on type "Query". Did you mean "people"?',
        'Cannot query field "peopl" on type "Query".',
      ],
      [
        'Value "NOPE" does not exist in "PersonOrderField" enum. Did you mean the enum value "NAME"?',
        'Value "NOPE" does not exist in "PersonOrderField" enum.',
      ],
      [
        'Unknown argument "frist". Did you mean "first", "after" or "last"?',
        'Unknown argument "frist".',
      ],
    ];
    for (const [message, expected] of cases) {
      const formatted = hiding(
        { message: message!, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        new GraphQLError(message!),
      );
      expect(formatted.message).toBe(expected);
    }
  });
});
