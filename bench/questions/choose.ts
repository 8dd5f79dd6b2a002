/**
 * Picks each question's parameters from the seeded graph, deterministically (ties broken by id):
 * the most active person, the newer half of the meetings, a search for that person's surname in
 * an inflected Kazakh form, the middle article, and a path of the greatest length ≤ maxHops from
 * that person to a discussed subject.
 */
import type { Driver } from 'neo4j-driver';
import { FACT_RELATIONSHIP_TYPES } from '../../src/graph/schema.js';
import type { QuestionParams } from './params.js';

const PAGE_SIZE = 20;
const SEARCH_FIRST = 10;
const MAX_HOPS = 4;

async function one<T>(
  driver: Driver,
  database: string,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  const { records } = await driver.executeQuery(cypher, params, { database, routing: 'READ' });
  const record = records[0];
  if (!record) throw new Error(`choosing question parameters: no row for ${cypher.split('\n')[0]}`);
  return record.toObject() as T;
}

export async function chooseParams(driver: Driver, database: string): Promise<QuestionParams> {
  const person = await one<{ id: string; nameKk: string }>(
    driver,
    database,
    `MATCH (p:Person)
     RETURN p.id AS id, p.nameKk AS nameKk
     ORDER BY COUNT { (p)-[:PARTICIPATED_IN]->() } DESC, p.id LIMIT 1`,
  );
  const dates = await one<{ from: string; to: string }>(
    driver,
    database,
    `MATCH (m:Meeting) WITH m.date AS d ORDER BY d
     WITH collect(d) AS ds
     RETURN toString(ds[size(ds) / 2]) AS from, toString(ds[size(ds) - 1]) AS to`,
  );
  const article = await one<{ id: string }>(
    driver,
    database,
    `MATCH (a:Article) WITH a ORDER BY a.id WITH collect(a.id) AS ids RETURN ids[size(ids) / 2] AS id`,
  );
  const target = await one<{ id: string }>(
    driver,
    database,
    `MATCH (a:Entity {id: $from})
     MATCH (b:Topic|InfrastructureProject) WITH a, b ORDER BY b.id LIMIT 60
     MATCH p = shortestPath((a)-[:${FACT_RELATIONSHIP_TYPES.join('|')}*1..${MAX_HOPS}]-(b))
     RETURN b.id AS id ORDER BY length(p) DESC, b.id LIMIT 1`,
    { from: person.id },
  );
  const surname = person.nameKk.split(' ').at(-1) ?? person.nameKk;
  return {
    personId: person.id,
    from: dates.from,
    to: dates.to,
    pageSize: PAGE_SIZE,
    searchText: `${surname}мен`,
    searchFirst: SEARCH_FIRST,
    articleId: article.id,
    pathFrom: person.id,
    pathTo: target.id,
    maxHops: MAX_HOPS,
  };
}
