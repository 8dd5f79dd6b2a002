/**
 * The shared entities of the synthetic corpus: a few hundred countries, people, organizations,
 * places, events, topics and projects, reused across articles with a long tail (see
 * Random.pickSkewed). Names are synthetic Kazakh-looking words; English names transliterate them.
 */
import type { EntityAnnotation } from '../../src/seed/annotation-schema.js';
import type { Random } from './random.js';
import { slugify, transliterate } from './transliterate.js';

type Entity<K extends EntityAnnotation['kind']> = Extract<EntityAnnotation, { kind: K }>;

export interface CountryEntry {
  country: Entity<'Country'>;
  government: Entity<'Organization'>;
  pressService: Entity<'Organization'>;
}

export interface PersonEntry {
  person: Entity<'Person'>;
  office: Entity<'Office'>;
  country: CountryEntry;
}

export interface PlaceEntry {
  place: Entity<'Place'>;
  country: CountryEntry;
}

export interface EventEntry {
  event: Entity<'Event'>;
  body: Entity<'Organization'>;
}

export interface EntityPool {
  countries: CountryEntry[];
  people: PersonEntry[];
  places: PlaceEntry[];
  events: EventEntry[];
  topics: Entity<'Topic'>[];
  projects: Entity<'InfrastructureProject'>[];
}

export interface PoolSizes {
  countries: number;
  people: number;
  places: number;
  events: number;
  topics: number;
  projects: number;
}

const DEFAULT_POOL_SIZES: PoolSizes = {
  countries: 120,
  people: 400,
  places: 200,
  events: 80,
  topics: 120,
  projects: 60,
};

const SYLLABLES = [
  'ба',
  'да',
  'қа',
  'ма',
  'на',
  'са',
  'та',
  'ра',
  'ла',
  'жа',
  'ке',
  'бе',
  'те',
  'ле',
  'се',
  'мі',
  'рі',
  'ті',
  'кі',
  'ну',
  'ру',
  'ту',
  'бо',
  'до',
  'то',
  'зе',
  'ше',
  'ғы',
  'ды',
  'лы',
];
const COUNTRY_ENDINGS = ['ия', 'стан', 'ния', 'рия'];
const PLACE_ENDINGS = ['абад', 'тау', 'көл', 'бұлақ', 'сай'];
const FIRST_NAMES = [
  'Әлихан',
  'Михаил',
  'Нұрлан',
  'Асқар',
  'Ерлан',
  'Бақыт',
  'Сергей',
  'Айгүл',
  'Дана',
  'Марат',
  'Қанат',
  'Жанар',
  'Олег',
  'Гүлнар',
  'Серік',
  'Арман',
  'Ирина',
  'Дәурен',
  'Самат',
  'Тимур',
];
const SURNAME_ENDINGS = ['ов', 'ев', 'ұлы', 'ин', 'бек'];
const SECTORS = [
  ['өнеркәсіп', 'industry'],
  ['энергетика', 'energy'],
  ['машина жасау', 'machine building'],
  ['көлік инфрақұрылымы', 'transport infrastructure'],
  ['бейбіт атом', 'peaceful atom'],
  ['цифрландыру', 'digitalization'],
  ['газдандыру', 'gasification'],
  ['ауыл шаруашылығы', 'agriculture'],
  ['денсаулық сақтау', 'healthcare'],
  ['білім беру', 'education'],
  ['туризм', 'tourism'],
  ['су ресурстары', 'water resources'],
  ['логистика', 'logistics'],
  ['қаржы', 'finance'],
  ['сауда', 'trade'],
  ['мәдениет', 'culture'],
  ['ғылым', 'science'],
  ['құрылыс', 'construction'],
  ['металлургия', 'metallurgy'],
  ['химия өнеркәсібі', 'chemical industry'],
] as const;
const TOPIC_MODIFIERS = [
  ['ынтымақтастығы', 'cooperation'],
  ['саласын дамыту', 'development'],
  ['импортты алмастыру', 'import substitution'],
  ['инвестициялары', 'investment'],
  ['жобалары', 'projects'],
  ['транзиті', 'transit'],
] as const;
const PROJECT_TYPES = [
  ['газ құбыры', 'gas pipeline', 'GAS_PIPELINE'],
  ['мұнай құбыры', 'oil pipeline', 'OIL_PIPELINE'],
  ['су тартқышы', 'water pipeline', 'WATER_PIPELINE'],
  ['темір жолы', 'railway', 'RAILWAY'],
  ['автожолы', 'road', 'ROAD'],
  ['электр станциясы', 'power plant', 'POWER_PLANT'],
] as const;
/** Kazakh case endings the texts use; every entity declares its name with each as a form. */
const CASE_ENDINGS = ['ның', 'мен', 'да', 'ға'] as const;

