/**
 * The annotation format (one YAML file per article), as a zod schema: the single source of
 * truth. The TypeScript types below are inferred from it, and `seeds/annotation.schema.json`
 * (for editors) is generated from it by `npm run seed:schema`.
 *
 * This schema checks shape only. Cross-references, relationship endpoint kinds and evidence
 * are checked against the text by verify.ts.
 */
import { z } from 'zod';

// ---- building blocks ----

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** `<kind>/<slug>`: lowercase ASCII words joined by dashes, e.g. `person/alikhan-smailov`. */
const ENTITY_ID_PATTERN = /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;
/** A local id of a quote, claim, numeric fact or fact: a slug, e.g. `trade-record-2021`. */
const LOCAL_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const entityId = z
  .string()
  .regex(ENTITY_ID_PATTERN, 'must look like kind/slug, e.g. person/alikhan-smailov')
  .describe('A stable readable id: <kind>/<slug>.');
const localId = z
  .string()
  .regex(LOCAL_ID_PATTERN, 'must be a lowercase slug, e.g. trade-record-2021')
  .describe('An id unique within this file: lowercase letters, digits and dashes.');
/** A reference to an entity id or to a quote / claim / numeric fact of this file. */
const ref = z
  .string()
  .min(1)
  .describe('An entity id (kind/slug) or the id of a quote, claim or numeric fact in this file.');

const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD.');

const names = z
  .object({
    kk: nonEmpty.describe('Kazakh, nominative, as the article writes it.'),
    ru: nonEmpty.describe('Russian.'),
    en: nonEmpty.describe('English.'),
  })
  .strict()
  .describe('The name in Kazakh, Russian and English: all three required.');

/**
 * One verbatim excerpt of the article. A plain string must occur exactly once in the text;
 * when it occurs several times, say which one with `occurrence` (1-based) or `start`.
 */
export const evidenceItemSchema = z.union([
  nonEmpty.describe('A verbatim excerpt that occurs exactly once in the text.'),
  z
    .object({
      text: nonEmpty.describe('A verbatim excerpt of the article.'),
      occurrence: z
        .number()
        .int()
        .min(1)
        .optional()
        .describe('Which occurrence of the excerpt (1 = first), when it occurs several times.'),
      start: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe('Code point offset where the excerpt starts in the text.'),
    })
    .strict(),
]);
const evidence = z
  .array(evidenceItemSchema)
  .min(1, 'a fact needs at least one evidence excerpt')
  .describe('Verbatim excerpts of the article that state this fact.');

// ---- entities ----

/**
 * Evidence of a date or status an article's own declaration states (a meeting's date, a
 * document's date): excerpts of that article. Registry entries (seeds/entities/) have none.
 */
const propertyEvidence = (what: string) =>
  z
    .array(evidenceItemSchema)
    .min(1, 'give at least one excerpt, or leave the key out')
    .optional()
    .describe(`Verbatim excerpts of the article that state the ${what}.`);

/**
 * What a person must still do here, left by `npm run draft` (docs/drafting.md). Accepted so
 * that a draft is checked as far as it goes; verify.ts reports every entry (src/seed/todos.ts),
 * so a file that has one is never seeded.
 */
const todo = z
  .array(nonEmpty)
  .optional()
  .describe(
    'Draft only (npm run draft): what is left to do here. The seeder refuses a file with any.',
  );

const entityBase = {
  todo,
  id: entityId,
  names,
  aliases: z
    .array(nonEmpty)
    .default([])
    .describe('Other names in any language (ҚР, РФ, Republic of Kazakhstan).'),
  forms: z
    .array(nonEmpty)
    .default([])
    .describe(
      'Inflected forms the article uses (Қазақстанның, Мишустинмен). Used to find mentions.',
    ),
  description: nonEmpty.optional().describe('A one-line English description.'),
  wikidataId: z
    .string()
    .regex(/^Q[1-9][0-9]*$/, 'must be a Wikidata item id such as Q232')
    .optional()
    .describe('Only where verified, never guessed.'),
};

const ORGANIZATION_TYPES = [
  'GOVERNMENT',
  'GOVERNMENT_AGENCY',
  'INTERGOVERNMENTAL_BODY',
  'LEGISLATURE',
  'PARTY',
  'PRESS_SERVICE',
  'COMPANY',
  'CONSORTIUM',
  'OTHER',
] as const;
/** Whether a meeting or event took place, is announced, or was called off. */
const EVENT_STATUSES = ['PLANNED', 'HELD', 'CANCELLED'] as const;
const DOCUMENT_TYPES = [
  'DECREE',
  'LAW',
  'RESOLUTION',
  'AGREEMENT',
  'TREATY',
  'MEMORANDUM',
  'DECLARATION',
  'STATEMENT',
  'ROADMAP',
  'CONTRACT',
  'OTHER',
] as const;
/** The role of a participant in a meeting or event. */
export const PARTICIPANT_ROLES = [
  'PARTICIPANT',
  'VISITOR',
  'HOST',
  'ORGANIZER',
  'DELEGATION_MEMBER',
] as const;

