/**
 * Facts a name states about the entities named inside it, with the name as evidence:
 * - an office inside a body (`РФ Үкіметінің төрағасы`, `Председатель Европейской комиссии`):
 *   OFFICE_IN; a head of state's office with only a country inside (`Иран Президенті`,
 *   `Иранның жоғарғы көшбасшысы`): OFFICE_OF;
 * - a government with a country inside (`ҚР Үкіметі`): GOVERNMENT_OF;
 * - a body inside a body (`ҚР Үкіметінің баспасөз қызметі`): PART_OF;
 * - a place inside a place (`Қазақстанның солтүстік … өңірлері`), a capital
 *   (`Иран астанасы Тегеранда`, `столице Ирана Тегеране`): LOCATED_IN;
 * - a topic naming a country or place (`қазақстандық шикізат транзиті`): ABOUT.
 */
import type { FactContext } from './facts.js';
import type { Match } from './lexicon.js';
import type { DraftFact, EntityKind, Excerpt } from './model.js';

/** Offices of a state rather than of a government (the head of state, a supreme leader). */
const HEAD_OF_STATE =
  /^(?:president|supreme leader|king|emir|sultan|head of state)\b|^(?:президент|көшбасшы|король|эмир|глава государства)/iu;
const GOVERNMENT = /үкімет|правительств|government/iu;
const CAPITAL = /^\s*(?:астанасы|столица|столицы|столице)\s+$/u;

const kindOf = (context: FactContext, id: string): EntityKind | undefined =>
  context.lexicon.get(id)?.kind;

export function structuralFacts(context: FactContext): DraftFact[] {
  const { text, lexicon, language } = context;
  const out: DraftFact[] = [];
  const push = (type: DraftFact['type'], from: string, to: string, evidence: Excerpt) => {
    if (from === to || out.some((f) => f.type === type && f.from === from && f.to === to)) return;
    out.push({ type, from, to, evidence: [evidence], qualifiers: {} });
  };
  for (const sentence of context.sentences) {
    const list = context.matches.get(sentence.index) ?? [];
    const inner = lexicon.nested(sentence.text, list, language, sentence.start);
    const within = (outer: Match) =>
      inner.filter(
        (m) => m.excerpt.start >= outer.excerpt.start && m.excerpt.end <= outer.excerpt.end,
      );
    for (const outer of [...list, ...inner]) {
      const kind = kindOf(context, outer.entityId);
      const parts = within(outer).filter((m) => m !== outer);
      const of = (k: EntityKind) => parts.filter((m) => kindOf(context, m.entityId) === k);
      const entity = lexicon.get(outer.entityId);
      const name = `${entity?.names.en ?? ''} ${entity?.names.ru ?? ''} ${entity?.names.kk ?? ''}`;
      if (kind === 'Office') {
        const body = of('Organization')[0];
        if (body) push('OFFICE_IN', outer.entityId, body.entityId, outer.excerpt);
        const country = of('Country')[0];
        const en = entity?.names.en ?? '';
        if (!body && country && (HEAD_OF_STATE.test(en) || (!en && HEAD_OF_STATE.test(name))))
          push('OFFICE_OF', outer.entityId, country.entityId, outer.excerpt);
      }
      if (kind === 'Organization') {
        const country = of('Country')[0];
        const body = of('Organization')[0];
        if (body) push('PART_OF', outer.entityId, body.entityId, outer.excerpt);
        else if (country && GOVERNMENT.test(name))
          push('GOVERNMENT_OF', outer.entityId, country.entityId, outer.excerpt);
      }
      if (kind === 'Place') {
        const container = [...of('Country'), ...of('Place')][0];
        if (container) push('LOCATED_IN', outer.entityId, container.entityId, outer.excerpt);
      }
      if (kind === 'Topic') {
        for (const m of [...of('Country'), ...of('Place')])
          push('ABOUT', outer.entityId, m.entityId, outer.excerpt);
      }
    }
    // `Иран астанасы Тегеранда`: a capital in apposition to its country.
    for (let k = 0; k + 1 < list.length; k++) {
      const country = list[k]!;
      const place = list[k + 1]!;
      if (kindOf(context, country.entityId) !== 'Country') continue;
      if (kindOf(context, place.entityId) !== 'Place') continue;
      if (!CAPITAL.test(text.slice(country.excerpt.end, place.excerpt.start))) continue;
      push('LOCATED_IN', place.entityId, country.entityId, {
        start: country.excerpt.start,
        end: place.excerpt.end,
        text: text.slice(country.excerpt.start, place.excerpt.end),
      });
    }
  }
  return out;
}
