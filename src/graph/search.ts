/**
 * Full-text search over `entity_names` (docs/graph-model.md), analysed at seed time.
 *
 * The seeder stores each entity's search keys (`searchProperties`, from the language module's
 * `searchKeys`): its normalised words in both scripts (`searchWords`) and the stems their
 * Kazakh and Russian endings leave (`searchStems`), and each whole name as one key
 * (`searchNames`). The index keeps each key one term, so a query needs no analysis of
 * Lucene's own, only term lookups:
 * 1. the main pass — each query word as a word (EXACT when every word is one), its stems
 *    against words and stems, and the word as a prefix (`мишуст*`) — STEM otherwise;
 * 2. only when that finds fewer than `first` hits, the fallback pass: the same terms and fuzzy
 *    ones over the words (`~1`, `~2` by length), ranked together; hits only a typo finds are
 *    FUZZY.
 * Both passes run in one statement. Every term is escaped for Lucene.
 */
import { int } from 'neo4j-driver';
import {
  cyrillicToLatin,
  editDistance,
  isCyrillic,
  queryTerms,
  searchKeys,
  stemsOf,
  tokenize,
} from '../language/index.js';
import type { CypherQuery } from './cypher.js';
import { nodeRecordFor, type NodeProjection } from './nodes.js';
import { ENTITY_NAMES_INDEX, SEARCH_KEY_PROPERTIES } from './schema.js';

/** How a hit was found: the SDL's `SearchMatchKind`. */
export type SearchMatchKind = 'EXACT' | 'STEM' | 'FUZZY';

/** Lucene's special characters (query syntax) — escaped with a backslash. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

const [WORDS, STEMS, NAMES] = SEARCH_KEY_PROPERTIES;

/**
 * The properties the seeder writes on an entity for the index: the keys of its names, aliases
 * and forms. The one place the write path learns about search.
 */
export function searchProperties(
  names: readonly string[],
): Record<(typeof SEARCH_KEY_PROPERTIES)[number], string[]> {
  const keys = searchKeys(names);
  return { [WORDS]: keys.words, [STEMS]: keys.stems, [NAMES]: keys.names };
}

/** Words shorter than this are not matched as prefixes (`ата*` would find half the index). */
const MIN_PREFIX = 4;

const term = (field: string, t: string, boost: number) => `${field}:${escapeLucene(t)}^${boost}`;

interface SearchLucene {
  /** The query's normalised words: a hit is EXACT when its words hold them all. */
  words: string[];
  /** The main pass: words, stems, prefixes — term lookups only. */
  main: string;
  /** The fallback pass: the main pass's terms and fuzzy ones; null when no word can be fuzzy. */
  fallback: string | null;
}

// Weights: the whole query being one of the entity's names, in any form, weighs most
// (`Kazakhstan` is the country before `Government of Kazakhstan`); then a query word or its
// stem meeting one of the entity's words (an
// inflected query for a name, `Смаилова` for `Смаилов`, must beat a longer name that contains
// that very inflection, `Встреча Алихана Смаилова…`: field-length norms then decide); a word
// meeting a stem of the entity's (`Қазақстан` in `қазақстандық`) less; stems meeting stems,
// prefixes and typos least.
const WEIGHT = {
  name: 24,
  word: 8,
  stemToWord: 8,
  wordToStem: 4,
  stemToStem: 1,
  prefix: 1,
  fuzzy: 6,
  nameFuzzy: 12,
} as const;

/** Edit distance allowed for a word's typos, by length (as Elasticsearch's AUTO: 3–5 → 1, 6+ → 2). */
const fuzziness = (word: string): number => (word.length >= 6 ? 2 : word.length >= 3 ? 1 : 0);

/** The Lucene queries for `query`; null when it has no letters or digits (nothing to search). */
export function searchLucene(query: string): SearchLucene | null {
  const { words, stems, name } = queryTerms(query);
  if (words.length === 0) return null;
  const main: string[] = [term(NAMES, name, WEIGHT.name)];
  const fuzzy: string[] = [];
  for (const [i, word] of words.entries()) {
    main.push(term(WORDS, word, WEIGHT.word), term(STEMS, word, WEIGHT.wordToStem));
    for (const variant of stems[i] ?? []) {
      if (variant === word) continue;
      main.push(term(WORDS, variant, WEIGHT.stemToWord), term(STEMS, variant, WEIGHT.stemToStem));
    }
    if (word.length >= MIN_PREFIX) main.push(`${WORDS}:${escapeLucene(word)}*^${WEIGHT.prefix}`);
    const distance = fuzziness(word);
    if (distance > 0) fuzzy.push(`${WORDS}:${escapeLucene(word)}~${distance}^${WEIGHT.fuzzy}`);
  }
  const nameDistance = fuzziness(name);
  if (nameDistance > 0)
    fuzzy.push(`${NAMES}:${escapeLucene(name)}~${nameDistance}^${WEIGHT.nameFuzzy}`);
  const mainQuery = [...new Set(main)].join(' OR ');
  return {
    words,
    main: mainQuery,
    fallback: fuzzy.length > 0 ? `${mainQuery} OR ${fuzzy.join(' OR ')}` : null,
  };
}

/** The main pass's Lucene query alone (what the bench's other arms run). */
export function luceneQuery(query: string): string | null {
  return searchLucene(query)?.main ?? null;
}

/**
 * Ranked hits, optionally only of some kinds: the main pass's, or — only when it finds fewer
 * than `first` — the fallback pass's (main terms and fuzzy ones, in one ranking). Each row has
 * `matchKind` (EXACT: every query word is one of the entity's words; STEM: found by the main
 * pass; FUZZY: only by a typo).
 * Over-fetches so the kind filter keeps `first`. `node` is a WireNode read as `projection`
 * says (whole by default).
 */
export function searchEntities(
  lucene: SearchLucene,
  kinds: readonly string[] | null,
  first: number,
  projection: NodeProjection = true,
): CypherQuery {
  const pass = (param: string, indent = '') =>
    [
      `CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', ${param}, {limit: $fetch}) YIELD node, score`,
      'WHERE $kinds IS NULL OR node.kind IN $kinds',
      'WITH node, score ORDER BY score DESC, node.id LIMIT $first',
    ].map((line) => indent + line);
  return {
    cypher: [
      ...pass('$main'),
      'WITH collect({node: node, score: score}) AS found',
      'CALL (found) {',
      '  WITH found WHERE size(found) = $first OR $fallback IS NULL',
      '  UNWIND found AS hit',
      '  RETURN hit.node AS node, hit.score AS score',
      '  UNION ALL',
      '  WITH found WHERE size(found) < $first AND $fallback IS NOT NULL',
      ...pass('$fallback', '  '),
      '  RETURN node, score',
      '}',
      'WITH node, score,',
      `  CASE WHEN all(w IN $words WHERE w IN node.${WORDS}) THEN 'EXACT'`,
      "    WHEN node IN [h IN found | h.node] THEN 'STEM' ELSE 'FUZZY' END AS matchKind",
      'ORDER BY score DESC, node.id',
      `RETURN ${nodeRecordFor('node', projection)} AS node, score, matchKind`,
    ].join('\n'),
    params: {
      main: lucene.main,
      fallback: lucene.fallback,
      words: lucene.words,
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
