// Forked by `pnpm bench:record` (once for the main port, once for the probe port): probes `GET <url>` every `intervalMs` on a new connection each
// (as the kubelet does), without waiting for earlier probes, until the parent says `stop`; then
// sends back every probe's latency (ms) and status. A process of its own, so the load generator's
// work on its 2,000 responses does not delay the probes' timers or their answers.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const [url, intervalArg] = process.argv.slice(2);
if (url === undefined) throw new Error('usage: health-prober.js <url> [intervalMs]');
const intervalMs = Number(intervalArg ?? 5);
const results: Promise<{ ms: number; status: number }>[] = [];

function probe(target: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get(target, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
    });
    req.on('error', () => resolve({ ms: performance.now() - started, status: 0 }));
  });
}

const timer = setInterval(() => results.push(probe(url)), intervalMs);
process.on('message', (msg: unknown) => {
  if (msg !== 'stop') return;
  clearInterval(timer);
  void Promise.all(results).then((probes) => process.send?.(probes, () => process.exit(0)));
});
process.send?.('started');
