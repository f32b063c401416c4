import type { ThreadFactory } from '../types.ts';

// Web Workers for the threaded CPU backend (threaded.ts) where the runtime has them (Deno,
// browsers): module workers loading web-thread.ts (from the TypeScript sources in Deno) or its
// build, web-thread.js.

const entry = new URL(`./web-thread.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/** Whether this runtime has Web Workers (Node has worker_threads instead: nodeThreads). */
export function hasWebWorkers(): boolean {
  return typeof Worker === 'function';
}

/** Starts a module Web Worker serving one partition. */
export const webThreads: ThreadFactory = () => {
  const worker = new Worker(entry, { type: 'module' });
  return {
    post: (message) => worker.postMessage(message),
    listen: (onMessage, onFailure) => {
      worker.onmessage = (e) => onMessage(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        onFailure(new Error(`a CPU worker failed: ${e.message}`));
      };
    },
    terminate: () => worker.terminate(),
  };
};
