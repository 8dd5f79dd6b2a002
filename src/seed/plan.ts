/**
 * Planning (pure, no database): a verified article → the nodes and relationships it
 * writes, with ids, labels and property values in their Neo4j types. The writer executes
 * this plan; the dry run prints it.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Integer } from 'neo4j-driver';
import {
  TIME_QUALIFIERS,
  type EntityAnnotation,
  type FactAnnotation,
} from './annotation-schema.js';
import type { FactRelationshipType } from '../graph/schema.js';
import { searchProperties } from '../graph/search.js';
import { withCaptions } from './caption.js';
import { ARTICLE_REF, matchLabel, type NodeKind } from './patterns.js';
import { sentencesOverlapping } from './sentences.js';
import type { Span, VerifiedArticle } from './verify.js';

/** Bump when the seeder writes differently: every article's hash changes, so all re-seed. */
const SEED_FORMAT_VERSION = '5';

export type PropertyValue =
  | string
  | number
  | boolean
  | Integer
  | string[]
  | InstanceType<typeof neo4j.types.Date>
  | InstanceType<typeof neo4j.types.DateTime>;
export type Properties = Record<string, PropertyValue>;

export interface PlannedNode {
  id: string;
  props: Properties;
}
export interface PlannedEntity extends PlannedNode {
  kind: EntityAnnotation['kind'];
}
export interface PlannedFactNode extends PlannedNode {
  label: 'Quote' | 'Claim' | 'NumericFact';
  sentenceIds: string[];
}
export interface PlannedRelationship {
  type: FactRelationshipType;
  fromId: string;
  fromLabel: ReturnType<typeof matchLabel>;
  toId: string;
  toLabel: ReturnType<typeof matchLabel>;
  factId: string;
  /** All properties, including factId, articleId, sentenceIds and evidence. */
  props: Properties;
}
export interface PlannedMention {
  sentenceId: string;
  entityId: string;
  forms: string[];
  count: Integer;
}

export interface ArticlePlan {
  file: string;
  articleId: string;
  slug: string;
  contentHash: string;
  article: Properties;
  sourceId: string | null;
  sentences: PlannedNode[];
  entities: PlannedEntity[];
  mentions: PlannedMention[];
  factNodes: PlannedFactNode[];
  relationships: PlannedRelationship[];
}

export function contentHash(text: string, annotationSource: string): string {
  return createHash('sha256')
    .update(`togys-seed-format:${SEED_FORMAT_VERSION}\0`)
    .update(text)
    .update('\0')
    .update(annotationSource)
    .digest('hex');
}

function toDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}

/** `2022-08-25T23:33:00+06:00` → a DATETIME keeping the +06:00 offset (not converted to UTC). */
export function toDateTime(iso: string): InstanceType<typeof neo4j.types.DateTime> {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(
      iso,
    );
  if (!match) throw new Error(`not an ISO date-time with offset: ${iso}`);
  const n = (i: number) => Number(match[i] ?? 0);
  const nanos = Number((match[7] ?? '').padEnd(9, '0') || 0);
  const sign = match[9] === '-' ? -1 : 1;
  const offsetSeconds = match[8] === 'Z' ? 0 : sign * (n(10) * 3600 + n(11) * 60);
  return new neo4j.types.DateTime(n(1), n(2), n(3), n(4), n(5), n(6), nanos, offsetSeconds);
}

const int = (n: number) => neo4j.int(n);

/** Drops undefined values: Neo4j stores no nulls, and `SET n = $props` must not see them. */
function defined(props: Record<string, PropertyValue | undefined>): Properties {
  const out: Properties = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined) out[k] = v;
  return out;
}

/** The evidence of an entity's dated property, as stored beside it (`dateEvidence`, …). */
type PropertyEvidence = (key: string) => Record<string, PropertyValue | undefined>;
const NO_EVIDENCE: PropertyEvidence = () => ({});

const optionalDate = (iso: string | undefined) => (iso === undefined ? undefined : toDate(iso));

function entityProps(e: EntityAnnotation, evidence: PropertyEvidence = NO_EVIDENCE): Properties {
  const common = {
    id: e.id,
    kind: e.kind,
    nameKk: e.names.kk,
    nameRu: e.names.ru,
    nameEn: e.names.en,
    aliases: e.aliases,
    forms: e.forms,
    ...searchProperties([e.names.kk, e.names.ru, e.names.en, ...e.aliases, ...e.forms]),
    description: e.description,
    wikidataId: e.wikidataId,
  };
  switch (e.kind) {
    case 'Country':
      return defined({ ...common, iso3166Alpha2: e.iso3166Alpha2, iso3166Alpha3: e.iso3166Alpha3 });
    case 'Organization':
      return defined({ ...common, organizationType: e.organizationType });
    case 'Place':
      return defined({ ...common, placeType: e.placeType });
    case 'Event':
      return defined({
        ...common,
        eventType: e.eventType,
        status: e.status,
        startDate: optionalDate(e.startDate),
        endDate: optionalDate(e.endDate),
        ...evidence('statusEvidence'),
        ...evidence('startDateEvidence'),
        ...evidence('endDateEvidence'),
      });
    case 'Meeting':
      return defined({
        ...common,
        status: e.status,
        date: optionalDate(e.date),
        meetingType: e.meetingType,
        ...evidence('statusEvidence'),
        ...evidence('dateEvidence'),
      });
    case 'Document':
      return defined({
        ...common,
        documentType: e.documentType,
        date: optionalDate(e.date),
        number: e.number,
        ...evidence('dateEvidence'),
      });
    case 'InfrastructureProject':
      return defined({ ...common, projectType: e.projectType });
    case 'Topic':
      return defined({ ...common, topicType: e.topicType });
    case 'Person':
    case 'Office':
      return defined(common);
  }
}

