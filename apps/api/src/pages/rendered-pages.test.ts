import { gunzipSync } from 'node:zlib';
import { required } from '@nba/errors';
import { RenderedPages } from './rendered-pages';

// The cache's rules with a data version the test controls (the version query itself is tested
// against PostgreSQL in test/page-cache.test.ts).

function setup(recheckMs: number, maxPages = 8) {
  const state = { version: 'v1', versionReads: 0, clock: 0 };
  const pages = new RenderedPages({
    dataVersion: () => {
      state.versionReads += 1;
      return Promise.resolve(state.version);
    },
    recheckMs,
    maxPages,
    now: () => state.clock,
  });
  let n = 0;
  const render = () => Promise.resolve({ status: 200, html: `<p>render ${++n} of ${state.version}</p>` });
  return { state, pages, render };
}

test('concurrent requests for a page share one render and one read of the data version; the bytes come gzipped too', async () => {
  const { state, pages, render } = setup(0);
  const got = await Promise.all(Array.from({ length: 50 }, () => pages.get('record', render)));
  expect(pages.renders).toBe(1);
  expect(state.versionReads).toBe(1);
  expect(new Set(got).size).toBe(1);
  const page = required(got[0], "the first request's page");
  expect(page.body.toString()).toBe('<p>render 1 of v1</p>');
  expect(gunzipSync(page.gzipped).toString()).toBe('<p>render 1 of v1</p>');
});

test('a page is rendered again once the data version changes, and only then', async () => {
  const { state, pages, render } = setup(0);
  await pages.get('record', render);
  await pages.get('record', render);
  expect(pages.renders).toBe(1);
  state.version = 'v2';
  expect((await pages.get('record', render)).body.toString()).toBe('<p>render 2 of v2</p>');
  expect(pages.renders).toBe(2);
});

test('while a new render is under way, other requests get the previous page at once; the one that found the change waits for the new one', async () => {
  const { state, pages, render } = setup(0);
  await pages.get('record', render);
  state.version = 'v2';
  let finish: () => void = () => undefined;
  const slow = () => new Promise<void>((resolve) => (finish = resolve)).then(render);
  const first = pages.get('record', slow);
  await new Promise((r) => setImmediate(r));
  expect((await pages.get('record', slow)).body.toString()).toBe('<p>render 1 of v1</p>');
  finish();
  expect((await first).body.toString()).toBe('<p>render 2 of v2</p>');
  expect((await pages.get('record', slow)).body.toString()).toBe('<p>render 2 of v2</p>');
  expect(pages.renders).toBe(2);
});

test('the data version is trusted for recheckMs, and read again at once after invalidate()', async () => {
  const { state, pages, render } = setup(2_000);
  await pages.get('record', render);
  state.version = 'v2';
  state.clock = 1_999;
  expect((await pages.get('record', render)).body.toString()).toContain('of v1');
  state.clock = 2_000;
  expect((await pages.get('record', render)).body.toString()).toContain('of v2');
  state.version = 'v3';
  pages.invalidate();
  expect((await pages.get('record', render)).body.toString()).toContain('of v3');
  expect(state.versionReads).toBe(3);
});

test('a render that fails is not kept: every waiter gets the error and the next request renders again', async () => {
  const { pages, render } = setup(0);
  const failing = () => Promise.reject(new Error('database down'));
  const results = await Promise.allSettled([pages.get('day', failing), pages.get('day', failing)]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  expect(pages.renders).toBe(1);
  expect((await pages.get('day', render)).status).toBe(200);
  expect(pages.renders).toBe(2);
});

test('at most maxPages pages are kept, the least recently used dropped first', async () => {
  const { pages, render } = setup(0, 2);
  await pages.get('a', render);
  await pages.get('b', render);
  await pages.get('a', render);
  await pages.get('c', render); // drops b
  expect(pages.renders).toBe(3);
  await pages.get('a', render);
  expect(pages.renders).toBe(3);
  await pages.get('b', render);
  expect(pages.renders).toBe(4);
});
