import request from 'supertest';
import { createDbClient } from '@nba/db';
import { silentLogger } from '@nba/logging';
import { createApp } from '../src/app';
import { createServices } from '../src/services';
import { FORECAST_FROM, openPageDatabase, SETTLED_DAY, TODAY, type PageDatabase } from './page-database';

// The page's views over HTTP (no browser): what each shows, and every kind of bad input as a page
// with a message and the right status. The browser tests (page-browser.test.ts) check rendering.

let pdb: PageDatabase;

beforeAll(async () => {
  pdb = await openPageDatabase('api_page_views');
}, 180_000);

afterAll(async () => {
  await pdb?.close();
});

/** Each game's article in a day view: its key and the forecast cells (model, version, probability). */
function gamesIn(page: string): Map<string, { model: string; version: string; p: number }[]> {
  const out = new Map<string, { model: string; version: string; p: number }[]>();
  for (const [, key, body] of page.matchAll(/<article class="game"[^>]*data-game-key="([^"]+)">([\s\S]*?)<\/article>/g)) {
    const cells = [...(body as string).matchAll(/data-model="([^"]+)" data-version="([^"]+)" data-home-win-probability="([^"]+)">([^<]*)</g)];
    out.set(
      key as string,
      cells.map(([, model, version, p, text]) => {
        expect(text).toBe(`${(100 * Number(p)).toFixed(1)}%`);
        return { model: model as string, version: version as string, p: Number(p) };
      }),
    );
  }
  return out;
}

