/**
 * The schema's scalars. `Date` is graphql-scalars' RFC 3339 full-date. `DateTime` validates like
 * graphql-scalars' but keeps the instant's own UTC offset on output (`2022-08-25T23:33:00+06:00`,
 * as the article dates it) instead of converting it to UTC.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';

const RFC3339_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

function checkDateTime(value: unknown): string {
  if (typeof value !== 'string' || !RFC3339_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(
      `DateTime must be an RFC 3339 date-time with an offset, e.g. 2022-08-25T23:33:00+06:00; got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export const DateScalar = DateResolver;

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: DateTimeResolver.description,
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
  serialize: checkDateTime,
  parseValue: checkDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be given as a string');
    return checkDateTime(ast.value);
  },
});
