/**
 * The probe worker's code, kept as source text so the same code runs from `dist/` and under the
 * test runner (which cannot start a worker from a TypeScript file). It answers `/health` and
 * `/ready` on its own port from the state the main thread publishes in shared memory, so a page
 * burst's thousands of connections on the main event loop never queue a probe behind them.
 *
 * Shared layout (BigInt64Array, read and written with Atomics): [0] heartbeat (ms since epoch, written by the main loop),
 * [1] shutting down (0/1), [2] database check (0 not yet, 1 reachable, 2 unreachable),
 * [3] models not loaded (count), [4] features built (0/1), [5] started (ms since epoch).
 */
export const PROBE_WORKER_SOURCE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const state = new BigInt64Array(workerData.buffer);
const get = (i) => Number(Atomics.load(state, i));
const { staleMs, host, port } = workerData;
const send = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};
const server = http.createServer((req, res) => {
  const path = (req.url || '').split('?')[0];
  const now = Date.now();
  const lagMs = Math.max(0, now - get(0));
  const stalled = lagMs > staleMs;
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { status: 'error', reason: 'only GET' });
  if (path === '/health') {
    if (stalled) return send(res, 503, { status: 'stalled', reason: 'the event loop has not run for ' + lagMs + ' ms', heartbeatAgeMs: lagMs });
    return send(res, 200, { status: 'ok', uptimeSeconds: Math.round((now - get(5)) / 1000), heartbeatAgeMs: lagMs });
  }
  if (path === '/ready') {
    const reasons = [];
    if (get(1) === 1) reasons.push('shutting down');
    if (stalled) reasons.push('the event loop has not run for ' + lagMs + ' ms');
    if (get(2) === 0) reasons.push('database not checked yet');
    if (get(2) === 2) reasons.push('database unreachable at the last check');
    if (get(3) > 0) reasons.push(get(3) + ' served model(s) have no production version loaded');
    if (get(4) !== 1) reasons.push('the feature state is not built yet');
    return send(res, reasons.length ? 503 : 200, { status: reasons.length ? 'not_ready' : 'ready', ...(reasons.length ? { reason: reasons.join('; ') } : {}), database: { ok: get(2) === 1 }, heartbeatAgeMs: lagMs });
  }
  send(res, 404, { status: 'error', reason: 'the probe port serves /health and /ready only' });
});
server.keepAliveTimeout = 5000;
server.on('error', (err) => parentPort.postMessage({ error: String((err && err.message) || err), code: err && err.code }));
server.listen(port, host, 4096, () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => {
  if (m !== 'close') return;
  server.close(() => parentPort.postMessage({ closed: true }));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 1000).unref();
});`;
