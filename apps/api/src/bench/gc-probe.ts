// Preloaded into the API process by `pnpm soak` (node --expose-gc --require): on a `measure`
// message from the parent it runs a full garbage collection and replies with the live memory,
// so before/after compare retained memory rather than garbage not yet collected.
process.on('message', (msg: unknown) => {
  if ((msg as { type?: string } | null)?.type !== 'measure') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  process.send?.({ type: 'memory', rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, collected: gc !== undefined });
});
