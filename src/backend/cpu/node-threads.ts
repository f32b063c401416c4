import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ThreadFactory } from '../types.ts';

// Node's worker threads for the threaded CPU backend (threaded.ts). Run from the TypeScript
// sources (tests), the worker first registers tsx's loader, then loads them.

const fromSource = import.meta.url.endsWith('.ts');
const entry = new URL(`./node-thread.${fromSource ? 'ts' : 'js'}`, import.meta.url);
const sourceEntry = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;

/** Starts a worker thread serving one partition. */
export const nodeThreads: ThreadFactory = () => {
  const worker = fromSource ? new Worker(sourceEntry, { eval: true }) : new Worker(entry);
  return {
    post: (message) => worker.postMessage(message),
    listen: (onMessage, onFailure) => {
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', (code) => onFailure(new Error(`a CPU worker thread exited (code ${code})`)));
    },
    terminate: () => void worker.terminate(),
  };
};

/** This machine's cores (the CLI's default thread count). */
export const machineThreads = (): number => availableParallelism();
