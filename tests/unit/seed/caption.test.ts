/** Captions written for Neo4j Browser's picture: short, whole words, English. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  CAPTION_MAX,
  EDGE_CAPTION_MAX,
  figureCaption,
  nodeCaption,
  OFFICE_EDGE_VERBS,
  officeTitle,
  relationshipCaption,
  shortenCaption,
} from '../../../src/seed/caption.js';
import {
  ENTITY_KIND_LABELS,
  FACT_NODE_LABELS,
  PROVENANCE_LABELS,
} from '../../../src/graph/schema.js';
import { planCorpus } from '../../../src/seed/index.js';

describe('shortenCaption', () => {
  it('keeps a short text and cuts a long one after a whole word, without a dangling "of"', () => {
    expect(shortenCaption('Energy')).toBe('Energy');
    expect(shortenCaption('Gasification of the northern and eastern regions of Kazakhstan')).toBe(
      'Gasification of the northern…',
    );
    expect(shortenCaption('Press service of the Government of Kazakhstan', 20)).toBe(
      'Press service…',
    );
  });
});

describe('figureCaption', () => {
  it('writes figures in English notation', () => {
    expect(figureCaption({ value: 24_200_000_000, unit: 'CURRENCY', currency: 'USD' })).toBe(
      '$24.2 bn',
    );
    expect(
      figureCaption({ value: 1 / 3, unit: 'FRACTION', isChange: true, change: 'INCREASE' }),
    ).toBe('+1/3');
    expect(figureCaption({ value: 5, unit: 'PERCENT' })).toBe('5%');
    expect(figureCaption({ value: 30, unit: 'YEARS' })).toBe('30 years');
  });
});

describe('nodeCaption', () => {
  it('prefers a short English alias to a long name', () => {
    expect(
      nodeCaption('Office', {
        nameEn: 'Chairman of the Government of the Russian Federation',
        aliases: ['Председатель Правительства', 'Prime Minister of Russia'],
      }),
    ).toBe('Prime Minister of Russia');
    expect(nodeCaption('Person', { nameEn: 'Alikhan Smailov', aliases: ['Smailov'] })).toBe(
      'Alikhan Smailov',
    );
  });
});

describe('the seeded corpus', () => {
  it('gives every node a caption of at most CAPTION_MAX characters; a meeting its participants', () => {
    const plans = planCorpus(['seeds']);
    const nodes = plans.flatMap((p) => [
      p.article,
      ...p.sentences.map((s) => s.props),
      ...p.entities.map((e) => e.props),
      ...p.factNodes.map((f) => f.props),
    ]);
    for (const props of nodes) {
      expect(typeof props.caption, String(props.id)).toBe('string');
      expect([...String(props.caption)].length, String(props.caption)).toBeLessThanOrEqual(
        CAPTION_MAX,
      );
    }
    const meeting = plans
      .flatMap((p) => p.entities)
      .find((e) => e.props.id === 'meeting/2022-08-25-smailov-mishustin')!;
    expect(meeting.props.caption).toBe('Smailov–Mishustin meeting');
  });

  it('captions an edge that names an office by that office, as the fact states it', () => {
    const plans = planCorpus(['seeds']);
    const edges = plans.flatMap((p) => p.relationships);
    const caption = (type: string, from: string, to: string) =>
      edges.find((r) => r.type === type && r.fromId === from && r.toId === to)?.props.caption;
    const meeting = 'meeting/2022-08-25-smailov-mishustin';
    // Mishustin's office is "Chairman of the Government of the Russian Federation": its short
    // alias, "Prime Minister of Russia", by its title.
    expect(caption('PARTICIPATED_IN', 'person/mikhail-mishustin', meeting)).toBe('Prime Minister');
    expect(caption('PARTICIPATED_IN', 'person/alikhan-smailov', meeting)).toBe('Prime Minister');
    expect(
      caption(
        'PARTICIPATED_IN',
        'person/ursula-von-der-leyen',
        'meeting/2022-11-07-smailov-von-der-leyen',
      ),
    ).toBe('President of the European Commission');
    expect(
      caption(
        'APPOINTED',
        'document/decree-2022-01-11-smailov-prime-minister',
        'person/alikhan-smailov',
      ),
    ).toBe('appointed Prime Minister');
    for (const r of edges.filter((e) => e.type in OFFICE_EDGE_VERBS)) {
      expect(typeof r.props.caption, `${r.type} ${r.fromId}`).toBe('string');
      expect([...String(r.props.caption)].length).toBeLessThanOrEqual(EDGE_CAPTION_MAX);
    }
    // Other relationships have none: Browser shows their type.
    expect(edges.filter((e) => !(e.type in OFFICE_EDGE_VERBS) && 'caption' in e.props)).toEqual([]);
  });

  it("drops an office's country, and nothing else, from its title", () => {
    const countries = ['Kazakhstan', 'Russia'];
    expect(officeTitle('Prime Minister of Kazakhstan', countries)).toBe('Prime Minister');
    expect(officeTitle('Minister of Defence of Russia', countries)).toBe('Minister of Defence');
    expect(officeTitle('Minister of Defence', countries)).toBe('Minister of Defence');
    expect(officeTitle('President of the European Commission', countries)).toBe(
      'President of the European Commission',
    );
  });

  it('a participant of an event with an office and a role: the office, then the role', () => {
    const office = () => 'President';
    const of = (role?: string) =>
      relationshipCaption('PARTICIPATED_IN', { officeId: 'office/x', role }, office);
    expect(of('VISITOR')).toBe('President (visitor)');
    expect(of('HOST')).toBe('President (host)');
    expect(of('PARTICIPANT')).toBe('President');
    expect(of()).toBe('President');
  });

  it('without an office: the verb, or the role a participant had', () => {
    const none = () => undefined;
    expect(relationshipCaption('SIGNED', {}, none)).toBe('signed');
    expect(relationshipCaption('APPOINTED', { officeId: 'office/x' }, none)).toBe('appointed');
    expect(relationshipCaption('PARTICIPATED_IN', { role: 'DELEGATION_MEMBER' }, none)).toBe(
      'delegation member',
    );
    expect(relationshipCaption('PARTICIPATED_IN', {}, none)).toBe('took part');
    expect(relationshipCaption('PARTICIPATED_IN', { role: 'PARTICIPANT' }, none)).toBe('took part');
    // A country hosting an event, as on a council session.
    expect(relationshipCaption('PARTICIPATED_IN', { role: 'HOST' }, none)).toBe('host');
    expect(relationshipCaption('MENTIONS', { officeId: 'office/x' }, () => 'X')).toBeUndefined();
  });
});

describe('schema/browser-style.grass', () => {
  const grass = readFileSync('schema/browser-style.grass', 'utf8');
  const rule = (selector: string) =>
    new RegExp(`^${selector.replace('.', '\\.')} \\{\\n([\\s\\S]*?)^\\}`, 'm').exec(grass)?.[1];

  it('colours and captions every node label', () => {
    for (const label of [...ENTITY_KIND_LABELS, ...PROVENANCE_LABELS, ...FACT_NODE_LABELS]) {
      const body = rule(`node.${label}`);
      expect(body, `node.${label}`).toBeDefined();
      expect(body).toMatch(/^\s*color: #[0-9A-F]{6};$/m);
      expect(body).toContain('caption: "{caption}";');
    }
  });

  it('captions each edge that names an office by its caption, and a discussion by its framing', () => {
    for (const type of Object.keys(OFFICE_EDGE_VERBS))
      expect(rule(`relationship.${type}`), type).toContain('caption: "{caption}";');
    expect(rule('relationship.DISCUSSED')).toContain('caption: "{framing}";');
  });
});
