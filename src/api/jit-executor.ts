/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter: each distinct
 * operation is compiled once into a JavaScript function that walks its selection directly.
 * Same schema, same resolvers, same results (tests/integration/api-jit.test.ts compares the two
 * on every documented query); far less CPU per object on a big answer (bench/: the nested
 * question returns ~3,000 objects).
 *
 * Apollo Server 4+ has no `executor` option; its documented hook for a custom executor is the
 * `gateway` option (https://www.apollographql.com/docs/apollo-server/migration#executor).
 * Apollo still parses, validates (our graphql-armor rules included), runs its plugins and
 * formats errors; only execution is ours.
 */
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import {
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GraphQLContext } from './context.js';

export interface OperationRequest {
  /** A parsed and validated document; Apollo hands the same object for the same query text. */
  document: DocumentNode;
  /**
   * The operation to run (its definition in `document`), as Apollo resolved it; undefined when
   * `operationName` names none of the document's operations, or is missing and there are several.
   */
  operation: OperationDefinitionNode | undefined;
  operationName?: string | null;
  variables: Record<string, unknown>;
  contextValue: GraphQLContext;
}

export type OperationExecutor = (request: OperationRequest) => Promise<ExecutionResult>;

export function createJitExecutor(schema: GraphQLSchema): OperationExecutor {
  // Compiled plans per document and operation; a document no longer cached by Apollo is freed.
  const plans = new WeakMap<DocumentNode, Map<OperationDefinitionNode, CompiledQuery>>();

  function planFor(document: DocumentNode, operation: OperationDefinitionNode) {
    let byOperation = plans.get(document);
    if (!byOperation) plans.set(document, (byOperation = new Map()));
    let plan = byOperation.get(operation);
    if (!plan) {
      const compiled = compileQuery(schema, document, operation.name?.value);
      // Apollo validated the document and resolved the operation (and the validation rules
      // refuse operation types the schema lacks): a failure here is a bug, answered as an
      // internal error, never thrown (graphql-jit's errors are read-only: see asGraphQLJsError).
      if (!isCompiledQuery(compiled)) {
        return { errors: (compiled.errors ?? []).map(asGraphQLJsError) } as const;
      }
      plan = compiled;
      byOperation.set(operation, plan);
    }
    return plan;
  }

  return async ({ document, operation, operationName, variables, contextValue }) => {
    // Apollo leaves the operation unresolved for execution to report (it then answers 400
    // OPERATION_RESOLUTION_FAILURE with this error): graphql-js's own words.
    if (!operation) {
      const message = operationName
        ? `Unknown operation named "${operationName}".`
        : 'Must provide operation name if query contains multiple operations.';
      return { errors: [new GraphQLError(message)] };
    }
    // graphql-js checks the variables: its errors point at the variable's definition, which is
    // how Apollo tells a bad variable (BAD_USER_INPUT, HTTP 400) from a server fault. graphql-jit
    // then coerces the same values again (cheap: an operation has a few variables).
    const checked = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
      maxErrors: 50,
    });
    if (checked.errors) return { errors: checked.errors };
    const plan = planFor(document, operation);
    if (!('query' in plan)) return plan;
    const result = await plan.query(undefined, contextValue, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };
}

/**
 * graphql-jit's errors are GraphQLErrors with read-only properties; Apollo plugins may rewrite
 * an error's message in place (graphql-armor's field-suggestion blocker does, in production),
 * so hand Apollo graphql-js's own kind, with the same message, location, path and cause.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // graphql-jit gives locations without the source they were computed from.
  return Object.assign(copy, { locations: error.locations });
}

/** The `gateway` Apollo Server takes: it serves one fixed schema with the JIT executor. */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const execute = createJitExecutor(schema);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: () =>
      Promise.resolve({
        executor: (requestContext) =>
          execute({
            document: requestContext.document,
            operation: requestContext.operation,
            operationName: requestContext.request.operationName,
            variables: requestContext.request.variables ?? {},
            contextValue: requestContext.context as GraphQLContext,
          }),
      }),
    stop: () => Promise.resolve(),
  };
}
