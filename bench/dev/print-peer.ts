import { readFileSync } from 'node:fs';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { printSchema } from 'graphql';
const typeDefs = readFileSync(new URL('../arms/peer-typedefs.graphql', import.meta.url), 'utf8');
const schema = await new Neo4jGraphQL({ typeDefs }).getSchema();
console.log(printSchema(schema));
