/**
 * Validation rules of ours, run by Apollo with graphql-armor's.
 *
 * graphql-js 16 validates a `mutation` or `subscription` against a schema that has no such root
 * type without complaint and fails only when executing it; this API is read-only, so such an
 * operation is a client's mistake, reported as one (GRAPHQL_VALIDATION_FAILED) before any work.
 */
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (context.getSchema().getRootType(node.operation)) return;
      context.reportError(
        new GraphQLError(
          `This API has no ${node.operation} operations: it is read-only; send a query.`,
          { nodes: node },
        ),
      );
    },
  };
}
