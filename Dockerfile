# The togys API. Built and run by docker-compose.yml; Neo4j runs in its own container.

# ---- build: compile TypeScript to dist/ ----
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# patches/ (patch-package) is applied by npm ci's postinstall; it fails the build if one no longer applies.
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies, compiled code, schema and seeds ----
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
# No dependency's install scripts run here; our own postinstall (patch-package: patches/) does.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm run postinstall \
    && npm cache clean --force
COPY --from=build /app/dist ./dist
# Read at run time: the SDL by the API, the corpus by the seeder (paths resolve from dist/).
COPY schema ./schema
COPY seeds ./seeds
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# A larger young generation: a GraphQL answer allocates many short-lived objects, and the
# default 16 MiB semi-space made garbage collection ~30% of a nested query's CPU (bench/).
CMD ["node", "--max-semi-space-size=32", "dist/main.js"]
