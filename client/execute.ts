/**
 * The typed client's one function: POSTs an operation generated from docs/queries/
 * (client/generated/) to a togys GraphQL endpoint and returns its data, typed by the operation.
 * Plain `fetch`, no client library; GraphQL errors throw with their codes.
 */
import type { TypedDocumentString } from './generated/graphql.js';

interface GraphQLAnswer<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function execute<TData, TVariables>(
  url: string,
  operation: TypedDocumentString<TData, TVariables>,
  // An operation without variables takes none; one with variables requires them.
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TData> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: operation.toString(), variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer<TData>;
  if (answer.errors?.length || !answer.data) {
    const errors = answer.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
    throw new Error(`${url} answered ${response.status}: ${errors?.join('; ') ?? 'no data'}`);
  }
  return answer.data;
}
