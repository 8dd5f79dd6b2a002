/**
 * Full-text search over `entity_names` (docs/graph-model.md): the user's text → a Lucene query.
 *
 * The index's analyzer (standard-no-stop-words) lowercases and splits on non-letters, so each
 * query token is lowercased the same way, then widened so that what users type finds what the
 * corpus wrote:
 * - Kazakh case, plural and possessive endings and Russian case endings are stripped
 *   (`Мишустинмен`, `Мишустиным` → `мишустин`, `Қазақстанның` → `қазақстан`) by the language
 *   module (`src/language/`), and the stem is also matched as a prefix (`қазақстан*` finds
 *   `қазақстанмен` too);
 * - the token is transliterated Cyrillic ⇄ Latin (`mishustin` ⇄ `мишустин`) and matched fuzzily,
 *   so the script of the query does not matter and small spelling differences are forgiven.
 * Every term is escaped for Lucene; the exact token weighs most, then stems, then fuzzy forms.
 */
import { int } from 'neo4j-driver';
import {
  cyrillicToLatin,
  editDistance,
  isCyrillic,
  isLatin,
  latinToCyrillic,
  stemsOf,
  tokenize,
} from '../language/index.js';
import type { CypherQuery } from './cypher.js';
import { nodeRecordFor, type NodeProjection } from './nodes.js';

export const ENTITY_NAMES_INDEX = 'entity_names';

/** Lucene's special characters (query syntax) — escaped with a backslash. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Words shorter than this are not matched as prefixes (`ата*` would find half the index). */
const MIN_PREFIX = 4;

function fuzzy(term: string): string {
  // Edit distance grows with length: short names must match closely.
  const distance = term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0;
  return distance > 0 ? `${escapeLucene(term)}~${distance}` : escapeLucene(term);
}

/** One token → a Lucene group of weighted alternatives. */
function tokenClause(token: string): string {
  const parts = [`${escapeLucene(token)}^4`];
  const stems = isCyrillic(token) ? stemsOf(token) : [];
  for (const stem of stems) parts.push(`${escapeLucene(stem)}^3`, `${escapeLucene(stem)}*^2`);
  if (token.length >= MIN_PREFIX) parts.push(`${escapeLucene(token)}*^2`);
  parts.push(fuzzy(token));
  const other = isCyrillic(token)
    ? [token, ...stems].map((t) => cyrillicToLatin(t))
    : isLatin(token)
      ? [latinToCyrillic(token)]
      : [];
  for (const variant of new Set(other)) {
    if (variant && variant !== token) parts.push(fuzzy(variant));
  }
  return `(${[...new Set(parts)].join(' OR ')})`;
}

/** The Lucene query for `query`; null when it has no letters or digits (nothing to search). */
export function luceneQuery(query: string): string | null {
  const tokens = [...new Set(tokenize(query))].slice(0, 12);
  if (tokens.length === 0) return null;
  return tokens.map(tokenClause).join(' OR ');
}

/**
 * Ranked hits, optionally only of some kinds. Over-fetches so the kind filter keeps `first`.
 * `node` is a WireNode read as `projection` says (whole by default).
 */
export function searchEntities(
  lucene: string,
  kinds: readonly string[] | null,
  first: number,
  projection: NodeProjection = true,
): CypherQuery {
  return {
    cypher: [
      `CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', $lucene, {limit: $fetch})`,
      'YIELD node, score',
      'WHERE $kinds IS NULL OR node.kind IN $kinds',
      'WITH node, score ORDER BY score DESC, node.id LIMIT $first',
      `RETURN ${nodeRecordFor('node', projection)} AS node, score`,
    ].join('\n'),
    params: {
      lucene,
      kinds: kinds ? [...kinds] : null,
      fetch: int(kinds ? Math.max(first * 10, 200) : first),
      first: int(first),
    },
  };
}

/**
 * The name (name, alias or form) of a hit that best matches the query: exact token matches
 * first, then stem prefixes, then the smallest edit distance over transliterated forms.
 */
export function bestMatchingName(query: string, names: readonly string[]): string {
  const tokens = tokenize(query);
  const latinTokens = tokens.map((t) => (isCyrillic(t) ? cyrillicToLatin(t) : t));
  let best = names[0] ?? '';
  let bestScore = -Infinity;
  for (const name of names) {
    const words = tokenize(name);
    let score = 0;
    for (const [i, token] of tokens.entries()) {
      const stems = isCyrillic(token) ? stemsOf(token) : [];
      const latin = latinTokens[i] ?? token;
      let tokenScore = 0;
      for (const word of words) {
        if (word === token) tokenScore = Math.max(tokenScore, 10);
        else if (stems.some((s) => word.startsWith(s)) || word.startsWith(token)) {
          tokenScore = Math.max(tokenScore, 6);
        } else {
          const wordLatin = isCyrillic(word) ? cyrillicToLatin(word) : word;
          const d = editDistance(latin, wordLatin);
          if (d <= 2)
            tokenScore = Math.max(
              tokenScore,
              4 - d + (isCyrillic(word) === isCyrillic(token) ? 0.5 : 0),
            );
        }
      }
      score += tokenScore;
    }
    // Prefer the shortest among equals: the plainest name.
    score -= words.length * 0.01;
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}
