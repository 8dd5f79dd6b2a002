/** Development helper: starts the bench Neo4j and keeps it running until killed. */
import { startBenchNeo4j } from '../neo4j.js';

const { settings } = await startBenchNeo4j((line) => console.log(line));
console.log(JSON.stringify(settings));
setInterval(() => {}, 1 << 30);
