/**
 * Full-text search over `entity_names` (docs/graph-model.md): the user's text → a Lucene query.
 *
 * The index's analyzer (standard-no-stop-words) lowercases and splits on non-letters, so each
 * query token is lowercased the same way, then widened so that what users type finds what the
 * corpus wrote:
 * - Kazakh case, plural and possessive endings are stripped (`Мишустинмен` → `мишустин`,
 *   `Қазақстанның` → `қазақстан`), and the stem is also matched as a prefix (`қазақстан*` finds
 *   `қазақстанмен` too);
 * - the token is transliterated Cyrillic ⇄ Latin (`mishustin` ⇄ `мишустин`) and matched fuzzily,
 *   so the script of the query does not matter and small spelling differences are forgiven.
 * Every term is escaped for Lucene; the exact token weighs most, then stems, then fuzzy forms.
 */
import { int } from 'neo4j-driver';
import type { CypherQuery } from './cypher.js';
import { nodeRecordFor, type NodeProjection } from './nodes.js';

export const ENTITY_NAMES_INDEX = 'entity_names';

/** Lucene's special characters (query syntax) — escaped with a backslash. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Kazakh inflectional endings, longest first (case endings after plural/possessive ones). */
const KAZAKH_SUFFIXES = [
  // instrumental
  'менен',
  'бенен',
  'пенен',
  'мен',
  'бен',
  'пен',
  // ablative
  'нан',
  'нен',
  'дан',
  'ден',
  'тан',
  'тен',
  // genitive
  'ның',
  'нің',
  'дың',
  'дің',
  'тың',
  'тің',
  // locative
  'нда',
  'нде',
  'да',
  'де',
  'та',
  'те',
  // dative
  'на',
  'не',
  'ға',
  'ге',
  'қа',
  'ке',
  // accusative
  'ны',
  'ні',
  'ды',
  'ді',
  'ты',
  'ті',
  // plural
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  // possessive 3rd person (+ accusative: -ын/-ін)
  'сын',
  'сін',
  'ын',
  'ін',
  'сы',
  'сі',
  // single-letter dative/accusative/possessive, last: they strip the least
  'а',
  'е',
  'ы',
  'і',
  'н',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 4;

/** Stems of a lowercased Cyrillic token: each ending stripped, up to three endings deep. */
export function kazakhStems(token: string): string[] {
  const stems = new Set<string>();
  const strip = (word: string, depth: number) => {
    for (const suffix of KAZAKH_SUFFIXES) {
      if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
        const stem = word.slice(0, -suffix.length);
        if (!stems.has(stem)) {
          stems.add(stem);
          if (depth < 3) strip(stem, depth + 1);
        }
      }
    }
  };
  strip(token, 1);
  return [...stems];
}

const CYR_TO_LAT: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  і: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const LAT_TO_CYR: Array<[string, string]> = [
  ['shch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['yo', 'ё'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['y', 'й'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'к'],
  ['q', 'қ'],
  ['w', 'у'],
  ['x', 'кс'],
];

export function cyrillicToLatin(token: string): string {
  return [...token].map((c) => CYR_TO_LAT[c] ?? c).join('');
}

export function latinToCyrillic(token: string): string {
  let out = '';
  let i = 0;
  outer: while (i < token.length) {
    for (const [lat, cyr] of LAT_TO_CYR) {
      if (token.startsWith(lat, i)) {
        out += cyr;
        i += lat.length;
        continue outer;
      }
    }
    out += token[i];
    i += 1;
  }
  return out;
}

/** The query's tokens as the index sees them: lowercased runs of letters and digits. */
export function tokenize(query: string): string[] {
  return (
    query
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

const isCyrillic = (token: string) => /\p{Script=Cyrillic}/u.test(token);
const isLatin = (token: string) => /\p{Script=Latin}/u.test(token);

function fuzzy(term: string): string {
  // Edit distance grows with length: short names must match closely.
  const distance = term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0;
  return distance > 0 ? `${escapeLucene(term)}~${distance}` : escapeLucene(term);
}

/** One token → a Lucene group of weighted alternatives. */
function tokenClause(token: string): string {
  const parts = [`${escapeLucene(token)}^4`];
  const stems = isCyrillic(token) ? kazakhStems(token) : [];
  for (const stem of stems) parts.push(`${escapeLucene(stem)}^3`, `${escapeLucene(stem)}*^2`);
  if (token.length >= MIN_STEM) parts.push(`${escapeLucene(token)}*^2`);
  parts.push(fuzzy(token));
  const other = isCyrillic(token)
    ? [token, ...stems].map(cyrillicToLatin)
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
      const stems = isCyrillic(token) ? kazakhStems(token) : [];
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

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}
