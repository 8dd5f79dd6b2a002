/** Pure Cypher builders: values only as parameters, whitelisted text only, keyset conditions. */
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, MalformedCursorError } from '../../../src/graph/cursor.js';
import { listCount, listPage, listPageWithRelated, LIST_SPECS } from '../../../src/graph/lists.js';
import { mentionPages } from '../../../src/graph/mentions.js';
import { NODE_RECORD, nodeRecordFor, nodesByIds } from '../../../src/graph/nodes.js';
import {
  RELATIONS,
  endsOf,
  nodesWithRelated,
  relatedNodes,
  type RelationName,
} from '../../../src/graph/relations.js';
import { neighborhood, shortestPath } from '../../../src/graph/traversal.js';

const EVIL = "x' }) DETACH DELETE n //";

describe('cursors', () => {
  it('round-trip and are opaque base64url', () => {
    const cursor = {
      field: 'people:NAME:ASC',
      key: 'mikhail mishustin',
      id: 'person/mikhail-mishustin',
    };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, key: 42.5 })).key).toBe(42.5);
  });

  it.each([
    '',
    'not a cursor',
    'aGVsbG8',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('rejects %j', (text) => {
    expect(() => decodeCursor(text)).toThrow(MalformedCursorError);
  });
});

describe('listPage', () => {
  it('puts every filter value and the cursor in parameters, never in the statement', () => {
    const q = listPage({
      list: 'meetings',
      filter: { nameContains: EVIL, relatedTo: EVIL, dateFrom: '2022-01-01', dateTo: '2022-12-31' },
      sortField: 'DATE',
      descending: false,
      window: {
        size: 20,
        backward: false,
        after: { field: 'meetings:DATE:ASC', key: EVIL, id: EVIL },
        before: null,
      },
    });
    expect(q.cypher).not.toContain(EVIL);
    expect(q.cypher).toContain('MATCH (n:Meeting)');
    expect(q.params).toMatchObject({
      f_nameContains: EVIL,
      f_relatedTo: EVIL,
      afterKey: EVIL,
      afterId: EVIL,
    });
    expect(Number(q.params.limit)).toBe(21);
  });

  it('keyset condition and order follow the direction', () => {
    const after = { field: 'f', key: 'k', id: 'i' };
    const asc = listPage({
      list: 'people',
      filter: {},
      sortField: 'NAME',
      descending: false,
      window: { size: 1, backward: false, after, before: null },
    });
    expect(asc.cypher).toContain('> $afterKey');
    expect(asc.cypher).toContain('n.id > $afterId');
    expect(asc.cypher).toContain('ORDER BY toLower(n.nameEn) ASC, n.id ASC');
    const desc = listPage({
      list: 'people',
      filter: {},
      sortField: 'NAME',
      descending: true,
      window: { size: 1, backward: false, after, before: null },
    });
    expect(desc.cypher).toContain('< $afterKey');
    expect(desc.cypher).toContain('ORDER BY toLower(n.nameEn) DESC, n.id DESC');
    const first = listPage({
      list: 'people',
      filter: {},
      sortField: 'NAME',
      descending: false,
      window: { size: 1, backward: false, after: null, before: null },
    });
    expect(first.cypher).not.toContain('$after');
    // Backward: the order reversed (the caller flips the page), the cursor bounding from above.
    const last = listPage({
      list: 'people',
      filter: {},
      sortField: 'NAME',
      descending: false,
      window: { size: 2, backward: true, after: null, before: after },
    });
    expect(last.cypher).toContain('< $beforeKey');
    expect(last.cypher).toContain('ORDER BY toLower(n.nameEn) DESC, n.id DESC');
    expect(last.cypher).toContain('EXISTS { MATCH (n:Person) WHERE NOT');
    expect(last.params).toMatchObject({ beforeKey: 'k', beforeId: 'i' });
  });

  it('with a look-ahead: one statement, the page size and every value as parameters', () => {
    const trees = [
      {
        fetch: { relation: 'Meeting.participants' as const, relProps: false, nodeProps: false },
        children: [],
      },
    ];
    const q = listPageWithRelated(
      {
        list: 'meetings',
        filter: { nameContains: EVIL },
        sortField: 'DATE',
        descending: true,
        window: {
          size: 20,
          backward: false,
          after: { field: 'meetings:DATE:DESC', key: EVIL, id: EVIL },
          before: null,
        },
      },
      trees,
    );
    expect(q.cypher).not.toContain(EVIL);
    expect(q.cypher).toContain('ids[0..$pageSize] AS pageIds');
    expect(q.cypher).toContain('UNWIND pageIds AS anchorId');
    expect(q.cypher).toMatch(
      /RETURN rows, beyond,\s*\[anchors0\] AS anchors,\s*\[nodes0\] AS nodes/,
    );
    expect(Number(q.params.limit)).toBe(21);
    expect(Number(q.params.pageSize)).toBe(20);
    expect(q.params).toMatchObject({ f_nameContains: EVIL, afterKey: EVIL, afterId: EVIL });
  });

  it('rejects sort fields and filters a list does not support', () => {
    expect(() =>
      listPage({
        list: 'people',
        filter: {},
        sortField: 'DROP',
        descending: false,
        window: { size: 0, backward: false, after: null, before: null },
      }),
    ).toThrow(/sort field/);
    expect(() => listCount('people', { dateFrom: '2022-01-01' })).toThrow(/not supported/);
  });

  it('counts with the same filter and no page', () => {
    const q = listCount('quotes', { textContains: 'trade', articleId: 'a' });
    expect(q.cypher).toContain('count(n)');
    expect(q.cypher).not.toContain('LIMIT');
    expect(q.params).toEqual({ f_textContains: 'trade', f_articleId: 'a' });
  });

  it('has a default sort every list supports', () => {
    for (const spec of Object.values(LIST_SPECS))
      expect(spec.sorts[spec.defaultSort]).toBeDefined();
  });
});

