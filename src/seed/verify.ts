/**
 * Verification of one loaded article beyond its shape: ids unique, every reference known,
 * every relationship between kinds docs/graph-model.md allows, every evidence excerpt found
 * verbatim (and unambiguously) in the text. Also splits sentences and finds mentions, since
 * "is this entity used at all" needs them.
 */
import { TIME_QUALIFIERS, type EntityAnnotation, type EvidenceItem } from './annotation-schema.js';
import { reportDraftTodos } from './todos.js';
import { formatPath, type PathSegment, type SeedIssue } from './errors.js';
import type { LoadedArticle } from './load.js';
import { findMentions, type Mention } from './mentions.js';
import { EMPTY_REGISTRY, type EntityRegistry } from './registry.js';
import {
  ARTICLE_REF,
  QUALIFIER_REF_KINDS,
  RELATIONSHIP_PATTERNS,
  type NodeKind,
  type RelationshipPattern,
} from './patterns.js';
import { splitSentences, type SentenceSpan } from './sentences.js';
import { codePointLength, nearestMatchHint, type ArticleText } from './text.js';
import { inflectedForms, type Language } from '../language/index.js';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface VerifiedArticle extends LoadedArticle {
  sentences: SentenceSpan[];
  /** Kind of every id a reference may name: entity ids and local quote/claim/numeric fact ids. */
  kinds: ReadonlyMap<string, NodeKind>;
  /** Where each quote's text is. */
  quoteSpans: ReadonlyMap<string, Span>;
  /**
   * Evidence spans by the local id of the claim, numeric fact or fact; a fact's dates by
   * `<fact id>#<qualifier>`, an entity's dated properties by `<entity id>#<key>`.
   */
  evidenceSpans: ReadonlyMap<string, Span[]>;
  mentions: Mention[];
  /** The registered entities this article uses (by reference or in `uses`), in id order. */
  registered: EntityAnnotation[];
}

/** Keys of an entity declaration that hold evidence of another key (dateEvidence → date). */
const ENTITY_EVIDENCE_KEYS = [
  'dateEvidence',
  'statusEvidence',
  'startDateEvidence',
  'endDateEvidence',
] as const;

/**
 * What counts as a mention of an entity in an article of `language`: its names, aliases and
 * hand-listed forms, and the case forms computed from its names and aliases (src/language).
 * Cached: every article that uses an entity asks again.
 */
const surfaceCache = new Map<string, readonly string[]>();
const MAX_CACHED_SURFACES = 50_000;

function surfacesOf(e: EntityAnnotation, language: Language): readonly string[] {
  const key = `${language}\0${JSON.stringify([e.names, e.aliases, e.forms, e.kind])}`;
  const cached = surfaceCache.get(key);
  if (cached !== undefined) return cached;
  const written = [e.names.kk, e.names.ru, e.names.en, ...e.aliases, ...e.forms];
  const person = e.kind === 'Person';
  // A name inflects in the article's language; the names of another language appear as
  // written (a Russian article quotes no Kazakh case forms).
  const inflecting = [language === 'ru' ? e.names.ru : e.names.kk, ...e.aliases];
  const computed = inflecting.flatMap((name) => inflectedForms(name, language, { person }));
  const surfaces = [...new Set([...written, ...computed])];
  if (surfaceCache.size >= MAX_CACHED_SURFACES) surfaceCache.clear();
  surfaceCache.set(key, surfaces);
  return surfaces;
}

type VerifyResult = { ok: true; article: VerifiedArticle } | { ok: false; issues: SeedIssue[] };

