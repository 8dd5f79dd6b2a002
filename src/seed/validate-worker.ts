/**
 * A validation worker (validate.ts): checks the annotation files it is given, in order, and
 * posts their checks back a few at a time (the main thread takes each chunk in while the
 * next is being checked). Runs in a worker thread only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type FileCheck } from './validate.js';

const CHUNK = 25;
if (parentPort === null) throw new Error('validate-worker runs in a worker thread only');
const files = workerData as string[];
let chunk: FileCheck[] = [];
for (const file of files) {
  chunk.push(checkFile(file));
  if (chunk.length === CHUNK) {
    parentPort.postMessage(chunk);
    chunk = [];
  }
}
if (chunk.length > 0) parentPort.postMessage(chunk);
