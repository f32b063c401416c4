import { parentPort } from 'node:worker_threads';
import { type PartitionRequest, servePartition } from './partition-worker.ts';

// A Node worker thread of a threaded CPU run (node-threads.ts starts it).

const port = parentPort;
if (!port) throw new Error('node-thread.ts runs as a worker thread');
servePartition(
  (handle) => port.on('message', (m: PartitionRequest) => handle(m)),
  (answer) => port.postMessage(answer),
);