const status = z
  .enum(EVENT_STATUSES)
  .default('HELD')
  .describe('HELD (default), PLANNED (announced) or CANCELLED.');
const PLACE_TYPES = ['SETTLEMENT', 'REGION', 'OTHER'] as const;
const MEETING_TYPES = ['BILATERAL', 'MULTILATERAL'] as const;
const PROJECT_TYPES = [
  'OIL_PIPELINE',
  'GAS_PIPELINE',
  'WATER_PIPELINE',
  'RAILWAY',
  'ROAD',
  'POWER_PLANT',
  'OTHER',
] as const;
const TOPIC_TYPES = ['SECTOR', 'ISSUE', 'POLICY', 'COOPERATION_AREA'] as const;

export const entitySchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('Country'),
      ...entityBase,
      iso3166Alpha2: z.string().regex(/^[A-Z]{2}$/, 'must be two capital letters, e.g. KZ'),
      iso3166Alpha3: z.string().regex(/^[A-Z]{3}$/, 'must be three capital letters, e.g. KAZ'),
    })
    .strict(),
  z.object({ kind: z.literal('Person'), ...entityBase }).strict(),
  z.object({ kind: z.literal('Office'), ...entityBase }).strict(),
  z
    .object({
      kind: z.literal('Organization'),
      ...entityBase,
      organizationType: z.enum(ORGANIZATION_TYPES),
    })
    .strict(),
  z.object({ kind: z.literal('Place'), ...entityBase, placeType: z.enum(PLACE_TYPES) }).strict(),
  z
    .object({
      kind: z.literal('Event'),
      ...entityBase,
      eventType: nonEmpty.describe(
        'e.g. OFFICIAL_VISIT, STATE_VISIT, WORKING_VISIT, TRADE_MISSION, BUSINESS_FORUM, SUMMIT, INTERGOVERNMENTAL_COUNCIL_SESSION',
      ),
      status,
      startDate: isoDate.optional().describe('First day (planned first day when PLANNED).'),
      endDate: isoDate.optional().describe('Last day (planned last day when PLANNED).'),
      statusEvidence: propertyEvidence('status'),
      startDateEvidence: propertyEvidence('first day'),
      endDateEvidence: propertyEvidence('last day'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('Meeting'),
      ...entityBase,
      status,
      date: isoDate.optional().describe('The day held (the planned day when PLANNED).'),
      meetingType: z.enum(MEETING_TYPES),
      statusEvidence: propertyEvidence('status'),
      dateEvidence: propertyEvidence('date'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('Document'),
      ...entityBase,
      documentType: z.enum(DOCUMENT_TYPES),
      date: isoDate.optional().describe('The date the document bears (signed, issued).'),
      number: nonEmpty.optional().describe('Its number as written, e.g. № 772.'),
      dateEvidence: propertyEvidence('date'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('InfrastructureProject'),
      ...entityBase,
      projectType: z.enum(PROJECT_TYPES),
    })
    .strict(),
  z.object({ kind: z.literal('Topic'), ...entityBase, topicType: z.enum(TOPIC_TYPES) }).strict(),
]);

// ---- fact nodes: quotes, claims, numeric facts ----

const factNodeBase = {
  todo,
  id: localId,
  about: z
    .array(ref)
    .default([])
    .describe('Subjects: entity ids (countries, topics, places) → ABOUT.'),
};

export const quoteSchema = z
  .object({
    ...factNodeBase,
    text: nonEmpty.describe(
      'The quotation verbatim, without the «» marks: it is its own evidence.',
    ),
    occurrence: z.number().int().min(1).optional().describe('When the text occurs several times.'),
    speaker: ref.describe(
      'Who said it → SAID: a Person or Organization id, or `article` for the article itself.',
    ),
    saidAt: ref.optional().describe('The meeting or event where it was said → SAID_AT.'),
    translation: z
      .object({
        en: nonEmpty.describe('English translation.'),
        note: nonEmpty.describe('Who translated it: marks the English as a translation.'),
      })
      .strict(),
    contains: z
      .array(ref)
      .default([])
      .describe('Claims and numeric facts stated inside this quote → CONTAINS.'),
  })
  .strict();

export const CLAIM_TYPES = ['ASSESSMENT', 'POSITION', 'EXPECTATION', 'PROSPECT', 'AGENDA'] as const;

export const claimSchema = z
  .object({
    ...factNodeBase,
    claimType: z.enum(CLAIM_TYPES),
    summaryEn: nonEmpty.describe('An English paraphrase of the claim.'),
    by: ref.describe(
      'Who made the claim → MADE_CLAIM: a Person or Organization id, or `article` for the article itself.',
    ),
    madeAt: ref.optional().describe('The meeting or event → MADE_AT.'),
    evidence,
  })
  .strict();

const NUMERIC_UNITS = ['CURRENCY', 'PERCENT', 'FRACTION', 'YEARS', 'COUNT'] as const;
const CHANGE_DIRECTIONS = ['INCREASE', 'DECREASE', 'NONE'] as const;

export const numericFactSchema = z
  .object({
    ...factNodeBase,
    metric: nonEmpty.describe('What is measured, in English, e.g. trade turnover.'),
    value: z.number().describe('The number, in full units (24.2 billion → 24200000000).'),
    unit: z.enum(NUMERIC_UNITS),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
      .optional(),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    periodLabel: nonEmpty.optional().describe('e.g. 2021, H1 2022'),
    change: z.enum(CHANGE_DIRECTIONS),
    isChange: z.boolean().describe('true: the value is the size of a change; false: a level.'),
    qualifiers: z.array(nonEmpty).default([]).describe('e.g. record'),
    surfaceText: nonEmpty.describe('The figure as written, verbatim: $24,2 млрд.'),
    statedBy: ref
      .optional()
      .describe('Who gave the figure → STATED: a Person or Organization id, or `article`.'),
    evidence,
  })
  .strict();

// ---- fact relationships between entities ----

/** A date a fact states, with the excerpts that state it (Wikidata-style qualifier). */
const datedSchema = z
  .object({
    date: isoDate,
    evidence: z
      .array(evidenceItemSchema)
      .min(1, 'a date needs at least one evidence excerpt')
      .describe('Verbatim excerpts of the article that state this date.'),
  })
  .strict();

/** Qualifiers in time, allowed on every fact. */
export const TIME_QUALIFIERS = ['startDate', 'endDate', 'pointInTime'] as const;

const factRelBase = {
  todo,
  id: localId,
  from: ref,
  to: ref,
  evidence,
  startDate: datedSchema.optional().describe('Since when the fact holds (e.g. took office).'),
  endDate: datedSchema.optional().describe('Until when it held (e.g. left office).'),
  pointInTime: datedSchema
    .optional()
    .describe('When it happened, for a fact at one moment (signed, appointed).'),
};

const officeQualifier = ref.describe('The office (an Office id).');

export const factSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('HOLDS_OFFICE'),
      ...factRelBase,
      asOf: isoDate.optional().describe('The date the article says the office was held.'),
      acting: z
        .boolean()
        .optional()
        .describe('true: held as acting (исполняющий обязанности, міндетін атқарушы).'),
      current: z
        .boolean()
        .optional()
        .describe(
          'Whether the person holds the office as of the article. Default: true unless endDate is given; say false for a former office.',
        ),
    })
    .strict(),
  z.object({ type: z.literal('OFFICE_IN'), ...factRelBase }).strict(),
  z.object({ type: z.literal('OFFICE_OF'), ...factRelBase }).strict(),
  z.object({ type: z.literal('GOVERNMENT_OF'), ...factRelBase }).strict(),
  z.object({ type: z.literal('BASED_IN'), ...factRelBase }).strict(),
  z.object({ type: z.literal('PART_OF'), ...factRelBase }).strict(),
  z.object({ type: z.literal('LOCATED_IN'), ...factRelBase }).strict(),
  z.object({ type: z.literal('HELD_IN'), ...factRelBase }).strict(),
  z.object({ type: z.literal('SESSION_OF'), ...factRelBase }).strict(),
  z.object({ type: z.literal('ON_SIDELINES_OF'), ...factRelBase }).strict(),
  z.object({ type: z.literal('DURING'), ...factRelBase }).strict(),
  z
    .object({
      type: z.literal('PARTICIPATED_IN'),
      ...factRelBase,
      officeId: ref.optional().describe('The office held there (an Office id).'),
      countryId: ref.optional().describe('The side represented (a Country id).'),
      role: z.enum(PARTICIPANT_ROLES).optional().describe('Default PARTICIPANT.'),
    })
    .strict(),
  z.object({ type: z.literal('REPORTED_BY'), ...factRelBase }).strict(),
  z
    .object({
      type: z.literal('DISCUSSED'),
      ...factRelBase,
      framing: z.enum(['DISCUSSED', 'CONSIDERED', 'PROSPECT']),
      raisedById: ref.optional().describe('The person who named it (a Person id).'),
    })
    .strict(),
  z
    .object({
      type: z.literal('SIGNED'),
      ...factRelBase,
      officeId: ref.optional().describe('The office the signatory signed in (an Office id).'),
      countryId: ref.optional().describe('The side the signatory signed for (a Country id).'),
    })
    .strict(),
  z.object({ type: z.literal('SIGNED_AT'), ...factRelBase }).strict(),
  z.object({ type: z.literal('APPOINTED'), ...factRelBase, officeId: officeQualifier }).strict(),
  z.object({ type: z.literal('NOMINATED'), ...factRelBase, officeId: officeQualifier }).strict(),
  z.object({ type: z.literal('DISMISSED'), ...factRelBase, officeId: officeQualifier }).strict(),
  z.object({ type: z.literal('ABOUT'), ...factRelBase }).strict(),
]);

