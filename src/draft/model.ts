/**
 * What the draft tool extracts from a text, independent of the seed format: every item keeps
 * the verbatim excerpts that state it (offsets in UTF-16 units of the text, as RegExp and
 * `wordSpans` give them; `emit.ts` turns them into the seed format's code points).
 * `emit.ts` is the one module that knows the YAML format.
 */
import type { CLAIM_TYPES, EntityAnnotation } from '../seed/annotation-schema.js';

export type DraftLanguage = 'kk' | 'ru';
export type EntityKind = EntityAnnotation['kind'];

/** A verbatim piece of the text: `text === source.slice(start, end)`. */
export interface Excerpt {
  start: number;
  end: number;
  text: string;
}

export interface DraftSentence extends Excerpt {
  index: number;
}

/** An entity the draft may refer to: one of the registry, or a candidate it proposes. */
export interface DraftEntity {
  id: string;
  kind: EntityKind;
  names: { kk?: string; ru?: string; en?: string };
  aliases: readonly string[];
  forms: readonly string[];
  /** True for a registered entity (seeds/entities/), false for a new candidate. */
  registered: boolean;
}

/** A new entity the text names and the registry does not have. */
export interface Candidate extends DraftEntity {
  registered: false;
  /** Kind-specific fields proposed (placeType, organizationType, topicType, meetingType…). */
  fields: Record<string, string>;
  /** Evidence of its fields (`dateEvidence`, `statusEvidence`, `startDateEvidence`). */
  evidence?: Record<string, Excerpt[]>;
  /** Where the text names it first. */
  first: Excerpt;
  /** What a person must check or fill in. */
  todo: string[];
}

export interface EntityMention {
  entityId: string;
  sentence: number;
  excerpt: Excerpt;
}

export interface DraftQuote {
  /** The quotation without its «» marks. */
  excerpt: Excerpt;
  speakerId?: string;
  /** The words naming the speaker (`Премьер-Министр`, `Әлихан Смайылов`). */
  speakerExcerpt?: Excerpt;
  /** Its subjects (countries, topics), proposed. */
  about?: string[];
  todo: string[];
}

export type FigureUnit = 'CURRENCY' | 'PERCENT' | 'FRACTION' | 'YEARS' | 'COUNT';
export type Direction = 'INCREASE' | 'DECREASE' | 'NONE';

export interface Period {
  start: string;
  end: string;
  label: string;
  excerpt: Excerpt;
}

export interface DraftFigure {
  value: number;
  unit: FigureUnit;
  currency?: string;
  period?: Period;
  change: Direction;
  isChange: boolean;
  qualifiers: string[];
  /** The figure as written (`$24,2 млрд`). */
  surface: Excerpt;
  evidence: Excerpt;
  /** The speaker when the figure is inside a quote. */
  statedBy?: string;
}

/** A calendar date or range the text states (`2023 жылғы 30 наурызда`, `12–13 қыркүйекте`). */
export interface DraftDate {
  start: string;
  end: string;
  excerpt: Excerpt;
}

export type DraftFactType =
  | 'HOLDS_OFFICE'
  | 'PARTICIPATED_IN'
  | 'HELD_IN'
  | 'LOCATED_IN'
  | 'ON_SIDELINES_OF'
  | 'SESSION_OF'
  | 'REPORTED_BY'
  | 'DISCUSSED'
  | 'OFFICE_IN'
  | 'OFFICE_OF'
  | 'GOVERNMENT_OF'
  | 'PART_OF'
  | 'DURING'
  | 'ABOUT'
  | 'SIGNED'
  | 'SIGNED_AT'
  | 'APPOINTED'
  | 'NOMINATED';

/** A date a fact holds from, until or at, with the words that state it. */
export interface DatedQualifier {
  date: string;
  evidence: Excerpt[];
}

export interface DraftFact {
  type: DraftFactType;
  from: string;
  to: string;
  evidence: Excerpt[];
  /** Qualifiers of the type (framing, raisedById, officeId, countryId, asOf, role). */
  qualifiers: Record<string, string>;
  /** Dated qualifiers (`pointInTime` of a signature, `startDate` of an office). */
  dated?: Partial<Record<'pointInTime' | 'startDate' | 'endDate', DatedQualifier>>;
}

export type ClaimType = (typeof CLAIM_TYPES)[number];

/** What someone asserted (reported speech, or a sentence of a quote), verbatim. */
export interface DraftClaim {
  claimType: ClaimType;
  /** Who asserted it; undefined: the article's own voice. */
  by?: string;
  evidence: Excerpt;
  /** The meeting or event it was said at. */
  madeAt?: string;
  about: string[];
}

export interface Draft {
  text: string;
  language: DraftLanguage;
  /** `YYYY-MM-DD` of publication when known (from --published or the dateline). */
  published?: string;
  publishedAt?: string;
  title: string;
  sentences: DraftSentence[];
  mentions: EntityMention[];
  candidates: Candidate[];
  quotes: DraftQuote[];
  figures: DraftFigure[];
  dates: DraftDate[];
  facts: DraftFact[];
  claims: DraftClaim[];
  /** The organization that reports the article (its source), when the text says. */
  source?: { id: string; excerpt: Excerpt };
}
