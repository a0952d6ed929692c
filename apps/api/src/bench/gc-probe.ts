// Preloaded into the API process by `pnpm soak` (node --expose-gc --require): on a `measure`
// message from the parent it runs a full garbage collection, returns freed native memory to the
// OS (malloc_trim, as the API does after a model swap) and replies with the memory in use, so
// before and after compare retained memory rather than garbage or allocator caches.
import { releaseNativeMemory } from '@nba/modeling';

process.on('message', (msg: unknown) => {
  if ((msg as { type?: string } | null)?.type !== 'measure') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  releaseNativeMemory();
  const m = process.memoryUsage();
  process.send?.({
    type: 'memory',
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    collected: gc !== undefined,
  });
});
