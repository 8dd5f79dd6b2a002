/**
 * The GraphQL-over-HTTP conformance audit of the `graphql-http` package, against the real server
 * in production mode: no MUST fails ("error") and no SHOULD is missed ("warn"). Introspection is
 * on because the audit's queries use `__type`. A missed MAY is a "notice" and allowed: the GET
 * ones are CSRF prevention refusing a GET that carries no preflight header, on purpose.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
});
afterAll(() => server?.close());

describe('graphql-http server audit', () => {
  for (const audit of serverAudits({ url: () => server.graphqlUrl })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      const reason = result.status === 'ok' ? undefined : result.reason;
      expect({ id: audit.id, failed: ['error', 'warn'].includes(result.status), reason }).toEqual({
        id: audit.id,
        failed: false,
        reason,
      });
    });
  }
});