/** `countryNames`: the registry's countries, in English (see withCaptions). */
export function planArticle(v: VerifiedArticle, countryNames: readonly string[] = []): ArticlePlan {
  return withCaptions(planWithoutCaptions(v), countryNames);
}

function planWithoutCaptions(v: VerifiedArticle): ArticlePlan {
  const a = v.annotation;
  const slug = a.article.slug;
  // The registered entities it uses are part of what the article writes: a change to one
  // re-seeds the articles that use it.
  const annotationSource =
    v.registered.length === 0
      ? v.annotationSource
      : `${v.annotationSource}\0${JSON.stringify(v.registered)}`;
  const articleId = `article/${slug}`;
  const sentenceId = (index: number) => `sentence/${slug}/${index}`;
  const sentenceIdsOf = (spans: readonly Span[]) =>
    [
      ...new Set(
        spans
          .flatMap((s) => sentencesOverlapping(v.sentences, s.start, s.end))
          .sort((x, y) => x - y),
      ),
    ].map(sentenceId);

  const nodeId = new Map<string, string>([[ARTICLE_REF, articleId]]);
  for (const e of [...a.entities, ...v.registered]) nodeId.set(e.id, e.id);
  for (const q of a.quotes) nodeId.set(q.id, `quote/${slug}/${q.id}`);
  for (const c of a.claims) nodeId.set(c.id, `claim/${slug}/${c.id}`);
  for (const n of a.numericFacts) nodeId.set(n.id, `numeric-fact/${slug}/${n.id}`);
  // Verification guarantees every reference resolves; the fallback is unreachable.
  const idOf = (ref: string) => nodeId.get(ref) ?? ref;
  const labelOf = (ref: string) =>
    ref === ARTICLE_REF ? 'Article' : matchLabel(v.kinds.get(ref) as NodeKind);

  const factNodes: PlannedFactNode[] = [];
  const relationships: PlannedRelationship[] = [];
  const relate = (
    type: FactRelationshipType,
    from: string,
    to: string,
    factId: string,
    spans: readonly Span[],
    qualifiers: Record<string, PropertyValue | undefined> = {},
  ) => {
    relationships.push({
      type,
      fromId: idOf(from),
      fromLabel: labelOf(from),
      toId: idOf(to),
      toLabel: labelOf(to),
      factId,
      props: defined({
        factId,
        articleId,
        sentenceIds: sentenceIdsOf(spans),
        evidence: spans.map((s) => s.text),
        ...qualifiers,
      }),
    });
  };

  for (const q of a.quotes) {
    const span = v.quoteSpans.get(q.id) as Span;
    factNodes.push({
      label: 'Quote',
      id: idOf(q.id),
      sentenceIds: sentenceIdsOf([span]),
      props: {
        id: idOf(q.id),
        articleId,
        text: q.text,
        language: a.article.language,
        translationEn: q.translation.en,
        translationNote: q.translation.note,
        start: int(span.start),
        end: int(span.end),
      },
    });
    relate('SAID', q.speaker, q.id, `${q.id}#SAID`, [span]);
    if (q.saidAt !== undefined) relate('SAID_AT', q.id, q.saidAt, `${q.id}#SAID_AT`, [span]);
    for (const c of q.contains) relate('CONTAINS', q.id, c, `${q.id}#CONTAINS`, [span]);
    for (const t of q.about) relate('ABOUT', q.id, t, `${q.id}#ABOUT`, [span]);
  }
  for (const c of a.claims) {
    const spans = v.evidenceSpans.get(c.id) ?? [];
    factNodes.push({
      label: 'Claim',
      id: idOf(c.id),
      sentenceIds: sentenceIdsOf(spans),
      props: {
        id: idOf(c.id),
        articleId,
        claimType: c.claimType,
        summaryEn: c.summaryEn,
        evidence: spans.map((s) => s.text),
      },
    });
    relate('MADE_CLAIM', c.by, c.id, `${c.id}#MADE_CLAIM`, spans);
    if (c.madeAt !== undefined) relate('MADE_AT', c.id, c.madeAt, `${c.id}#MADE_AT`, spans);
    for (const t of c.about) relate('ABOUT', c.id, t, `${c.id}#ABOUT`, spans);
  }
  for (const n of a.numericFacts) {
    const spans = v.evidenceSpans.get(n.id) ?? [];
    factNodes.push({
      label: 'NumericFact',
      id: idOf(n.id),
      sentenceIds: sentenceIdsOf(spans),
      props: defined({
        id: idOf(n.id),
        articleId,
        metric: n.metric,
        value: n.value,
        unit: n.unit,
        currency: n.currency,
        periodStart: n.periodStart === undefined ? undefined : toDate(n.periodStart),
        periodEnd: n.periodEnd === undefined ? undefined : toDate(n.periodEnd),
        periodLabel: n.periodLabel,
        change: n.change,
        isChange: n.isChange,
        qualifiers: n.qualifiers,
        surfaceText: n.surfaceText,
        evidence: spans.map((s) => s.text),
      }),
    });
    if (n.statedBy !== undefined) relate('STATED', n.statedBy, n.id, `${n.id}#STATED`, spans);
    for (const t of n.about) relate('ABOUT', n.id, t, `${n.id}#ABOUT`, spans);
  }
  /** A fact's dates (startDate, …), each with its evidence excerpts and their sentences. */
  const timeQualifiers = (f: FactAnnotation): Record<string, PropertyValue | undefined> => {
    const out: Record<string, PropertyValue | undefined> = {};
    for (const q of TIME_QUALIFIERS) {
      const dated = f[q];
      if (dated === undefined) continue;
      const spans = v.evidenceSpans.get(`${f.id}#${q}`) ?? [];
      out[q] = toDate(dated.date);
      out[`${q}Evidence`] = spans.map((s) => s.text);
      out[`${q}SentenceIds`] = sentenceIdsOf(spans);
    }
    return out;
  };
  for (const f of a.facts) {
    const spans = v.evidenceSpans.get(f.id) ?? [];
    relate(f.type, f.from, f.to, f.id, spans, {
      ...timeQualifiers(f),
      ...typeQualifiers(f),
    });
  }
  const entityEvidence =
    (id: string): PropertyEvidence =>
    (key) => {
      const spans = v.evidenceSpans.get(`${id}#${key}`);
      if (spans === undefined) return {};
      const property = key.slice(0, -'Evidence'.length);
      return { [key]: spans.map((s) => s.text), [`${property}SentenceIds`]: sentenceIdsOf(spans) };
    };

  return {
    file: v.file,
    articleId,
    slug,
    contentHash: contentHash(v.text.text, annotationSource),
    article: defined({
      id: articleId,
      title: a.article.title,
      language: a.article.language,
      publishedAt: toDateTime(a.article.publishedAt),
      sourceName: a.article.sourceName,
      url: a.article.url,
      text: v.text.text,
      contentHash: contentHash(v.text.text, annotationSource),
    }),
    sourceId: a.article.source ?? null,
    sentences: v.sentences.map((s) => ({
      id: sentenceId(s.index),
      props: {
        id: sentenceId(s.index),
        articleId,
        index: int(s.index),
        start: int(s.start),
        end: int(s.end),
        text: s.text,
      },
    })),
    entities: [
      ...a.entities.map((e) => ({
        id: e.id,
        kind: e.kind,
        props: entityProps(e, entityEvidence(e.id)),
      })),
      ...v.registered.map((e) => ({ id: e.id, kind: e.kind, props: entityProps(e) })),
    ],
    mentions: v.mentions.map((m) => ({
      sentenceId: sentenceId(m.sentenceIndex),
      entityId: m.entityId,
      forms: m.forms,
      count: int(m.count),
    })),
    factNodes,
    relationships,
  };
}

