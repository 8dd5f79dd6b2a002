/**
 * The page a connection relation field (`Person.quotes(last: 5)`) asks for: its arguments,
 * literal or variables, checked as every connection's are (args.ts) and against the relation's
 * sort key, as the RelationPage its statement reads (graph/relations.ts).
 */
import {
  isInterfaceType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';
import { relationPage, type Relation, type RelationPage } from '../graph/relations.js';
import { pageWindow, type PageArgs } from './args.js';
import { BadUserInputError } from './errors.js';
import { fieldNames } from './selection.js';

/** The page of `args`; a BAD_USER_INPUT error naming the argument when one breaks a rule. */
export function pageOfArgs(
  args: PageArgs,
  relation: Relation,
  maxPageSize: number,
  count: boolean,
): RelationPage {
  const window = pageWindow(args, relation.name, maxPageSize);
  for (const [name, cursor] of [
    ['after', window.after],
    ['before', window.before],
  ] as const) {
    if (cursor && (!Array.isArray(cursor.key) || cursor.key.length !== relation.sortKeys.length)) {
      throw new BadUserInputError(name, 'is malformed: it is not a cursor this field returned');
    }
  }
  return relationPage(window, count);
}

/**
 * The page the field nodes of a connection relation field ask for (field nodes merged under one
 * response key share their arguments); `count`: one of them selects `totalCount`.
 */
export function pageAsked(
  schema: GraphQLSchema,
  relation: Relation,
  fields: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  maxPageSize: number,
): RelationPage {
  const owner = schema.getType(relation.type);
  const definition =
    isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[relation.field] : undefined;
  const [field] = fields;
  if (!definition || !field) throw new Error(`relation ${relation.name}: no such field`);
  const args = getArgumentValues(definition, field, variables) as PageArgs;
  const count = fields.some((f) => fieldNames(f.selectionSet, fragments).has('totalCount'));
  return pageOfArgs(args, relation, maxPageSize, count);
}
