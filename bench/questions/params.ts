/**
 * The six questions of issue 5 and their parameters. Parameters are chosen from the generated
 * corpus (deterministic), so every arm is asked exactly the same thing.
 */
export const QUESTIONS = ['lookup', 'list', 'nested', 'search', 'article', 'path'] as const;
export type QuestionName = (typeof QUESTIONS)[number];

export const QUESTION_TITLES: Record<QuestionName, string> = {
  lookup: 'lookup by id (a person with its offices)',
  list: 'list page: meetings in a date range, newest first, 20',
  nested: 'nested: 20 meetings → participants → their latest 10 meetings → what was discussed',
  search: 'full-text search over entity names (10 hits)',
  article: 'an article with its sentences and their mentions',
  path: 'shortest path between two entities',
};

export interface QuestionParams {
  personId: string;
  /** Inclusive ISO dates bounding the list and nested queries. */
  from: string;
  to: string;
  pageSize: number;
  searchText: string;
  searchFirst: number;
  articleId: string;
  pathFrom: string;
  pathTo: string;
  maxHops: number;
}