/** The qualifiers particular to a fact's type. */
function typeQualifiers(f: FactAnnotation): Record<string, PropertyValue | undefined> {
  switch (f.type) {
    case 'HOLDS_OFFICE':
      return {
        asOf: optionalDate(f.asOf),
        current: f.current ?? f.endDate === undefined,
        acting: f.acting,
      };
    case 'PARTICIPATED_IN':
      return { officeId: f.officeId, countryId: f.countryId, role: f.role };
    case 'DISCUSSED':
      return { framing: f.framing, raisedById: f.raisedById };
    case 'SIGNED':
      return { officeId: f.officeId, countryId: f.countryId };
    case 'APPOINTED':
    case 'NOMINATED':
    case 'DISMISSED':
      return { officeId: f.officeId };
    default:
      return {};
  }
}

/** Node and relationship counts of a plan, by label / type (what a dry run prints). */
export function planSummary(plan: ArticlePlan): {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
} {
  const nodes: Record<string, number> = { Article: 1, Sentence: plan.sentences.length };
  for (const e of plan.entities) nodes[e.kind] = (nodes[e.kind] ?? 0) + 1;
  for (const f of plan.factNodes) nodes[f.label] = (nodes[f.label] ?? 0) + 1;
  const relationships: Record<string, number> = {
    HAS_SENTENCE: plan.sentences.length,
    MENTIONS: plan.mentions.length,
    EVIDENCED_BY: plan.factNodes.reduce((n, f) => n + f.sentenceIds.length, 0),
  };
  if (plan.sourceId !== null) relationships.SOURCED_FROM = 1;
  for (const r of plan.relationships) relationships[r.type] = (relationships[r.type] ?? 0) + 1;
  return { nodes, relationships };
}