// ---- the file ----

const articleMetaSchema = z
  .object({
    todo,
    slug: z
      .string()
      .regex(LOCAL_ID_PATTERN, 'must be a lowercase slug, e.g. 2022-08-25-smailov-mishustin')
      .describe('The article id is article/<slug>; per-article ids start with it.'),
    textFile: nonEmpty.describe('The article text, relative to this file. Never edit it.'),
    title: nonEmpty,
    language: z
      .enum(['kk', 'ru', 'en'])
      .describe('ISO 639-1 code of the text: kk, ru or en (the names rule depends on it).'),
    publishedAt: z.iso
      .datetime({ offset: true, local: false })
      .describe('With the offset of the place of publication, e.g. 2022-08-25T23:33:00+06:00.'),
    sourceName: nonEmpty.describe('The source as the article names it, verbatim.'),
    source: ref.optional().describe('The Organization entity of that source → SOURCED_FROM.'),
    url: z.url().optional().describe('Only if the article has one; never invented.'),
  })
  .strict();

/**
 * A registered entity (seeds/entities/) the article refers to, with the forms it writes that
 * are not computed from the names (irregular ones). Entities its facts, quotes, claims and
 * figures name need no entry unless they add forms.
 */
const entityUseSchema = z.union([
  entityId,
  z
    .object({
      id: entityId,
      forms: z
        .array(nonEmpty)
        .min(1)
        .describe('Forms of the name this article writes (each must occur in the text).'),
    })
    .strict(),
]);

