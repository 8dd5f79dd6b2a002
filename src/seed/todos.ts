/**
 * Draft annotations (`npm run draft`, docs/drafting.md) carry `todo:` lists where a person
 * must still act. The schema accepts them so that a draft is checked as far as it goes; every
 * entry is reported here, with its place, so a file that still has one is never seeded.
 */
import type { Annotation } from './annotation-schema.js';
import type { PathSegment } from './errors.js';

type Report = (path: PathSegment[], message: string) => void;

/** Reports each `todo:` entry of an annotation, then how many there are; returns the count. */
export function reportDraftTodos(a: Annotation, issue: Report): number {
  let count = 0;
  const each = (path: PathSegment[], todo: readonly string[] | undefined) => {
    todo?.forEach((item, i) => {
      count += 1;
      issue([...path, 'todo', i], `todo (draft): ${item}`);
    });
  };
  each(['article'], a.article.todo);
  a.entities.forEach((e, i) => each(['entities', i], e.todo));
  a.quotes.forEach((q, i) => each(['quotes', i], q.todo));
  a.claims.forEach((c, i) => each(['claims', i], c.todo));
  a.numericFacts.forEach((n, i) => each(['numericFacts', i], n.todo));
  a.facts.forEach((f, i) => each(['facts', i], f.todo));
  if (count > 0)
    issue([], `draft: ${count} items to complete (do what each todo says, then delete it)`);
  return count;
}