describe('relations', () => {
  it('every relation anchors on `anchorId` and returns the related node `b`', () => {
    for (const name of Object.keys(RELATIONS) as RelationName[]) {
      const q = relatedNodes({ relation: name, relProps: true, nodeProps: true }, ['x', 'x', 'y']);
      expect(q.cypher).toContain('UNWIND $anchorIds AS anchorId');
      expect(q.cypher).toMatch(/\(b[:)]/);
      expect(q.params.anchorIds).toEqual(['x', 'y']);
    }
  });

  it('knows where each relation’s ends are, so statements need not read them', () => {
    expect(endsOf('Person.offices')).toBe('from-anchor');
    expect(endsOf('Office.holders')).toBe('to-anchor');
    expect(endsOf('Meeting.discussed')).toBe('from-anchor');
    expect(endsOf('Topic.discussedAt')).toBe('to-anchor');
    expect(endsOf('Country.officials')).toBe('via-path');
    expect(endsOf('Country.representedAt')).toBe('via-path');
    expect(endsOf('Article.quotes')).toBe('none');
    const viaPath = relatedNodes(
      { relation: 'Country.officials', relProps: false, nodeProps: false },
      ['x'],
    );
    expect(viaPath.cypher).toContain('startNode(r).id AS sourceId');
    const direct = relatedNodes({ relation: 'Person.offices', relProps: true, nodeProps: true }, [
      'x',
    ]);
    expect(direct.cypher).not.toContain('startNode(r)');
  });

  it('rejects a relation outside the whitelist', () => {
    expect(() =>
      relatedNodes(
        { relation: 'x] DELETE n //' as RelationName, relProps: true, nodeProps: true },
        ['a'],
      ),
    ).toThrow(/unknown relation/);
  });
});

