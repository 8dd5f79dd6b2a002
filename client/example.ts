// Who met whom, typed from docs/queries/who-met-whom.graphql: `npx tsx client/example.ts`.
import { execute } from './execute.js';
import { WhoMetWhomDocument } from './generated/graphql.js';

const url = process.env.GRAPHQL_URL ?? 'http://localhost:4000/graphql';
const { meetings } = await execute(url, WhoMetWhomDocument);
for (const { node } of meetings.edges) {
  // The types come from the SDL: `person` (null for a body taking part) and `office` may be
  // null, so the compiler makes us say what then.
  const who = node.participants.map(
    (p) => `${p.person?.name ?? 'a delegation'} (${p.office?.name ?? 'no office'})`,
  );
  console.log(
    `${node.date ?? 'undated'}, ${node.heldIn[0]?.name ?? 'place not stated'}: ${who.join(' and ')}`,
  );
}