function forms(nameKk: string): string[] {
  return CASE_ENDINGS.map((ending) => nameKk + ending);
}

function searchable(nameKk: string, nameEn: string) {
  return {
    names: { kk: nameKk, ru: nameKk, en: nameEn },
    aliases: [] as string[],
    forms: forms(nameKk),
  };
}

/** Unique synthetic words: a counter suffix breaks the (rare) collisions. */
class NameMaker {
  private readonly used = new Set<string>();
  constructor(private readonly random: Random) {}

  word(syllables: number, ending: string): string {
    for (let attempt = 0; ; attempt++) {
      let w = '';
      for (let i = 0; i < syllables; i++) w += this.random.pick(SYLLABLES);
      w = w[0]!.toUpperCase() + w.slice(1) + ending;
      if (attempt > 20) w += String(attempt);
      if (!this.used.has(w)) {
        this.used.add(w);
        return w;
      }
    }
  }
}

function isoCodes(index: number): { alpha2: string; alpha3: string } {
  const a = String.fromCharCode(65 + (Math.floor(index / 26) % 26));
  const b = String.fromCharCode(65 + (index % 26));
  return { alpha2: `${a}${b}`, alpha3: `${a}${b}X` };
}

export function buildPool(random: Random, sizes: PoolSizes = DEFAULT_POOL_SIZES): EntityPool {
  const names = new NameMaker(random);

  const countries: CountryEntry[] = [];
  for (let i = 0; i < sizes.countries; i++) {
    const kk = names.word(random.int(2, 3), random.pick(COUNTRY_ENDINGS));
    const en = transliterate(kk);
    const slug = slugify(kk);
    const { alpha2, alpha3 } = isoCodes(i);
    const govKk = `${kk} Үкіметі`;
    const pressKk = `${kk} Үкіметінің баспасөз қызметі`;
    countries.push({
      country: {
        kind: 'Country',
        id: `country/${slug}`,
        ...searchable(kk, en),
        iso3166Alpha2: alpha2,
        iso3166Alpha3: alpha3,
      },
      government: {
        kind: 'Organization',
        id: `organization/government-of-${slug}`,
        ...searchable(govKk, `Government of ${en}`),
        organizationType: 'GOVERNMENT',
      },
      pressService: {
        kind: 'Organization',
        id: `organization/press-service-of-${slug}`,
        ...searchable(pressKk, `Press service of the Government of ${en}`),
        organizationType: 'PRESS_SERVICE',
      },
    });
  }

  const people: PersonEntry[] = [];
  for (let i = 0; i < sizes.people; i++) {
    const country = random.pickSkewed(countries, 1.5);
    const countryKk = country.country.names.kk;
    const countryEn = country.country.names.en;
    const first = random.pick(FIRST_NAMES);
    const surname = names.word(random.int(2, 3), random.pick(SURNAME_ENDINGS));
    const kk = `${first} ${surname}`;
    const [sectorKk, sectorEn] = random.pick(SECTORS);
    // One office per person: the head of government for the first person of a country.
    const isHead = !people.some((p) => p.country === country);
    const officeKk = isHead ? `${countryKk} Премьер-Министрі` : `${countryKk} ${sectorKk} министрі`;
    const officeEn = isHead
      ? `Prime Minister of ${countryEn}`
      : `Minister of ${sectorEn} of ${countryEn}`;
    const officeSlug = isHead
      ? `prime-minister-of-${slugify(countryKk)}`
      : `minister-${i}-of-${slugify(countryKk)}`;
    people.push({
      country,
      person: {
        kind: 'Person',
        id: `person/${slugify(kk)}-${i}`,
        ...searchable(kk, transliterate(kk)),
      },
      office: { kind: 'Office', id: `office/${officeSlug}`, ...searchable(officeKk, officeEn) },
    });
  }

  const places: PlaceEntry[] = [];
  for (let i = 0; i < sizes.places; i++) {
    const kk = names.word(2, random.pick(PLACE_ENDINGS));
    places.push({
      country: random.pickSkewed(countries, 1.5),
      place: {
        kind: 'Place',
        id: `place/${slugify(kk)}`,
        ...searchable(kk, transliterate(kk)),
        placeType: 'SETTLEMENT',
      },
    });
  }

  const bodies: Entity<'Organization'>[] = [];
  for (let i = 0; i < Math.max(4, Math.floor(sizes.events / 5)); i++) {
    const kk = `${names.word(2, '')} үкіметаралық кеңесі`;
    bodies.push({
      kind: 'Organization',
      id: `organization/${slugify(kk)}`,
      ...searchable(kk, transliterate(kk)),
      organizationType: 'INTERGOVERNMENTAL_BODY',
    });
  }
  const events: EventEntry[] = [];
  for (let i = 0; i < sizes.events; i++) {
    const body = bodies[i % bodies.length]!;
    const session = Math.floor(i / bodies.length) + 1;
    const kk = `${body.names.kk} ${session}-отырысы`;
    events.push({
      body,
      event: {
        kind: 'Event',
        id: `event/${slugify(body.names.kk)}-session-${session}`,
        ...searchable(kk, `${body.names.en}, session ${session}`),
        eventType: 'INTERGOVERNMENTAL_COUNCIL_SESSION',
        status: 'HELD',
      },
    });
  }

  const topics: Entity<'Topic'>[] = [];
  for (let i = 0; i < sizes.topics; i++) {
    const [sectorKk, sectorEn] = SECTORS[i % SECTORS.length]!;
    const [modKk, modEn] =
      TOPIC_MODIFIERS[Math.floor(i / SECTORS.length) % TOPIC_MODIFIERS.length]!;
    const round = Math.floor(i / (SECTORS.length * TOPIC_MODIFIERS.length));
    const kk = `${sectorKk} ${modKk}${round > 0 ? ` ${round + 1}` : ''}`;
    const en = `${sectorEn} ${modEn}${round > 0 ? ` ${round + 1}` : ''}`;
    topics.push({
      kind: 'Topic',
      id: `topic/${slugify(en)}`,
      ...searchable(kk, en),
      topicType: 'COOPERATION_AREA',
    });
  }

  const projects: Entity<'InfrastructureProject'>[] = [];
  for (let i = 0; i < sizes.projects; i++) {
    const [typeKk, typeEn, projectType] = random.pick(PROJECT_TYPES);
    const from = random.pick(places).place.names;
    const to = random.pick(places).place.names;
    const kk = `«${from.kk}-${to.kk}» ${typeKk}`;
    const en = `${from.en}–${to.en} ${typeEn}`;
    projects.push({
      kind: 'InfrastructureProject',
      id: `project/${slugify(en)}-${i}`,
      ...searchable(kk, en),
      projectType,
    });
  }

  return { countries, people, places, events, topics, projects };
}
