/** The seeder's hook for drafts: every `todo:` entry is an issue, with a count. */
import { describe, expect, it } from 'vitest';
import { annotationSchema } from '../../../src/seed/annotation-schema.js';
import { reportDraftTodos } from '../../../src/seed/todos.js';

describe('reportDraftTodos', () => {
  it('reports each todo with its path, then how many items are left', () => {
    const annotation = annotationSchema.parse({
      article: {
        slug: 'a',
        textFile: 'a.kk.txt',
        title: 'T',
        language: 'kk',
        publishedAt: '2022-08-25T23:33:00+06:00',
        sourceName: 'S',
        todo: ['claims: add them'],
      },
      entities: [
        {
          id: 'topic/x',
          kind: 'Topic',
          topicType: 'ISSUE',
          names: { kk: 'x', ru: 'TODO', en: 'TODO' },
          todo: ['names.ru, names.en: translate'],
        },
      ],
      quotes: [
        {
          id: 'q',
          speaker: 'person/p',
          text: 'Иә',
          translation: { en: 'TODO', note: 'n' },
          todo: ['translation: translate'],
        },
      ],
    });
    const issues: Array<[string, string]> = [];
    const count = reportDraftTodos(annotation, (path, message) =>
      issues.push([path.join('.'), message]),
    );
    expect(count).toBe(3);
    expect(issues).toEqual([
      ['article.todo.0', 'todo (draft): claims: add them'],
      ['entities.0.todo.0', 'todo (draft): names.ru, names.en: translate'],
      ['quotes.0.todo.0', 'todo (draft): translation: translate'],
      ['', 'draft: 3 items to complete (do what each todo says, then delete it)'],
    ]);
  });

  it('says nothing of a finished annotation', () => {
    const issues: unknown[] = [];
    const annotation = annotationSchema.parse({
      article: {
        slug: 'a',
        textFile: 'a',
        title: 'T',
        language: 'kk',
        publishedAt: '2022-08-25T23:33:00+06:00',
        sourceName: 'S',
      },
    });
    expect(reportDraftTodos(annotation, () => issues.push(1))).toBe(0);
    expect(issues).toEqual([]);
  });
});
