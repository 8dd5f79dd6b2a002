/**
 * The cost limit, computed with the page sizes an operation will really run with.
 *
 * graphql-armor's cost model (objects 2, scalars 1, ×1.5 per level, × `first`) multiplies only
 * by a `first` written as a literal, and Apollo validates a document once, before it sees any
 * variables: `first: $n` with `n = 100` would cost as if it were 1. So the limit is checked here,
 * once per request, by armor's own rule on the operation with every `first`/`last` written out
 * as the value it will run with: the variable's value, the argument's default when it is
 * omitted, the connection's default page when neither `first` nor `last` is given, and the
 * maximum page size when it cannot be known. `last` counts exactly as `first` does.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { DEFAULT_PAGE_SIZE } from './args.js';

interface CostLimitOptions {
  maxCost: number;
  /** The largest page a list serves: the size assumed when a page size cannot be known. */
  maxPageSize: number;
}

const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);
/** graphql-armor prefixes its limit messages as if they were parse errors. */
const ARMOR_PREFIX = 'Syntax Error: ';

/** Rejects, before execution, an operation whose cost with its real page sizes is too high. */
export function costLimitPlugin(options: CostLimitOptions): ApolloServerPlugin {
  const rule = costLimitRule({
    maxCost: options.maxCost,
    flattenFragments: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
    ],
  });
  // An operation whose page sizes use no variable costs the same every time: checked once.
  const fixed = new WeakMap<OperationDefinitionNode, string | null>();

  function check(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
  ): string | null {
    const known = fixed.get(operation);
    if (known !== undefined) return known;
    const sized = withPageSizes(schema, document, operation, variables, options.maxPageSize);
    const problem = validate(schema, sized.document, [rule])[0]?.message ?? null;
    const message = problem?.startsWith(ARMOR_PREFIX)
      ? problem.slice(ARMOR_PREFIX.length)
      : problem;
    if (!sized.usesVariables) fixed.set(operation, message);
    return message;
  }

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          // Variables that do not coerce fail in execution, with their own error; here they
          // count as unknown page sizes.
          const coerced = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          const message = check(schema, document, operation, coerced.coerced ?? {});
          if (message) {
            throw new GraphQLError(message, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * `operation` and the document's fragments, each `first`/`last` replaced by an integer literal:
 * the one the operation will run with (see the module comment). `usesVariables`: some page size
 * came from a variable, so the cost may differ on the next request.
 */
function withPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxPageSize: number,
): { document: DocumentNode; usesVariables: boolean } {
  let usesVariables = false;
  const typeInfo = new TypeInfo(schema);
  const definitions = document.definitions.filter(
    (d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION,
  );
  const sized = visit(
    { kind: Kind.DOCUMENT, definitions },
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const pageArgs = typeInfo
          .getFieldDef()
          ?.args.filter((a) => PAGE_SIZE_ARGUMENTS.has(a.name));
        if (!pageArgs?.length || !node.selectionSet) return undefined;
        const written = new Map((node.arguments ?? []).map((a) => [a.name.value, a]));
        // The size each of `first`/`last` runs with; null when it is not given.
        const given = pageArgs.map((definition): number | null => {
          // Not given (omitted, null, a variable null or unset): the argument's default applies.
          const fallback =
            typeof definition.defaultValue === 'number' ? definition.defaultValue : null;
          const argument = written.get(definition.name);
          if (!argument) return fallback;
          if (argument.value.kind === Kind.INT) return parseInt(argument.value.value, 10);
          if (argument.value.kind !== Kind.VARIABLE) return fallback;
          usesVariables = true;
          const value = variables[argument.value.name.value];
          if (value === null || value === undefined) return fallback;
          return typeof value === 'number' ? Math.min(value, maxPageSize) : maxPageSize;
        });
        const sizes = given.filter((size): size is number => size !== null);
        // A connection (it takes `first` and `last`) asked with neither serves its default page.
        const size =
          sizes.length > 0
            ? Math.max(...sizes)
            : pageArgs.length === PAGE_SIZE_ARGUMENTS.size
              ? DEFAULT_PAGE_SIZE
              : null;
        const others = (node.arguments ?? []).filter((a) => !PAGE_SIZE_ARGUMENTS.has(a.name.value));
        // armor multiplies by the first `first` or `last` it meets: one, the larger, is written.
        return {
          ...node,
          arguments: [...(size === null ? [] : [intArgument('first', size)]), ...others],
        };
      },
    }),
  );
  return { document: sized, usesVariables };
}

function intArgument(name: string, value: number): ArgumentNode {
  return {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: { kind: Kind.INT, value: String(Math.trunc(value)) },
  };
}
