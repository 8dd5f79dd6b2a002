/**
 * The `caption` property of every node: a few English words written for a picture (Neo4j
 * Browser draws it inside the node's circle, where a full name or sentence is cut to a
 * fragment). Computed from the node's own properties, so re-seeding keeps it in step.
 */

/** Longest caption, in characters: what fits on four lines of a node in the Browser style. */
export const CAPTION_MAX = 36;

import type { ArticlePlan, PlannedEntity, Properties } from './plan.js';

type Props = Readonly<Record<string, unknown>>;

/** Words that make a poor last word of a shortened caption. */
const DANGLING = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'by', 'with']);

/** `text` cut after a whole word so that it and an ellipsis fit in `max` characters. */
export function shortenCaption(text: string, max = CAPTION_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if ([...clean].length <= max) return clean;
  const words = clean.split(' ');
  const kept: string[] = [];
  for (const word of words) {
    if ([...[...kept, word].join(' ')].length > max - 1) break;
    kept.push(word);
  }
  while (kept.length > 1 && DANGLING.has(kept[kept.length - 1]!.toLowerCase())) kept.pop();
  // A first word longer than the limit: cut inside it rather than show nothing.
  const head = kept.length > 0 ? kept.join(' ') : [...clean].slice(0, max - 1).join('');
  return `${head.replace(/[,;:.(–-]+$/, '')}…`;
}

const isLatin = (text: string) => /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u.test(text);

/** A name this long shows whole on two lines of a node; a longer one gives way to a short alias. */
const SHORT_NAME = 24;

/** The English name; when it is long, an English alias that is short, if the entity has one. */
function entityCaption(props: Props): string {
  const name = String(props.nameEn);
  if ([...name].length <= SHORT_NAME) return name;
  const aliases = Array.isArray(props.aliases) ? props.aliases.map(String) : [];
  const short = aliases
    .filter((a) => isLatin(a) && [...a].length <= SHORT_NAME)
    .sort((a, b) => b.length - a.length);
  // The longest short alias says most (`Prime Minister of Russia` rather than `PM`).
  return short[0] ?? shortenCaption(name);
}

const SCALES: Array<[number, string]> = [
  [1e12, 'tn'],
  [1e9, 'bn'],
  [1e6, 'm'],
  [1e3, 'k'],
];
const CURRENCY_SIGNS: Record<string, string> = { USD: '$', EUR: '€', RUB: '₽', KZT: '₸' };

/** `$24.2 bn`, `5%`, `1/3`, `30 years`: the figure of a numeric fact, in English notation. */
export function figureCaption(props: Props): string {
  const value = Number(props.value);
  const unit = String(props.unit);
  const plus = props.isChange === true && props.change === 'INCREASE' ? '+' : '';
  const minus = props.isChange === true && props.change === 'DECREASE' ? '−' : '';
  const sign = plus || minus;
  const round = (n: number) => String(Math.round(n * 10) / 10);
  switch (unit) {
    case 'PERCENT':
      return `${sign}${round(value)}%`;
    case 'FRACTION': {
      const denominator = Math.round(1 / value);
      return denominator > 1 && Math.abs(1 / denominator - value) < 1e-6
        ? `${sign}1/${denominator}`
        : `${sign}${round(value * 100)}%`;
    }
    case 'YEARS':
      return `${sign}${round(value)} years`;
    case 'CURRENCY': {
      const code = typeof props.currency === 'string' ? props.currency : '';
      const symbol = CURRENCY_SIGNS[code] ?? (code ? `${code} ` : '');
      const [scale, suffix] = SCALES.find(([s]) => Math.abs(value) >= s) ?? [1, ''];
      return `${sign}${symbol}${round(value / scale)}${suffix ? ` ${suffix}` : ''}`;
    }
    default:
      return `${sign}${round(value)}`;
  }
}

/** The caption of a node with the given kind label and properties, as the seeder writes them. */
export function nodeCaption(label: string, props: Props): string {
  switch (label) {
    case 'Article':
      return shortenCaption(String(props.title));
    case 'Sentence':
      return shortenCaption(`${String(props.index)}. ${String(props.text)}`);
    case 'Quote':
      return shortenCaption(`“${String(props.translationEn)}”`);
    case 'Claim':
      return shortenCaption(String(props.summaryEn));
    case 'NumericFact': {
      const figure = figureCaption(props);
      const metric = shortenCaption(String(props.metric), CAPTION_MAX - figure.length - 2);
      return `${figure}: ${metric}`;
    }
    default:
      return entityCaption(props);
  }
}

/** A person's shortest English name: a Latin-script alias such as `Smailov`, else the last word. */
function surname(props: Props): string {
  const aliases = Array.isArray(props.aliases) ? props.aliases.map(String) : [];
  const latin = aliases.filter(isLatin).sort((x, y) => x.length - y.length);
  return latin[0] ?? String(props.nameEn).split(' ').at(-1)!;
}

