import { removePartialFiles } from '../io/files.ts';

/**
 * Runs `work` (writing outputs) so that SIGINT or SIGTERM removes the partial files of writes in
 * progress and exits (130 or 143) instead of leaving them. Only around writes: a simulation on
 * the CPU runs synchronously and must stay interruptible by the default handler.
 */
export async function writingInterruptibly<T>(work: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    removePartialFiles();
    console.error(`interrupted (${signal}): the file being written was removed`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
