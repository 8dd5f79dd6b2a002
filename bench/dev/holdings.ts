/** Development: how many parallel fact relationships the lookup person carries (see results notes). */
import neo4j from 'neo4j-driver';
import { startBenchNeo4j } from '../neo4j.js';

const { settings, server } = await startBenchNeo4j(() => {});
const d = neo4j.driver(settings.uri, neo4j.auth.basic('neo4j', settings.password));
try {
  const { records } = await d.executeQuery(
    `MATCH (p:Person {id: $id})
     RETURN COUNT { (p)-[:HOLDS_OFFICE]->() } AS holdings, COUNT { (p)-[:HOLDS_OFFICE]->(:Office) } AS rels,
            size([(p)-[:HOLDS_OFFICE]->(o) | o.id]) AS offices, COUNT { (p)-[:PARTICIPATED_IN]->() } AS meetings,
            COUNT { MATCH (p)-[:HOLDS_OFFICE]->(o) RETURN DISTINCT o } AS distinctOffices`,
    { id: process.argv[2] ?? 'person/zhanar-bezekiuly-0' },
    { database: 'neo4j' },
  );
  console.log(
    records[0]?.toObject() ??
      (await d.executeQuery('MATCH (n) RETURN count(n) AS n')).records[0]?.toObject(),
  );
} finally {
  await d.close();
  await server.stop();
}