/** A file of the entity registry, `seeds/entities/*.yaml`: each entity declared once. */
export const registryFileSchema = z
  .object({ entities: z.array(entitySchema).min(1) })
  .strict()
  .describe('Entities of the togys corpus, each declared once (see seeds/README.md).');

export const annotationSchema = z
  .object({
    article: articleMetaSchema,
    uses: z
      .array(entityUseSchema)
      .default([])
      .describe('Registered entities the article mentions (seeds/entities/).'),
    entities: z
      .array(entitySchema)
      .default([])
      .describe('Entities only this article knows; shared ones belong in seeds/entities/.'),
    quotes: z.array(quoteSchema).default([]),
    claims: z.array(claimSchema).default([]),
    numericFacts: z.array(numericFactSchema).default([]),
    facts: z.array(factSchema).default([]),
  })
  .strict()
  .describe('One annotated article of the togys corpus (see seeds/README.md).');

export type Annotation = z.infer<typeof annotationSchema>;
export type EntityAnnotation = z.infer<typeof entitySchema>;
export type EntityKind = EntityAnnotation['kind'];
export type QuoteAnnotation = z.infer<typeof quoteSchema>;
export type ClaimAnnotation = z.infer<typeof claimSchema>;
export type NumericFactAnnotation = z.infer<typeof numericFactSchema>;
export type FactAnnotation = z.infer<typeof factSchema>;
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

/**
 * The JSON Schema editors use to validate annotation files (input side: defaults optional).
 * Draft 7: what yaml-language-server supports best.
 */
export function annotationJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(annotationSchema, { io: 'input', target: 'draft-7' }) as Record<
    string,
    unknown
  >;
}

/** The JSON Schema of a registry file (seeds/entities/*.yaml), for editors. */
export function registryJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(registryFileSchema, { io: 'input', target: 'draft-7' }) as Record<
    string,
    unknown
  >;
}