const preview = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}…` : s);

/** Finds one excerpt in the text, or says precisely why it cannot. */
export function locateExcerpt(
  text: ArticleText,
  item: EvidenceItem,
  owner: string,
): { span: Span } | { error: string } {
  const excerpt = typeof item === 'string' ? item : item.text;
  const length = codePointLength(excerpt);
  if (typeof item !== 'string' && item.start !== undefined) {
    if (item.start >= text.length || item.start + length > text.length) {
      return {
        error: `${owner}: offset ${item.start} is past the end of the text (${text.length} code points) for the excerpt ${preview(excerpt)}`,
      };
    }
    const there = text.slice(item.start, item.start + length);
    if (there !== excerpt) {
      return {
        error: `${owner}: the text at offset ${item.start} reads ${preview(there)}, not the excerpt ${preview(excerpt)}`,
      };
    }
    return { span: { text: excerpt, start: item.start, end: item.start + length } };
  }
  const found = text.occurrences(excerpt);
  if (found.length === 0) {
    return {
      error: `${owner}: excerpt not found verbatim in the text: ${preview(excerpt)}${nearestMatchHint(text, excerpt)}`,
    };
  }
  const occurrence = typeof item === 'string' ? undefined : item.occurrence;
  if (occurrence === undefined && found.length > 1) {
    return {
      error: `${owner}: excerpt ${preview(excerpt)} occurs ${found.length} times (at code points ${found.join(', ')}); say which with occurrence: N or start: offset`,
    };
  }
  const start = found[(occurrence ?? 1) - 1];
  if (start === undefined) {
    return {
      error: `${owner}: occurrence ${occurrence} of ${preview(excerpt)} asked for, but it occurs ${found.length} time${found.length === 1 ? '' : 's'}`,
    };
  }
  return { span: { text: excerpt, start, end: start + length } };
}

export function verifyArticle(
  loaded: LoadedArticle,
  registry: EntityRegistry = EMPTY_REGISTRY,
): VerifyResult {
  const { annotation: a, file, text } = loaded;
  const issues: SeedIssue[] = [];
  const issue = (path: PathSegment[], message: string) =>
    issues.push({ file, path: formatPath(path), ...loaded.locate(path), message });
  reportDraftTodos(a, issue);

  // ---- ids ----
  const kinds = new Map<string, NodeKind>();
  const declared = new Map<string, string>(); // id → where first declared
  const declare = (id: string, kind: NodeKind, path: PathSegment[]) => {
    const first = declared.get(id);
    if (first !== undefined) {
      issue([...path, 'id'], `duplicate id "${id}" (first declared at ${first})`);
      return;
    }
    declared.set(id, formatPath(path));
    kinds.set(id, kind);
  };
  a.entities.forEach((e, i) => {
    const registered = registry.entities.get(e.id);
    if (registered !== undefined)
      issue(
        ['entities', i, 'id'],
        `"${e.id}" is a registered entity (declared at ${registered.at}): refer to it by id (or list it under uses:) instead of declaring it again`,
      );
    declare(e.id, e.kind, ['entities', i]);
  });
  const reserve = (id: string, path: PathSegment[]) => {
    if (id === ARTICLE_REF)
      issue([...path, 'id'], `"${ARTICLE_REF}" is reserved: it names the article itself`);
  };
  a.quotes.forEach((q, i) => reserve(q.id, ['quotes', i]));
  a.claims.forEach((c, i) => reserve(c.id, ['claims', i]));
  a.numericFacts.forEach((n, i) => reserve(n.id, ['numericFacts', i]));
  a.quotes.forEach((q, i) => declare(q.id, 'Quote', ['quotes', i]));
  a.claims.forEach((c, i) => declare(c.id, 'Claim', ['claims', i]));
  a.numericFacts.forEach((n, i) => declare(n.id, 'NumericFact', ['numericFacts', i]));
  const factIds = new Map<string, string>();
  a.facts.forEach((f, i) => {
    const first = declared.get(f.id) ?? factIds.get(f.id);
    if (first !== undefined)
      issue(['facts', i, 'id'], `duplicate id "${f.id}" (first declared at ${first})`);
    else factIds.set(f.id, formatPath(['facts', i]));
  });

  // ---- references and the kinds at each end ----
  const referenced = new Set<string>();
  // Registered entities are known to every article; the article's own ids take precedence.
  const kindOf = (id: string): NodeKind | undefined =>
    kinds.get(id) ?? (id === ARTICLE_REF ? 'Article' : registry.entities.get(id)?.entity.kind);
  const checkRef = (
    id: string,
    path: PathSegment[],
    allowed: readonly NodeKind[],
    role: string,
  ) => {
    referenced.add(id);
    const kind = kindOf(id);
    if (kind === undefined) {
      issue(
        path,
        `unknown reference "${id}": no entity, quote, claim or numeric fact with this id in ${file}` +
          (id.includes('/') ? ' nor in the entity registry (entities/)' : ''),
      );
    } else if (!allowed.includes(kind)) {
      issue(path, `wrong type: ${role} must be ${allowed.join(' or ')}, but "${id}" is a ${kind}`);
    }
  };
  const checkPattern = (
    type: keyof typeof RELATIONSHIP_PATTERNS,
    fromPath: PathSegment[],
    from: string,
    toPath: PathSegment[],
    to: string,
  ) => {
    const pattern: RelationshipPattern = RELATIONSHIP_PATTERNS[type];
    checkRef(from, fromPath, pattern.from, `the start of ${type}`);
    checkRef(to, toPath, pattern.to, `the end of ${type}`);
    const [fromKind, toKind] = [kindOf(from), kindOf(to)];
    if (
      pattern.pairs !== undefined &&
      fromKind !== undefined &&
      toKind !== undefined &&
      pattern.from.includes(fromKind) &&
      pattern.to.includes(toKind) &&
      !pattern.pairs.some(([f, t]) => f === fromKind && t === toKind)
    ) {
      issue(
        toPath,
        `wrong type: ${type} goes ${pattern.pairs.map(([f, t]) => `${f} → ${t}`).join(', ')}; not ${fromKind} → ${toKind}`,
      );
    }
  };

  // ---- registered entities the article uses ----
  const usedForms = new Map<string, string[]>();
  a.uses.forEach((use, i) => {
    const id = typeof use === 'string' ? use : use.id;
    const at: PathSegment[] = ['uses', i];
    if (!registry.entities.has(id)) {
      issue(
        typeof use === 'string' ? at : [...at, 'id'],
        kinds.has(id)
          ? `"${id}" is declared under entities: in this file; uses: lists registered entities only`
          : `"${id}" is not in the entity registry (entities/): register it there, or declare it under entities: if only this article knows it`,
      );
      return;
    }
    if (typeof use === 'string') return;
    use.forms.forEach((form, j) => {
      if (text.occurrences(form).length === 0)
        issue([...at, 'forms', j], `form not found verbatim in the text: ${preview(form)}`);
    });
    usedForms.set(id, [...(usedForms.get(id) ?? []), ...use.forms]);
  });

  if (a.article.source !== undefined) {
    checkRef(a.article.source, ['article', 'source'], ['Organization'], 'the source');
  }
  a.quotes.forEach((q, i) => {
    const at: PathSegment[] = ['quotes', i];
    checkPattern('SAID', [...at, 'speaker'], q.speaker, [...at, 'id'], q.id);
    if (q.saidAt !== undefined)
      checkPattern('SAID_AT', [...at, 'id'], q.id, [...at, 'saidAt'], q.saidAt);
    q.contains.forEach((c, j) =>
      checkPattern('CONTAINS', [...at, 'id'], q.id, [...at, 'contains', j], c),
    );
    q.about.forEach((t, j) => checkPattern('ABOUT', [...at, 'id'], q.id, [...at, 'about', j], t));
  });
  a.claims.forEach((c, i) => {
    const at: PathSegment[] = ['claims', i];
    checkPattern('MADE_CLAIM', [...at, 'by'], c.by, [...at, 'id'], c.id);
    if (c.madeAt !== undefined)
      checkPattern('MADE_AT', [...at, 'id'], c.id, [...at, 'madeAt'], c.madeAt);
    c.about.forEach((t, j) => checkPattern('ABOUT', [...at, 'id'], c.id, [...at, 'about', j], t));
  });
  a.numericFacts.forEach((n, i) => {
    const at: PathSegment[] = ['numericFacts', i];
    if (n.statedBy !== undefined)
      checkPattern('STATED', [...at, 'statedBy'], n.statedBy, [...at, 'id'], n.id);
    n.about.forEach((t, j) => checkPattern('ABOUT', [...at, 'id'], n.id, [...at, 'about', j], t));
    if (n.unit === 'CURRENCY' && n.currency === undefined) {
      issue([...at, 'currency'], 'required when unit is CURRENCY (an ISO 4217 code such as USD)');
    }
    if (text.occurrences(n.surfaceText).length === 0) {
      issue(
        [...at, 'surfaceText'],
        `not found verbatim in the text: ${preview(n.surfaceText)}${nearestMatchHint(text, n.surfaceText)}`,
      );
    }
  });
  a.facts.forEach((f, i) => {
    const at: PathSegment[] = ['facts', i];
    checkPattern(f.type, [...at, 'from'], f.from, [...at, 'to'], f.to);
    for (const [key, allowed] of Object.entries(QUALIFIER_REF_KINDS)) {
      const value = (f as Record<string, unknown>)[key];
      if (typeof value === 'string') checkRef(value, [...at, key], allowed, key);
    }
  });

  // ---- evidence ----
  const quoteSpans = new Map<string, Span>();
  a.quotes.forEach((q, i) => {
    const item = q.occurrence === undefined ? q.text : { text: q.text, occurrence: q.occurrence };
    const found = locateExcerpt(text, item, `quote "${q.id}"`);
    if ('error' in found) issue(['quotes', i, 'text'], found.error);
    else quoteSpans.set(q.id, found.span);
  });
  const evidenceSpans = new Map<string, Span[]>();
  const verifyEvidence = (section: string, index: number, id: string, items: EvidenceItem[]) => {
    const spans: Span[] = [];
    items.forEach((item, j) => {
      const found = locateExcerpt(text, item, `evidence of "${id}"`);
      if ('error' in found) issue([section, index, 'evidence', j], found.error);
      else spans.push(found.span);
    });
    evidenceSpans.set(id, spans);
  };
  a.claims.forEach((c, i) => verifyEvidence('claims', i, c.id, c.evidence));
  a.numericFacts.forEach((n, i) => verifyEvidence('numericFacts', i, n.id, n.evidence));
  a.facts.forEach((f, i) => {
    verifyEvidence('facts', i, f.id, f.evidence);
    for (const q of TIME_QUALIFIERS) {
      const dated = f[q];
      if (dated === undefined) continue;
      const spans: Span[] = [];
      dated.evidence.forEach((item, j) => {
        const found = locateExcerpt(text, item, `evidence of the ${q} of "${f.id}"`);
        if ('error' in found) issue(['facts', i, q, 'evidence', j], found.error);
        else spans.push(found.span);
      });
      evidenceSpans.set(`${f.id}#${q}`, spans);
    }
    if (f.startDate && f.endDate && f.endDate.date < f.startDate.date)
      issue(
        ['facts', i, 'endDate', 'date'],
        `endDate ${f.endDate.date} is before startDate ${f.startDate.date}`,
      );
  });
  a.entities.forEach((e, i) => {
    for (const key of ENTITY_EVIDENCE_KEYS) {
      const items = (e as Partial<Record<string, unknown>>)[key] as EvidenceItem[] | undefined;
      if (items === undefined) continue;
      const spans: Span[] = [];
      items.forEach((item, j) => {
        const found = locateExcerpt(text, item, `${key} of "${e.id}"`);
        if ('error' in found) issue(['entities', i, key, j], found.error);
        else spans.push(found.span);
      });
      evidenceSpans.set(`${e.id}#${key}`, spans);
    }
  });

  // What a quote contains must be stated inside it.
  a.quotes.forEach((q, i) => {
    const quote = quoteSpans.get(q.id);
    q.contains.forEach((id, j) => {
      const spans = evidenceSpans.get(id);
      if (!quote || !spans) return;
      const outside = spans.find((s) => s.start < quote.start || s.end > quote.end);
      if (outside) {
        issue(
          ['quotes', i, 'contains', j],
          `quote "${q.id}" cannot contain "${id}": its evidence ${preview(outside.text)} lies outside the quote`,
        );
      }
    });
  });

  // ---- sentences, mentions, unused entities ----
  const registeredIds = new Set<string>();
  for (const id of [...referenced, ...a.uses.map((u) => (typeof u === 'string' ? u : u.id))])
    if (!kinds.has(id) && registry.entities.has(id)) registeredIds.add(id);
  const registered = [...registeredIds]
    .sort()
    .map((id) => registry.entities.get(id)?.entity as EntityAnnotation);
  for (const e of registered) kinds.set(e.id, e.kind);
  const sentences = splitSentences(text);
  const language = a.article.language;
  const mentions = findMentions(
    sentences,
    [...a.entities, ...registered].map((e) => ({
      id: e.id,
      surfaces: [...surfacesOf(e, language), ...(usedForms.get(e.id) ?? [])],
    })),
  );
  const mentioned = new Set(mentions.map((m) => m.entityId));
  a.entities.forEach((e, i) => {
    if (!mentioned.has(e.id) && !referenced.has(e.id)) {
      issue(
        ['entities', i],
        `entity "${e.id}" is neither mentioned in the text (by its names, aliases or forms) nor used by any fact`,
      );
    }
  });
  a.uses.forEach((use, i) => {
    const id = typeof use === 'string' ? use : use.id;
    if (registry.entities.has(id) && !mentioned.has(id) && !referenced.has(id))
      issue(
        ['uses', i],
        `"${id}" is listed under uses: but neither mentioned in the text (by its names, aliases or forms) nor used by any fact`,
      );
  });

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    article: { ...loaded, sentences, kinds, quoteSpans, evidenceSpans, mentions, registered },
  };
}