describe('node, mention and traversal builders', () => {
  it('look nodes up by id on every id-constrained label', () => {
    const q = nodesByIds(['a', 'b']);
    for (const label of ['Entity', 'Article', 'Sentence', 'Quote', 'Claim', 'NumericFact']) {
      expect(q.cypher).toContain(`(n:${label})`);
    }
    expect(q.params.ids).toEqual(['a', 'b']);
  });

  it('pages mentions per entity with parameters only', () => {
    const q = mentionPages(['e1', 'e2'], {
      size: 2,
      backward: false,
      after: { field: 'MENTION', key: EVIL, id: EVIL },
      before: null,
    });
    expect(q.cypher).not.toContain(EVIL);
    expect(q.params).toMatchObject({ entityIds: ['e1', 'e2'], afterKey: EVIL, afterId: EVIL });
  });

  it('interpolates only validated hop counts', () => {
    expect(shortestPath('a', 'b', 4, false).cypher).toContain('*1..4]');
    expect(shortestPath('a', 'b', 4, false).cypher).not.toContain('MENTIONS');
    expect(shortestPath('a', 'b', 2, true).cypher).toContain('MENTIONS');
    // Relationships are read only when asked for.
    expect(shortestPath('a', 'b', 4, false).cypher).toContain('relationships(p)');
    expect(shortestPath('a', 'b', 4, false, true, false).cypher).not.toContain('relationships(p)');
    expect(() => shortestPath('a', 'b', 7, false)).toThrow(RangeError);
    expect(() => shortestPath('a', 'b', 1.5, false)).toThrow(RangeError);
    expect(() => neighborhood('a', 0, false)).toThrow(RangeError);
    expect(neighborhood(EVIL, 2, false).cypher).not.toContain(EVIL);
  });
});

describe('node projections', () => {
  it('reads whole nodes, labels and ids, or the listed properties', () => {
    expect(nodeRecordFor('n', true)).toBe(NODE_RECORD('n'));
    expect(nodeRecordFor('n', false)).toBe('[labels(n), n.id]');
    expect(nodeRecordFor('n', [])).toBe('[labels(n), n.id]');
    expect(nodeRecordFor('n', ['date', 'nameEn'])).toBe(
      '[labels(n), n {.id, date: toString(n.date), .nameEn}]',
    );
  });

  it('refuses anything but a property name', () => {
    expect(() => nodeRecordFor('n', ['id} RETURN 1 //'])).toThrow(/not a property name/);
  });

  it('list pages and root lookups read as projected', () => {
    const page = listPage({
      list: 'meetings',
      filter: {},
      sortField: 'DATE',
      descending: true,
      window: { size: 20, backward: false, after: null, before: null },
      projection: ['date'],
    });
    expect(page.cypher).toContain('collect([[labels(n), n {.id, date: toString(n.date)}], ');
    expect(nodesWithRelated(['x'], [], ['title']).cypher).toContain('n {.id, .title}');
    expect(nodesWithRelated(['x'], []).cypher).toContain(NODE_RECORD('n'));
    // A root field of one kind looks on its label alone; by default, on every kind.
    const article = nodesWithRelated(['x'], [], true, ['Article']).cypher;
    expect(article).toContain('MATCH (n:Article) WHERE n.id IN $ids');
    expect(article).not.toContain('UNION');
    expect(nodesWithRelated(['x'], []).cypher).toContain(
      'MATCH (n:Entity) WHERE n.id IN $ids RETURN n UNION',
    );
  });
});

describe('date order', () => {
  const page = (filter: Record<string, string>) =>
    listPage({
      list: 'meetings',
      filter,
      sortField: 'DATE',
      descending: true,
      window: { size: 20, backward: false, after: null, before: null },
    }).cypher;

  it('puts undated nodes first with a boolean, unless a date filter leaves none', () => {
    expect(page({})).toContain('ORDER BY n.date IS NOT NULL DESC, n.date DESC, n.id DESC');
    expect(page({ dateFrom: '2022-01-01' })).toContain('ORDER BY n.date DESC, n.id DESC');
    expect(page({ dateTo: '2022-01-01' })).not.toContain('IS NOT NULL');
  });
});
