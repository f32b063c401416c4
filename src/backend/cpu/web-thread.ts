import { type PartitionRequest, servePartition } from './partition-worker.ts';

// A Web Worker (Deno, browsers) of a threaded CPU run (web-threads.ts starts it).

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<PartitionRequest>) => void) | null; postMessage(message: unknown): void };
servePartition(
  (handle) => {
    scope.onmessage = (e) => handle(e.data);
  },
  (answer) => scope.postMessage(answer),
);
