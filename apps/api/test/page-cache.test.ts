import http from 'node:http';
import { required } from '@nba/errors';
import { silentLogger } from '@nba/logging';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { insertSettledForecasts } from '../src/bench/settled-forecasts';
import { startServer, type RunningServer } from '../src/server';
import { insertGames, syntheticHistory } from './fixtures';

// The record and day views are rendered once per data change and served from memory: a settled
// forecast shows on the very next request, concurrent requests share one render, and the probes
// answer throughout a page burst. Real PostgreSQL, the real server on a port.

let db: TestDatabase;
let api: RunningServer;
let versionId: number;
const history = syntheticHistory({ seasons: [2024], seed: 5, days: 120 });

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_page_cache' });
  await insertGames(db.client, history);
  versionId = required(
    (await insertSettledForecasts(db.client, { versions: 4, perVersion: 150, seed: 9 })).versionIds[3],
    'the fourth version',
  );
  // every request reads the data version (shared by concurrent ones), so a change shows on the next request
  api = await startServer({
    db: { client: db.client, url: db.url },
    logger: silentLogger(),
    port: 0,
    host: '127.0.0.1',
    modelNames: ['nba-winner'],
    modelPollIntervalMs: 0,
    featureRefreshIntervalMs: 0,
    shutdownDrainMs: 0,
    pageRecheckMs: 0,
  });
  // the first render (started at start-up) may outlast the read deadline on a loaded machine: wait for it
  for (let i = 0; i < 60 && (await get('/record')).status !== 200; i++) await new Promise((r) => setTimeout(r, 500));
}, 120_000);

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
afterAll(() => agent.destroy());

function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${api.url}${path}`, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** The settled count the record shows for the version (its scores table's caption). */
async function settledShown(): Promise<number> {
  const { status, body } = await get('/record');
  expect(status).toBe(200);
  const [, after] = body.split(`aria-labelledby="v-${versionId}"`);
  const [section] = required(after, `version ${versionId}'s section on /record`).split('</section>');
  const caption = required(
    /\(of (\d+) settled\)|On (\d+) settled games/.exec(section ?? ''),
    `the settled count in version ${versionId}'s section`,
  );
  return Number(caption.slice(1).find(Boolean));
}

test('a forecast settled shows on /record at the next request', async () => {
  const before = await settledShown();
  expect(before).toBe(150);
  // a forecast of the version on a final game it has none for, stored unsettled, then the real settle step
  const covered = new Set(
    (await db.client.prediction.findMany({ where: { modelVersionId: versionId }, select: { gameId: true } })).map(
      (p) => p.gameId,
    ),
  );
  const finals = await db.client.game.findMany({
    where: { status: 'final' },
    select: { id: true, homeScore: true, awayScore: true },
  });
  const game = required(
    finals.find((g) => !covered.has(g.id)),
    'a final game the version has no forecast of',
  );
  const stored = await db.client.prediction.create({
    data: { gameId: game.id, modelVersionId: versionId, homeWinProb: 0.61, marketHomeProb: 0.58 },
  });
  expect(await settledShown()).toBe(150); // stored, not settled yet
  // settled as the pipeline's settle step does it: outcome and scores, settled_at
  const homeWon = required(game.homeScore, 'the home score') > required(game.awayScore, 'the away score');
  await db.client.prediction.update({
    where: { id: stored.id },
    data: {
      settledAt: new Date(),
      homeWon,
      logLoss: -Math.log(homeWon ? 0.61 : 0.39),
      brier: (0.61 - (homeWon ? 1 : 0)) ** 2,
    },
  });
  expect(await settledShown()).toBe(151);
});

test('concurrent requests for a page after a change cause one render', async () => {
  await get('/record');
  await db.client.prediction.updateMany({ where: { modelVersionId: versionId }, data: { settledAt: new Date() } });
  const before = api.pages.renders;
  const day = required(
    history.find((g) => g.date > '2024-02-01'),
    'a game after 2024-02-01',
  ).date;
  const pages = await Promise.all([
    ...Array.from({ length: 20 }, () => get('/record')),
    ...Array.from({ length: 20 }, () => get(`/?date=${day}`)),
  ]);
  expect(pages.map((p) => p.status)).toEqual(Array(40).fill(200));
  // one record, one day view
  expect(api.pages.renders - before).toBe(2);
  expect(new Set(pages.slice(0, 20).map((p) => p.body)).size).toBe(1);
});

test('/health answers 200 to a probe every 5 ms throughout a burst of 1,000 page requests', async () => {
  const burst = Promise.all(
    Array.from({ length: 1_000 }, (_, i) => get(i % 2 ? '/record' : '/').then((r) => r.status)),
  );
  const probes: Promise<number>[] = [];
  let bursting = true;
  void burst.finally(() => (bursting = false));
  while (bursting) {
    // a new connection per probe, as the kubelet does
    probes.push(
      new Promise<number>((resolve, reject) =>
        http
          .get(`${api.url}/health`, { agent: false }, (res) => resolve(res.resume() && (res.statusCode ?? 0)))
          .on('error', reject),
      ),
    );
    await new Promise((r) => setTimeout(r, 5));
  }
  const statuses = await burst;
  const health = await Promise.all(probes);
  expect(health.length).toBeGreaterThan(0);
  expect(health.every((s) => s === 200)).toBe(true);
  expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
}, 60_000);
