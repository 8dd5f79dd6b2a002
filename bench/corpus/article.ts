/**
 * One synthetic article: a Kazakh-looking text about a meeting, and its annotation in the real
 * seed format (src/seed/annotation-schema.ts). Some articles also carry the vocabulary of
 * government news: an appointment by decree with its date, a memorandum signed at the meeting,
 * an official visit the meeting is held during, an announced (PLANNED) next meeting. Every evidence excerpt is a whole sentence of the
 * generated text, and no sentence repeats, so each excerpt occurs exactly once.
 */
import type {
  Annotation,
  ClaimAnnotation,
  EntityAnnotation,
  FactAnnotation,
  NumericFactAnnotation,
  QuoteAnnotation,
} from '../../src/seed/annotation-schema.js';
import type { EntityPool, PersonEntry } from './pool.js';
import type { Random } from './random.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface GeneratedArticle {
  slug: string;
  text: string;
  annotation: Annotation;
  /** The shared entities it uses: declared once, in the corpus's entity registry (entities/). */
  registered: EntityAnnotation[];
}

const BASE_TIME = Date.UTC(2020, 0, 1, 4, 0, 0);
const ARTICLE_SPACING_MS = 2 * 3600 * 1000;
const TRANSLATION_NOTE = 'Machine-generated benchmark text; English written by the generator.';

/** `2021-03-04T10:00:00+06:00` for article `index`: two hours apart, Almaty time. */
function publishedAt(index: number): { iso: string; date: string } {
  const local = new Date(BASE_TIME + index * ARTICLE_SPACING_MS + 6 * 3600 * 1000);
  const iso = local.toISOString().slice(0, 19) + '+06:00';
  return { iso, date: iso.slice(0, 10) };
}

