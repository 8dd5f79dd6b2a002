/**
 * The pages a person opens in a browser: `/`, a landing page saying what is served here, and
 * `/graphiql`, a GraphiQL served entirely from this app's own npm dependencies (graphiql's and
 * React's UMD builds), so it works on networks that cannot reach Apollo's CDN. The page's
 * Content-Security-Policy allows nothing but this origin: no request leaves the machine.
 *
 * GraphiQL needs introspection; where introspection is off (production, unless
 * GRAPHQL_INTROSPECTION=true) `/graphiql` is not served and the landing page does not offer it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

interface ExplorerOptions {
  /** Where the GraphQL endpoint is mounted, e.g. `/graphql`. */
  graphqlPath: string;
  /** GRAPHQL_INTROSPECTION: GraphiQL and Apollo Sandbox are offered only when it is on. */
  introspection: boolean;
}

const GRAPHIQL_PATH = '/graphiql';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** The files GraphiQL's page loads, by the name it loads them under. */
const ASSET_FILES: Record<string, { file: () => string; type: string }> = {
  'react.js': {
    file: () => path.join(packageDir('react'), 'umd/react.production.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'react-dom.js': {
    file: () => path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'graphiql.js': {
    file: () => path.join(packageDir('graphiql'), 'graphiql.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'graphiql.css': {
    file: () => path.join(packageDir('graphiql'), 'graphiql.min.css'),
    type: 'text/css; charset=utf-8',
  },
};

/** What GraphiQL opens with: a query that answers on the seeded corpus. */
export const DEFAULT_QUERY = `# togys: run with Ctrl-Enter or ▶.
# Docs (the book, top left): every type and field.
query WhoMetWhom {
  meetings(first: 5) {
    totalCount
    edges {
      node {
        id
        name
        date
        participants {
          person {
            id
            name
          }
        }
      }
    }
  }
}
`;

// The page's own script is a file too: the CSP below forbids inline scripts.
function startScript(graphqlPath: string): string {
  return `'use strict';
const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(graphqlPath)} });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
    defaultEditorToolsVisibility: false,
  }),
);
`;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and CodeMirror set inline styles; its icons are data: URLs.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function graphiqlPage(): string {
  const asset = (name: string) => `${GRAPHIQL_PATH}/${name}`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>togys · GraphiQL</title>
    <link rel="stylesheet" href="${asset('graphiql.css')}" />
    <style>
      body { margin: 0; height: 100vh; overflow: hidden; }
      #graphiql { height: 100vh; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="${asset('react.js')}"></script>
    <script src="${asset('react-dom.js')}"></script>
    <script src="${asset('graphiql.js')}"></script>
    <script src="${asset('start.js')}"></script>
  </body>
</html>
`;
}

function landingPage(options: ExplorerOptions): string {
  const explorers = options.introspection
    ? `<li><a href="${GRAPHIQL_PATH}">GraphiQL</a> — served by this server, works offline.</li>
        <li><a href="${options.graphqlPath}">Apollo Sandbox</a> — loaded from Apollo's CDN, where
          your network reaches it.</li>`
    : `<li>The query explorers are off here (introspection is off: GRAPHQL_INTROSPECTION).</li>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>togys</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 3rem auto; padding: 0 1rem; }
      code { background: #f3f3f3; padding: 0 0.2em; }
    </style>
  </head>
  <body>
    <h1>togys</h1>
    <p>A knowledge graph of the news, with every fact traceable to the sentence that states it.</p>
    <h2>Explore the API</h2>
    <ul>
        ${explorers}
    </ul>
    <h2>Endpoints</h2>
    <ul>
      <li><code>POST ${options.graphqlPath}</code> — the GraphQL API (JSON).</li>
      <li><a href="/health"><code>GET /health</code></a> — alive.</li>
      <li><a href="/ready"><code>GET /ready</code></a> — Neo4j answers and the graph is seeded.</li>
    </ul>
  </body>
</html>
`;
}

/** Mounts `/` and, when introspection is on, `/graphiql` with its assets. */
export async function registerExplorer(
  app: FastifyInstance,
  options: ExplorerOptions,
): Promise<void> {
  const landing = landingPage(options);
  app.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(landing),
  );
  if (!options.introspection) return;

  // Read once at start-up: a missing dependency fails start-up, not a user's page load.
  const assets = new Map<string, { body: string | Buffer; type: string }>();
  for (const [name, { file, type }] of Object.entries(ASSET_FILES)) {
    assets.set(name, { body: await readFile(file()), type });
  }
  assets.set('start.js', {
    body: startScript(options.graphqlPath),
    type: 'text/javascript; charset=utf-8',
  });
  const page = graphiqlPage();
  app.get(GRAPHIQL_PATH, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', CSP)
      .header('cache-control', 'no-cache')
      .send(page),
  );
  app.get<{ Params: { asset: string } }>(`${GRAPHIQL_PATH}/:asset`, async (request, reply) => {
    const asset = assets.get(request.params.asset);
    if (asset === undefined) return reply.callNotFound();
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
  });
}
