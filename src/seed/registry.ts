/**
 * The entity registry: `entities/*.yaml` files (seeds/entities/), where every shared entity is
 * declared once. Articles refer to registered entities by id and add only what they say
 * themselves; their own declarations (`entities:`) are for things no other article knows.
 *
 * A corpus's registry is every `entities/` folder among the paths seeded and the nearest one
 * at or above each annotation file's folder. One id declared twice (in two registry files or
 * folders) must be declared identically: anything else is a located error.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { registryFileSchema, type EntityAnnotation } from './annotation-schema.js';
import { formatPath, type PathSegment, type SeedIssue } from './errors.js';

/** The folder name that holds registry files, wherever it is. */
export const REGISTRY_DIR_NAME = 'entities';

/** Keys an entity may have only in an article's own declaration (they point into its text). */
const EVIDENCE_KEYS = ['dateEvidence', 'statusEvidence', 'startDateEvidence', 'endDateEvidence'];

export interface RegisteredEntity {
  entity: EntityAnnotation;
  /** Where it is declared: `file:line:column` (for messages). */
  at: string;
}

export interface EntityRegistry {
  /** The registry folders read, absolute. */
  dirs: string[];
  entities: ReadonlyMap<string, RegisteredEntity>;
  issues: SeedIssue[];
  /** false: the run covers part of the corpus; its unused entries say nothing. */
  warnUnused?: boolean;
}

export const EMPTY_REGISTRY: EntityRegistry = { dirs: [], entities: new Map(), issues: [] };

/**
 * The registry folders of a run: `entities/` folders inside the given folders, and the nearest
 * `entities/` folder at or above each annotation file's own folder.
 */
export function registryDirsFor(paths: readonly string[], files: readonly string[]): string[] {
  const dirs = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
      if (entry.isSymbolicLink() && !statSync(path.join(dir, entry.name)).isDirectory()) continue;
      const full = path.join(dir, entry.name);
      if (entry.name === REGISTRY_DIR_NAME) dirs.add(realpathSync(full));
      else walk(full);
    }
  };
  for (const p of paths) if (existsSync(p) && statSync(p).isDirectory()) walk(p);
  for (const file of files) {
    for (let dir = path.resolve(path.dirname(file)); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, REGISTRY_DIR_NAME);
      if (existsSync(candidate) && statSync(candidate).isDirectory()) {
        // One folder reached by two paths (a link) is one registry.
        dirs.add(realpathSync(candidate));
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  return [...dirs].sort();
}

/** Is this path inside a registry folder (not an article's annotation)? */
export function isRegistryFile(file: string): boolean {
  return path.resolve(file).split(path.sep).slice(0, -1).includes(REGISTRY_DIR_NAME);
}

function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** Line and column of a path in a parsed document (the nearest existing ancestor). */
function positionIn(doc: Document, lines: LineCounter, p: readonly PathSegment[]) {
  for (let n = p.length; n >= 0; n -= 1) {
    const node = n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      const pos = lines.linePos(node.range[0] as number);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

const where = (file: string, pos: { line?: number; column?: number }) =>
  pos.line === undefined ? file : `${file}:${pos.line}:${pos.column ?? 1}`;

/** Reads every registry file of `dirs`; problems are issues of the registry, with locations. */
export function loadRegistry(dirs: readonly string[]): EntityRegistry {
  const entities = new Map<string, RegisteredEntity>();
  const issues: SeedIssue[] = [];
  for (const dir of dirs) {
    for (const file of yamlFilesIn(dir)) {
      const lines = new LineCounter();
      const source = readFileSync(file, 'utf8');
      const doc = parseDocument(source, { lineCounter: lines });
      const issue = (p: PathSegment[], message: string) =>
        issues.push({ file, path: formatPath(p), ...positionIn(doc, lines, p), message });
      const [syntax] = doc.errors;
      if (syntax) {
        issues.push({
          file,
          path: '',
          line: syntax.linePos?.[0].line,
          column: syntax.linePos?.[0].col,
          message: `malformed YAML: ${syntax.message.split('\n')[0] ?? ''}`,
        });
        continue;
      }
      const parsed = registryFileSchema.safeParse(doc.toJS());
      if (!parsed.success) {
        for (const i of parsed.error.issues)
          issue(
            i.path.filter((s): s is string | number => typeof s !== 'symbol'),
            i.message,
          );
        continue;
      }
      const list = doc.get('entities', true);
      parsed.data.entities.forEach((entity, index) => {
        const at: PathSegment[] = ['entities', index];
        const raw = isSeq(list) ? list.items[index] : undefined;
        for (const key of EVIDENCE_KEYS)
          if (isMap(raw) && raw.has(key))
            issue(
              [...at, key],
              `${key} belongs in an article's own declaration: a registry entry has no text to point into`,
            );
        const here = where(file, positionIn(doc, lines, [...at, 'id']));
        const first = entities.get(entity.id);
        if (first === undefined) entities.set(entity.id, { entity, at: here });
        else if (!isDeepStrictEqual(first.entity, entity))
          issue(
            [...at, 'id'],
            `conflicting declaration of "${entity.id}": also declared, differently, at ${first.at}`,
          );
      });
    }
  }
  return { dirs: [...dirs], entities, issues };
}
