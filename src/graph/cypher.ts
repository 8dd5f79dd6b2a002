import { ID_LOOKUP_LABELS } from './schema.js';

/** What every builder in src/graph returns: a statement and its parameters (never interpolated). */
export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * A CALL subquery binding `varName` to the node whose id is `$param`, whatever its label. One
 * branch per id-constrained label, so every lookup uses a uniqueness index. `keep`: variables
 * bound earlier that the statement still needs.
 */
export function matchNodeById(varName: string, param: string, keep: string[] = []): string {
  const branches = ID_LOOKUP_LABELS.map((l) => `MATCH (x:${l} {id: ${param}}) RETURN x`).join(
    ' UNION ',
  );
  return `CALL () { ${branches} } WITH ${[...keep, `x AS ${varName}`].join(', ')}`;
}
