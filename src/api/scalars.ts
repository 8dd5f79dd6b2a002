/**
 * The schema's scalars, ISO-8601 strings both ways (graphql-scalars' would turn inputs into JS
 * Dates and outputs into UTC). `Date`: RFC 3339 full-date, a real calendar day. `DateTime`: RFC
 * 3339 date-time that keeps the instant's own UTC offset (`2022-08-25T23:33:00+06:00`, as the
 * article dates it).
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';

const RFC3339_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

function checkDateTime(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !RFC3339_DATE_TIME.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw new GraphQLError(
      `DateTime must be an RFC 3339 date-time with an offset, e.g. 2022-08-25T23:33:00+06:00; got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(value: unknown): string {
  const match = typeof value === 'string' ? FULL_DATE.exec(value) : null;
  const day = match ? new Date(`${value as string}T00:00:00Z`) : null;
  if (!match || !day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(
      `Date must be a calendar day as YYYY-MM-DD, e.g. 2022-08-25; got ${JSON.stringify(value)}`,
    );
  }
  return value as string;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: DateResolver.description,
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
  serialize: checkDate,
  parseValue: checkDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be given as a string');
    return checkDate(ast.value);
  },
});

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
