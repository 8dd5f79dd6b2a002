/**
 * A validation worker (validate.ts): checks the annotation files it is given, in order, and
 * posts their checks back a few at a time (the main thread takes each chunk in while the
 * next is being checked). Runs in a worker thread only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegistry } from './registry.js';
import { checkFile, type FileCheck, type WorkerInput } from './validate.js';

const CHUNK = 25;
if (parentPort === null) throw new Error('validate-worker runs in a worker thread only');
const { files, registryDirs } = workerData as WorkerInput;
// Each worker reads the registry itself: small, and cheaper than cloning it across.
const registry = loadRegistry(registryDirs);
let chunk: FileCheck[] = [];
for (const file of files) {
  chunk.push(checkFile(file, registry));
  if (chunk.length === CHUNK) {
    parentPort.postMessage(chunk);
    chunk = [];
  }
}
if (chunk.length > 0) parentPort.postMessage(chunk);