/**
 * A meeting of two or three people the article names as taking part: `Smailov–Mishustin
 * meeting`, which fits where `Meeting of Alikhan Smailov and Mikhail Mishustin` would be cut.
 */
function meetingCaption(plan: ArticlePlan, meeting: PlannedEntity): string | undefined {
  const people = new Map(plan.entities.filter((e) => e.kind === 'Person').map((e) => [e.id, e]));
  const names = plan.relationships
    .filter((r) => r.type === 'PARTICIPATED_IN' && r.toId === meeting.id)
    .map((r) => people.get(r.fromId))
    .filter((p) => p !== undefined)
    .map((p) => surname(p.props));
  const caption = `${[...new Set(names)].join('–')} meeting`;
  return names.length >= 2 && names.length <= 3 && caption.length <= CAPTION_MAX
    ? caption
    : undefined;
}

const aliasesOf = (props: Props): string[] =>
  Array.isArray(props.aliases) ? props.aliases.map(String) : [];

/**
 * An office's title without its country (`Prime Minister of Kazakhstan` → `Prime Minister`):
 * Browser cuts an edge's caption to the edge's length, where the whole name would end in
 * `Prime Minister of Kaz…`; the office's node and the country's carry the full names.
 */
export function officeTitle(caption: string, countries: readonly string[]): string {
  for (const country of countries) {
    const suffix = ` of ${country}`;
    if (caption.endsWith(suffix) && caption.length > suffix.length)
      return caption.slice(0, -suffix.length);
  }
  return caption;
}

/** Longest edge caption: Browser writes it along the edge, which has more room than a node. */
export const EDGE_CAPTION_MAX = 48;

/** What the edge of a relationship naming an office says, before the office's caption. */
export const OFFICE_EDGE_VERBS: Readonly<Record<string, string>> = {
  PARTICIPATED_IN: '',
  APPOINTED: 'appointed ',
  NOMINATED: 'nominated ',
  DISMISSED: 'dismissed ',
  SIGNED: 'signed as ',
};

/**
 * The caption of a relationship that names an office (`officeId`): the office as the article
 * states it for this fact, by its title (officeTitle), e.g. `Prime Minister` on a
 * participation, `appointed Prime Minister` on an appointment. Neo4j Browser draws it on the edge, where
 * the type alone would not say in which capacity. Without an office: the verb (`signed`), or
 * for a participant its role (`delegation member`).
 */
export function relationshipCaption(
  type: string,
  props: Props,
  officeCaption: (officeId: string) => string | undefined,
): string | undefined {
  const verb = OFFICE_EDGE_VERBS[type];
  // Other relationships have no caption: Browser shows their type.
  if (verb === undefined) return undefined;
  const office = typeof props.officeId === 'string' ? officeCaption(props.officeId) : undefined;
  const role =
    type === 'PARTICIPATED_IN' && typeof props.role === 'string' && props.role !== 'PARTICIPANT'
      ? props.role.toLowerCase().replaceAll('_', ' ')
      : undefined;
  if (office !== undefined) {
    // A visit's visitor and host may hold the same office: the role tells them apart.
    const text = role === undefined ? `${verb}${office}` : `${office} (${role})`;
    return shortenCaption(text, EDGE_CAPTION_MAX);
  }
  if (type !== 'PARTICIPATED_IN') return verb.replace(/ as $/, '').trim();
  // An organization or country taking part holds no office: its role, if the article gives one.
  return role ?? 'took part';
}

/** The plan with a `caption` on every node it writes and on the edges naming an office. */
export function withCaptions(
  plan: ArticlePlan,
  /** English names of the registry's countries (an office's country may be in no plan). */
  registryCountries: readonly string[] = [],
): ArticlePlan {
  const offices = new Map(plan.entities.filter((e) => e.kind === 'Office').map((e) => [e.id, e]));
  const countries = plan.entities
    .filter((e) => e.kind === 'Country')
    .flatMap((e) => [String(e.props.nameEn), ...aliasesOf(e.props).filter(isLatin)])
    .concat(registryCountries);
  const officeCaption = (id: string) => {
    const office = offices.get(id);
    return office && officeTitle(nodeCaption('Office', office.props), countries);
  };
  const caption = <P extends Properties>(
    label: string,
    props: P,
    text = nodeCaption(label, props),
  ): P & { caption: string } => ({ ...props, caption: text });
  return {
    ...plan,
    article: caption('Article', plan.article),
    sentences: plan.sentences.map((s) => ({ ...s, props: caption('Sentence', s.props) })),
    entities: plan.entities.map((e) => ({
      ...e,
      props: caption(
        e.kind,
        e.props,
        (e.kind === 'Meeting' && meetingCaption(plan, e)) || undefined,
      ),
    })),
    factNodes: plan.factNodes.map((f) => ({ ...f, props: caption(f.label, f.props) })),
    relationships: plan.relationships.map((r) => {
      const text = relationshipCaption(r.type, r.props, officeCaption);
      return text === undefined ? r : { ...r, props: { ...r.props, caption: text } };
    }),
  };
}