/** The ISO day `days` after (or before, when negative) the ISO day `iso`. */
function shiftDay(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function money(value: number): string {
  return value.toFixed(1).replace('.', ',');
}

export function generateArticle(index: number, pool: EntityPool, random: Random): GeneratedArticle {
  const { iso, date } = publishedAt(index);
  const slug = `${date}-bench-${String(index).padStart(5, '0')}`;
  const meetingId = `meeting/${slug}`;

  const participantCount = random.next() < 0.3 ? 3 : 2;
  const participants: PersonEntry[] = random.pickDistinct(pool.people, participantCount);
  while (participants.length < 2) participants.push(pool.people[participants.length]!);
  const [p1, p2] = participants as [PersonEntry, PersonEntry];
  const placeEntry = random.pickSkewed(pool.places);
  const eventEntry = random.next() < 0.5 ? random.pickSkewed(pool.events) : undefined;
  const topics = random.pickDistinct(pool.topics, random.int(2, 4));
  const project = random.next() < 0.3 ? random.pickSkewed(pool.projects) : undefined;
  const reporter = p1.country.pressService;
  const year = Number(date.slice(0, 4)) - 1;

  const entities = new Map<string, EntityAnnotation>();
  /** Entities only this article knows (declared in it, not in the registry). */
  const ownIds = new Set<string>([meetingId]);
  const use = (e: EntityAnnotation) => entities.set(e.id, e);
  const sentences: string[] = [];
  const facts: FactAnnotation[] = [];
  const seenFacts = new Set<string>();
  /** Adds a fact once per (type, from, to): two participants of one country share their government. */
  const fact = (f: DistributiveOmit<FactAnnotation, 'id'>) => {
    const key = `${f.type} ${f.from} ${f.to}`;
    if (seenFacts.has(key)) return;
    seenFacts.add(key);
    facts.push({ ...f, id: `f${facts.length + 1}` } as FactAnnotation);
  };

  // --- the meeting sentence: where, on whose sidelines, who met whom, who reports it ---
  const place = placeEntry.place;
  const placeCountry = placeEntry.country.country;
  const meetingKk = `${p1.person.names.kk} мен ${p2.person.names.kk} кездесуі`;
  use({
    kind: 'Meeting',
    id: meetingId,
    names: {
      kk: meetingKk,
      ru: meetingKk,
      en: `Meeting of ${p1.person.names.en} and ${p2.person.names.en}`,
    },
    aliases: [],
    forms: [],
    status: 'HELD',
    date,
    meetingType: participantCount > 2 ? 'MULTILATERAL' : 'BILATERAL',
  });
  for (const e of [
    place,
    placeCountry,
    reporter,
    p1.country.government,
    ...participants.flatMap((p) => [p.person, p.office, p.country.country, p.country.government]),
  ]) {
    use(e);
  }
  const sidelines = eventEntry ? ` өтіп жатқан ${eventEntry.event.names.kk} алаңында` : '';
  const meetSentence =
    `${place.names.kk}да (${placeCountry.names.kk})${sidelines} ${p1.office.names.kk} ` +
    `${p1.person.names.kk} ${p2.office.names.kk} ${p2.person.names.kk}мен кездесу өткізді, ` +
    `деп хабарлайды ${reporter.names.kk}.`;
  sentences.push(meetSentence);
  const ev = [meetSentence];
  fact({ type: 'HELD_IN', from: meetingId, to: place.id, evidence: ev });
  fact({ type: 'LOCATED_IN', from: place.id, to: placeCountry.id, evidence: ev });
  fact({ type: 'REPORTED_BY', from: meetingId, to: reporter.id, evidence: ev });
  fact({ type: 'PART_OF', from: reporter.id, to: p1.country.government.id, evidence: ev });
  if (eventEntry) {
    use(eventEntry.event);
    use(eventEntry.body);
    fact({ type: 'ON_SIDELINES_OF', from: meetingId, to: eventEntry.event.id, evidence: ev });
    fact({ type: 'SESSION_OF', from: eventEntry.event.id, to: eventEntry.body.id, evidence: ev });
  }
  const p3 = participants[2];
  const p3Sentence = p3
    ? `Кездесуге ${p3.office.names.kk} ${p3.person.names.kk} қатысты.`
    : undefined;
  if (p3Sentence) sentences.push(p3Sentence);
  // --- an appointment by decree, some time before: the first participant's holding begins then ---
  // (Dates in the text are ISO days: the dateline's, an appointment's before it, a planned
  // meeting's after it, so each occurs once.)
  const appointed = random.next() < 0.25 ? shiftDay(date, -random.int(30, 900)) : undefined;
  const appointedSentence = appointed
    ? `${p1.person.names.kk} ${appointed} жарлықпен ${p1.office.names.kk} болып тағайындалған.`
    : undefined;
  if (appointed && appointedSentence) {
    sentences.push(appointedSentence);
    const decreeId = `document/${slug}-decree`;
    ownIds.add(decreeId);
    const decreeKk = `${p1.person.names.kk} тағайындау туралы жарлық`;
    use({
      kind: 'Document',
      id: decreeId,
      names: { kk: decreeKk, ru: decreeKk, en: `Decree appointing ${p1.person.names.en}` },
      aliases: [],
      forms: [],
      documentType: 'DECREE',
      date: appointed,
      dateEvidence: [appointed],
    });
    fact({
      type: 'APPOINTED',
      from: decreeId,
      to: p1.person.id,
      officeId: p1.office.id,
      evidence: [appointedSentence],
      pointInTime: { date: appointed, evidence: [appointed] },
    });
  }
  for (const p of participants) {
    const pev = p === p3 && p3Sentence ? [p3Sentence] : ev;
    fact({
      type: 'HOLDS_OFFICE',
      from: p.person.id,
      to: p.office.id,
      asOf: date,
      evidence: pev,
      ...(p === p1 && appointed && appointedSentence
        ? { startDate: { date: appointed, evidence: [appointed] } }
        : {}),
    });
    fact({ type: 'OFFICE_IN', from: p.office.id, to: p.country.government.id, evidence: pev });
    fact({
      type: 'GOVERNMENT_OF',
      from: p.country.government.id,
      to: p.country.country.id,
      evidence: pev,
    });
    fact({
      type: 'PARTICIPATED_IN',
      from: p.person.id,
      to: meetingId,
      officeId: p.office.id,
      countryId: p.country.country.id,
      evidence: pev,
    });
  }

  // --- claims: distinct templates, so no sentence repeats ---
  const c1 = p1.country.country;
  const c2 = p2.country.country;
  const claimTemplates: Array<
    (
      t: EntityAnnotation,
    ) => Omit<ClaimAnnotation, 'id' | 'evidence' | 'about' | 'madeAt'> & { sentence: string }
  > = [
    (t) => ({
      claimType: 'ASSESSMENT',
      by: p1.person.id,
      summaryEn: `${c1.names.en} and ${c2.names.en} cooperation in ${t.names.en} is strengthening.`,
      sentence: `${p1.person.names.kk} ${c1.names.kk} мен ${c2.names.kk} арасындағы ${t.names.kk} бойынша ынтымақтастық нығайып келе жатқанын атап өтті.`,
    }),
    (t) => ({
      claimType: 'POSITION',
      by: p2.person.id,
      summaryEn: `${c2.names.en} is ready to continue joint work on ${t.names.en}.`,
      sentence: `${p2.person.names.kk} ${c2.names.kk} ${t.names.kk} бойынша бірлескен жұмысты жалғастыруға дайын екенін айтты.`,
    }),
    (t) => ({
      claimType: 'EXPECTATION',
      by: p1.person.id,
      summaryEn: `Positive dynamics in ${t.names.en} are expected to continue.`,
      sentence: `${p1.person.names.kk} ${t.names.kk} саласындағы оң қарқын сақталатынына сенім білдірді.`,
    }),
    (t) => ({
      claimType: 'PROSPECT',
      by: p2.person.id,
      summaryEn: `There are prospects for new projects in ${t.names.en}.`,
      sentence: `${p2.person.names.kk} ${t.names.kk} саласында жаңа жобалардың перспективасы бар екенін айтты.`,
    }),
  ];
  const claims: ClaimAnnotation[] = [];
  const claimCount = random.int(2, 3);
  const firstTemplate = random.int(0, claimTemplates.length - 1);
  for (let k = 0; k < claimCount; k++) {
    const topic = topics[k % topics.length]!;
    const made = claimTemplates[(firstTemplate + k) % claimTemplates.length]!(topic);
    const { sentence, ...claim } = made;
    sentences.push(sentence);
    use(topic);
    claims.push({
      ...claim,
      id: `claim-${k + 1}`,
      madeAt: meetingId,
      about: [c1.id, topic.id],
      evidence: [sentence],
    });
  }

  // --- numeric facts and quotes ---
  const numericFacts: NumericFactAnnotation[] = [];
  const quotes: QuoteAnnotation[] = [];
  const turnover = 1 + random.int(10, 400) / 10;
  const levelSentence = `${year} жылы ${c1.names.kk} мен ${c2.names.kk} арасындағы тауар айналымы $${money(turnover)} млрд көлемінде болды.`;
  sentences.push(levelSentence);
  const isRecord = random.next() < 0.2;
  numericFacts.push({
    id: 'trade-level',
    metric: 'trade turnover',
    value: Math.round(turnover * 1e9),
    unit: 'CURRENCY',
    currency: 'USD',
    periodLabel: String(year),
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    change: 'NONE',
    isChange: false,
    qualifiers: isRecord ? ['record'] : [],
    surfaceText: `$${money(turnover)} млрд`,
    statedBy: p1.person.id,
    about: [c1.id, c2.id],
    evidence: [levelSentence],
  });
  const growth = random.int(2, 40);
  const growthQuote = `${year} жылдың қорытындысы бойынша ${c1.names.kk} мен ${c2.names.kk} сауда көлемі ${growth}%-ға өсті`;
  numericFacts.push({
    id: 'trade-growth',
    metric: 'trade turnover',
    value: growth,
    unit: 'PERCENT',
    periodLabel: String(year),
    change: 'INCREASE',
    isChange: true,
    qualifiers: [],
    surfaceText: `${growth}%`,
    statedBy: p1.person.id,
    about: [c1.id, c2.id],
    evidence: [growthQuote],
  });
  sentences.push(`«${growthQuote}», — деді ${p1.person.names.kk}.`);
  quotes.push({
    id: 'quote-1',
    text: growthQuote,
    speaker: p1.person.id,
    saidAt: meetingId,
    about: [c2.id],
    contains: ['trade-growth'],
    translation: {
      en: `By the results of ${year}, trade between ${c1.names.en} and ${c2.names.en} grew by ${growth}%.`,
      note: TRANSLATION_NOTE,
    },
  });
  if (random.next() < 0.6) {
    const topic = topics[topics.length - 1]!;
    const q = `${topic.names.kk} саласындағы жобалар біздің тұрақты назарымызда`;
    sentences.push(`«${q}», — деді ${p2.person.names.kk}.`);
    use(topic);
    quotes.push({
      id: 'quote-2',
      text: q,
      speaker: p2.person.id,
      saidAt: meetingId,
      about: [topic.id],
      contains: [],
      translation: {
        en: `Projects in ${topic.names.en} are in our constant attention.`,
        note: TRANSLATION_NOTE,
      },
    });
  }

  // --- what was discussed and considered ---
  const discussedSentence = `Келіссөз барысында тараптар ${topics.map((t) => t.names.kk).join(', ')} мәселелерін талқылады.`;
  sentences.push(discussedSentence);
  for (const topic of topics) {
    use(topic);
    fact({
      type: 'DISCUSSED',
      from: meetingId,
      to: topic.id,
      framing: 'DISCUSSED',
      evidence: [discussedSentence],
    });
  }
  if (project) {
    const s = `Сондай-ақ ${project.names.kk} жобасының қызметі қаралды.`;
    sentences.push(s);
    use(project);
    fact({
      type: 'DISCUSSED',
      from: meetingId,
      to: project.id,
      framing: 'CONSIDERED',
      raisedById: p1.person.id,
      evidence: [s],
    });
  }

  // --- a document signed at the meeting by both sides ---
  if (random.next() < 0.3) {
    const topic = topics[0]!;
    const documentId = `document/${slug}-memorandum`;
    ownIds.add(documentId);
    const documentKk = `${topic.names.kk} саласындағы ынтымақтастық туралы меморандум`;
    use({
      kind: 'Document',
      id: documentId,
      names: {
        kk: documentKk,
        ru: documentKk,
        en: `Memorandum on cooperation in ${topic.names.en}`,
      },
      aliases: [],
      forms: [],
      documentType: 'MEMORANDUM',
      date,
      dateEvidence: [date],
    });
    const signedSentence = `Кездесу қорытындысы бойынша тараптар ${documentKk}ға қол қойды.`;
    sentences.push(signedSentence);
    for (const p of [p1, p2]) {
      fact({
        type: 'SIGNED',
        from: p.person.id,
        to: documentId,
        officeId: p.office.id,
        countryId: p.country.country.id,
        evidence: [signedSentence],
        pointInTime: { date, evidence: [date] },
      });
    }
    fact({ type: 'SIGNED_AT', from: documentId, to: meetingId, evidence: [signedSentence] });
    fact({ type: 'ABOUT', from: documentId, to: topic.id, evidence: [signedSentence] });
  }

  // --- the meeting held during the second participant's official visit to the host country ---
  if (random.next() < 0.25) {
    const visitId = `event/${slug}-visit`;
    ownIds.add(visitId);
    const visitKk = `${p2.person.names.kk} ресми сапары`;
    const visitSentence = `Кездесу ${p2.person.names.kk} ${placeCountry.names.kk} еліне ресми сапары барысында өтті.`;
    sentences.push(visitSentence);
    use({
      kind: 'Event',
      id: visitId,
      names: { kk: visitKk, ru: visitKk, en: `Official visit of ${p2.person.names.en}` },
      aliases: [],
      forms: [],
      eventType: 'OFFICIAL_VISIT',
      status: 'HELD',
      startDate: date,
      endDate: date,
      startDateEvidence: [date],
      endDateEvidence: [date],
    });
    const vev = [visitSentence];
    fact({ type: 'DURING', from: meetingId, to: visitId, evidence: vev });
    fact({ type: 'HELD_IN', from: visitId, to: placeCountry.id, evidence: vev });
    fact({
      type: 'PARTICIPATED_IN',
      from: p2.person.id,
      to: visitId,
      role: 'VISITOR',
      officeId: p2.office.id,
      countryId: p2.country.country.id,
      evidence: vev,
    });
  }

  // --- the next meeting, announced: PLANNED on a later day ---
  if (random.next() < 0.2) {
    const planned = shiftDay(date, random.int(30, 200));
    const nextId = `meeting/${slug}-next`;
    ownIds.add(nextId);
    const nextSentence = `Тараптардың келесі кездесуі ${planned} күні ${place.names.kk}да өтеді деп жоспарланған.`;
    sentences.push(nextSentence);
    const nextKk = `${p1.person.names.kk} мен ${p2.person.names.kk} келесі кездесуі`;
    use({
      kind: 'Meeting',
      id: nextId,
      names: {
        kk: nextKk,
        ru: nextKk,
        en: `Next meeting of ${p1.person.names.en} and ${p2.person.names.en}`,
      },
      aliases: [],
      forms: [],
      status: 'PLANNED',
      statusEvidence: ['өтеді деп жоспарланған'],
      date: planned,
      dateEvidence: [planned],
      meetingType: 'BILATERAL',
    });
    const nev = [nextSentence];
    fact({ type: 'HELD_IN', from: nextId, to: place.id, evidence: nev });
    for (const p of [p1, p2]) {
      fact({
        type: 'PARTICIPATED_IN',
        from: p.person.id,
        to: nextId,
        officeId: p.office.id,
        countryId: p.country.country.id,
        evidence: nev,
      });
    }
  }

  const title = `${p1.person.names.kk} мен ${p2.person.names.kk} не туралы сөйлесті?`;
  const paragraphs: string[] = [];
  for (let k = 0; k < sentences.length; k += 2)
    paragraphs.push(sentences.slice(k, k + 2).join(' '));
  const text = `${date}\n\n${title}\n\n${paragraphs.join('\n\n')}\n`;

  return {
    slug,
    text,
    registered: [...entities.values()].filter((e) => !ownIds.has(e.id)),
    annotation: {
      article: {
        slug,
        textFile: `${slug}.kk.txt`,
        title,
        language: 'kk',
        publishedAt: iso,
        sourceName: reporter.names.kk,
        source: reporter.id,
      },
      uses: [...entities.keys()].filter((id) => !ownIds.has(id)),
      entities: [...ownIds].map((id) => entities.get(id) as EntityAnnotation),
      quotes,
      claims,
      numericFacts,
      facts,
    },
  };
}
