import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };

/**
 * The worker's code: Vega and Vega-Lite (ES modules only, imported by file URL so the worker needs
 * no resolution of its own), compile, run headless (renderer `none`: no canvas, no DOM), `toSVG`.
 * Kept as source text, so the same code runs from `dist/` and under the test runner, which cannot
 * start a worker from a TypeScript file.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const libs = import(workerData.vega).then(async (vega) => ({ vega, vegaLite: await import(workerData.vegaLite) }));
parentPort.on('message', async ({ id, spec }) => {
  try {
    const { vega, vegaLite } = await libs;
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
    try {
      parentPort.postMessage({ id, svg: await view.toSVG() });
    } finally {
      view.finalize();
    }
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});`;

interface Pending {
  resolve: (svg: string) => void;
  reject: (err: Error) => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function start(): Worker {
  const w = new Worker(SOURCE, {
    eval: true,
    workerData: {
      vega: pathToFileURL(require.resolve('vega')).href,
      vegaLite: pathToFileURL(require.resolve('vega-lite')).href,
    },
  });
  // idle until asked for a chart: the worker must not keep the process alive
  w.unref();
  w.on('message', (m: { id: number; svg?: string; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.svg !== undefined) p.resolve(m.svg);
    else p.reject(new Error(`chart rendering failed: ${m.error}`));
    if (pending.size === 0) w.unref();
  });
  w.on('error', (err) => {
    if (worker === w) worker = undefined;
    failAll(err);
  });
  w.on('exit', (code) => {
    if (worker === w) worker = undefined;
    failAll(new Error(`chart worker exited (${code})`));
  });
  return w;
}

/**
 * A Vega-Lite spec drawn as SVG text in a worker thread: compiling and laying out a chart takes
 * tens of milliseconds of CPU, which on the API's event loop would hold every other request
 * (the probes among them) for as long. One worker for the process, started on first use, so the
 * API's start-up and its other routes never pay for Vega.
 */
export function renderChartInWorker(spec: TopLevelSpec): Promise<string> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, spec });
  });
}

/**
 * Starts the worker now, so it loads Vega (about a second of its own CPU, none of the event loop's)
 * before the first record view asks for a chart rather than during that request.
 */
export function warmChartWorker(): void {
  worker ??= start();
}

/** Stops the worker (charts asked for later start a new one). */
export async function stopChartWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}
