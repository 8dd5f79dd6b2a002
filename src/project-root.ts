/**
 * The project's root folder: the nearest one above this module that holds package.json. Found
 * by walking up, so it is the same whether the code runs from src/ under tsx, from the
 * compiled dist/, or from the benchmark's build (dist/bench-build/src/).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