describe('day view', () => {
  test('every game of the day with both models, nba-winner first, and the same probabilities as GET /v1/predictions', async () => {
    const res = await request(pdb.t.app).get(`/?date=${SETTLED_DAY}`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const api = (await request(pdb.t.app).get(`/v1/predictions?date=${SETTLED_DAY}`).expect(200)).body as {
      predictions: { gameKey: string; homeWinProbability: number; model: { name: string; version: string } }[];
    };
    const games = (await request(pdb.t.app).get(`/v1/games?date=${SETTLED_DAY}`).expect(200)).body.games as { gameKey: string }[];
    const shown = gamesIn(res.text);
    expect([...shown.keys()].sort()).toEqual(games.map((g) => g.gameKey).sort());
    expect(games.length).toBeGreaterThan(0);
    for (const [key, cells] of shown) {
      expect(cells.map((c) => c.model)).toEqual(['nba-winner', 'nba-winner-stats']);
      for (const c of cells) {
        const stored = api.predictions.find((p) => p.gameKey === key && p.model.name === c.model);
        expect(stored).toBeDefined();
        expect(c.p).toBe(stored!.homeWinProbability);
        expect(c.version).toBe(stored!.model.version);
      }
    }
  });

  test('after the games: the score, and per forecast whether it was right and its log loss', async () => {
    const res = await request(pdb.t.app).get(`/?date=${SETTLED_DAY}`).expect(200);
    expect(res.text).toMatch(/Final: <strong>[A-Z]{3} \d+, [A-Z]{3} \d+<\/strong>/);
    expect(res.text).toMatch(/✓ right|✗ wrong/);
    expect(res.text).toMatch(/log loss \d\.\d{3}/);
    // each game: one result per forecaster (the market and both models)
    const article = res.text.match(/<article class="game"[\s\S]*?<\/article>/)![0];
    expect(article.match(/class="(right|wrong)">/g)).toHaveLength(3);
  });

  test('today (US Eastern) by default: scheduled games with tip-off times, market line and the differences in points', async () => {
    const res = await request(pdb.t.app).get('/').expect(200);
    expect(res.text).toContain('Today, Thursday, January 15, 2026');
    expect(res.text).toMatch(/<time datetime="2026-01-1[56]T\d\d:\d\d:00\.000Z" data-local>\d{1,2}:\d\d [AP]M ET<\/time>/);
    expect(res.text).toContain('Margin vs market');
    expect(res.text).toMatch(/[+−]\d+\.\d pts|0\.0 pts/);
    expect(res.text).not.toContain('log loss');
    expect(res.text).toContain('href="/?date=2026-01-14" rel="prev"');
    expect(res.text).toContain('href="/?date=2026-01-16" rel="next"');
    expect(res.text).toContain('<form method="get" action="/"><label for="date">Day</label><input type="date" id="date" name="date" value="2026-01-15"');
  });

  test('demo data is marked on every view', async () => {
    for (const path of ['/', `/?date=${SETTLED_DAY}`, '/?date=2026-08-01', '/record', '/models']) {
      const res = await request(pdb.t.app).get(path).expect(200);
      expect(res.text).toContain('<strong>Demo data.</strong>');
    }
  });

  test('a bad or unsupported date is a 400 page saying what is wrong, not an error body', async () => {
    for (const [date, message] of [
      ['2026-02-30', 'expected a calendar date as YYYY-MM-DD'],
      ['15-01-2026', 'expected a calendar date as YYYY-MM-DD'],
      ['9999-01-01', 'must be from 2007-08-01'],
    ]) {
      const res = await request(pdb.t.app).get(`/?date=${date}`).expect(400);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('Not a day we can show');
      expect(res.text).toContain(message);
      expect(res.text).toContain('<form method="get" action="/">');
      expect(res.text).not.toMatch(/at .*\.ts:\d+|Error:/);
    }
    const twice = await request(pdb.t.app).get('/?date=2026-01-10&date=2026-01-11').expect(400);
    expect(twice.text).toContain('give one date');
  });

  test('a day without games is a 200 page saying so, with links to the nearest days that have games', async () => {
    const res = await request(pdb.t.app).get('/?date=2026-08-01').expect(200);
    expect(res.text).toContain('No games on Saturday, August 1, 2026.');
    expect(res.text).toMatch(/href="\/\?date=2026-0[46]-\d\d">the last day with games before it/);
    expect(res.text).not.toContain('<article');
  });

  test('a day with games but no stored forecasts says so', async () => {
    const res = await request(pdb.t.app).get('/?date=2025-12-01').expect(200);
    expect(res.text).toContain('No forecasts are stored for this day yet.');
    expect(res.text).toContain('No forecast stored for this game.');
  });
});

describe('record', () => {
  test('per version: live scores beside the market on the same games, both charts with their data as tables, and the registry figures', async () => {
    const res = await request(pdb.t.app).get('/record').expect(200);
    const sections = [...res.text.matchAll(/<section class="version"[^>]*data-model="([^"]+)" data-version="([^"]+)">([\s\S]*?)<\/section>/g)];
    expect(sections.map((s) => s[1])).toEqual(['nba-winner', 'nba-winner-stats']);
    for (const [, , , body] of sections) {
      expect(body).toMatch(/On the \d+ settled games with a market line/);
      expect(body).toContain('<th scope="col">Market</th>');
      for (const row of ['Log loss', 'Brier score', 'Accuracy']) expect(body).toContain(`<th scope="row">${row}</th>`);
      expect(body!.match(/<svg role="img" aria-label="[^"]+"/g)).toHaveLength(2);
      expect(body).toContain('Running log loss as a table');
      expect(body).toContain('Calibration as a table');
      expect(body).toMatch(/<th scope="rowgroup"[^>]*>validation<\/th>/);
    }
    expect(res.text).toContain(`Dec 15, 2025`);
    expect(FORECAST_FROM).toBe('2025-12-15');
  });

  test('?model= shows one model; an unknown one is a 404 page naming the registered models', async () => {
    const one = await request(pdb.t.app).get('/record?model=nba-winner-stats').expect(200);
    expect(one.text).toContain('Record of nba-winner-stats');
    expect(one.text).not.toContain('data-model="nba-winner"');
    const unknown = await request(pdb.t.app).get('/record?model=nope').expect(404);
    expect(unknown.text).toContain('No model named &#39;nope&#39; is registered (registered models: nba-winner, nba-winner-stats)');
  });
});

describe('models', () => {
  test('the registry read-only: versions with status, training range and metrics, and the audit trail', async () => {
    const res = await request(pdb.t.app).get('/models').expect(200);
    expect(res.text.indexOf('id="model-nba-winner"')).toBeLessThan(res.text.indexOf('id="model-nba-winner-stats"'));
    expect(res.text).toMatch(/In production: <strong>v1\.0\.0<\/strong>/);
    expect(res.text).toMatch(/Trained on<\/dt><dd>[A-Z][a-z]{2} \d+, 2024 to [A-Z][a-z]{2} \d+, 2025 \([\d,]+ games\)/);
    expect(res.text).toMatch(/<strong>promoted<\/strong> v1\.0\.0 \(staging → production\) by demo-seed: first version/);
    expect(res.text).toMatch(/<strong>registered<\/strong> v1\.0\.0 \(new → staging\)/);
  });

  test('a model with no settled forecasts: named on the record with a message, listed on the models page', async () => {
    await pdb.db.client.modelVersion.create({
      data: {
        name: 'nba-winner-trial',
        version: '0.1.0',
        featureSpec: { name: 'nba-stats', version: '1', features: [] },
        params: {},
        metrics: {},
        createdBy: 'page-test',
      },
    });
    const record = await request(pdb.t.app).get('/record?model=nba-winner-trial').expect(200);
    expect(record.text).toContain('nba-winner-trial has no settled forecasts yet');
    expect(record.text).toContain('The registry holds no metrics for this version.');
    // a model in production without settled forecasts shows its registry figures instead
    await pdb.db.client.prediction.updateMany({
      where: { modelVersion: { name: 'nba-winner-stats' } },
      data: { settledAt: null, homeWon: null, logLoss: null, brier: null },
    });
    const unsettled = await request(pdb.t.app).get('/record?model=nba-winner-stats').expect(200);
    expect(unsettled.text).toContain('nba-winner-stats has no settled forecasts yet');
    expect(unsettled.text).toContain('Backtest and holdout figures in the registry for v1.0.0 (production)');
    const models = await request(pdb.t.app).get('/models').expect(200);
    expect(models.text).toContain('id="model-nba-winner-trial"');
    expect(models.text).toContain('No version is in production.');
  });
});

test('the database unavailable: a 503 page saying so, with Retry-After, for every view', async () => {
  const client = createDbClient('postgresql://postgres@127.0.0.1:1/none', {
    connectTimeoutMs: 300,
    poolTimeoutMs: 300,
    statementTimeoutMs: 300,
    maxConnections: 1,
  });
  const logger = silentLogger();
  const services = createServices({ db: client, logger, modelNames: ['nba-winner'], modelPollIntervalMs: 0 });
  const app = createApp({ db: client, registry: services.registry, models: services.models, features: services.features, metrics: services.metrics, logger });
  try {
    for (const path of ['/', '/record', '/models']) {
      const res = await request(app).get(path).expect(503);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.text).toContain('Database unavailable');
      expect(res.text).not.toContain('127.0.0.1:1');
    }
  } finally {
    await client.$disconnect();
  }
}, 60_000);

test(`forecasts of ${TODAY} are stored but not settled`, () => {
  expect(pdb.seeded.forecastDays).toContain(TODAY);
});
