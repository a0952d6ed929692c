import request from 'supertest';
import { createDbClient } from '@nba/db';
import { silentLogger } from '@nba/logging';
import { createApp } from '../src/app';
import { required } from '@nba/errors';
import { createServices } from '../src/services';
import { storeOutlooks } from './outlook-database';
import { FORECAST_FROM, openPageDatabase, SETTLED_DAY, TODAY, type PageDatabase } from './page-database';

// The page's views over HTTP (no browser): what each shows, and every kind of bad input as a page
// with a message and the right status. The browser tests (page-browser.test.ts) check rendering.

let pdb: PageDatabase;

beforeAll(async () => {
  pdb = await openPageDatabase('api_page_views');
  // as the server does before it listens (startServer): the record's first render draws every chart, which on a
  // loaded machine outlasts a read request's deadline (a 503); the views are tested on the rendered page
  for (let i = 0; i < 60 && (await request(pdb.t.app).get('/record')).status !== 200; i++)
    await new Promise((resolve) => setTimeout(resolve, 1_000));
}, 240_000);

afterAll(async () => {
  await pdb?.close();
});

/** Each game's article in a day view: its key and the forecast cells (model, version, probability). */
function gamesIn(page: string): Map<string, { model: string; version: string; p: number }[]> {
  const out = new Map<string, { model: string; version: string; p: number }[]>();
  for (const [, key, body] of page.matchAll(
    /<article class="game"[^>]*data-game-key="([^"]+)">([\s\S]*?)<\/article>/g,
  )) {
    const cells = [
      ...(body as string).matchAll(
        /data-model="([^"]+)" data-version="([^"]+)" data-home-win-probability="([^"]+)">([^<]*)</g,
      ),
    ];
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

interface ApiPrediction {
  gameKey: string;
  homeWinProbability: number;
  model: { name: string; version: string };
  market: { homeProbability: number | null; spread: number | null } | null;
  settlement: { logLoss: number | null } | null;
}

/** GET /v1/games of `date`. */
async function apiGames(
  date: string,
): Promise<{ gameKey: string; home: string; away: string; homeScore: number; awayScore: number }[]> {
  return (
    (await request(pdb.t.app).get(`/v1/games?date=${date}`).expect(200)).body as {
      games: { gameKey: string; home: string; away: string; homeScore: number; awayScore: number }[];
    }
  ).games;
}

/** GET /v1/predictions of `date`. */
async function apiPredictions(date: string): Promise<ApiPrediction[]> {
  return (
    (await request(pdb.t.app).get(`/v1/predictions?date=${date}`).expect(200)).body as { predictions: ApiPrediction[] }
  ).predictions;
}

/** The newest stored forecast of `model` for the game (the API lists them newest first per game). */
function newest(predictions: readonly ApiPrediction[], gameKey: string, model: string): ApiPrediction | undefined {
  return predictions.find((p) => p.gameKey === gameKey && p.model.name === model);
}

const wholePercent = (p: number) => `${Math.round(100 * p)}%`;

/** The day view's glance rows: per game its key and its HTML up to the next row (the full table included). */
function glanceRows(page: string): { key: string; body: string }[] {
  return page
    .split('<tbody class="glance-game" data-game-key="')
    .slice(1)
    .map((chunk) => ({
      key: chunk.slice(0, chunk.indexOf('"')),
      body: chunk.slice(0, chunk.indexOf('</table>\n</details>')),
    }));
}

describe('day view', () => {
  test('every game of the day with both models, nba-winner first, and the same probabilities as GET /v1/predictions', async () => {
    const res = await request(pdb.t.app).get(`/?date=${SETTLED_DAY}`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const api = (await request(pdb.t.app).get(`/v1/predictions?date=${SETTLED_DAY}`).expect(200)).body as {
      predictions: { gameKey: string; homeWinProbability: number; model: { name: string; version: string } }[];
    };
    const games = await apiGames(SETTLED_DAY);
    const shown = gamesIn(res.text);
    expect([...shown.keys()].sort()).toEqual(games.map((g) => g.gameKey).sort());
    expect(games.length).toBeGreaterThan(0);
    for (const [key, cells] of shown) {
      expect(cells.map((c) => c.model)).toEqual(['nba-winner', 'nba-winner-stats']);
      for (const c of cells) {
        const stored = required(
          api.predictions.find((p) => p.gameKey === key && p.model.name === c.model),
          `${c.model} forecast of ${key}`,
        );
        expect(c.p).toBe(stored.homeWinProbability);
        expect(c.version).toBe(stored.model.version);
      }
    }
  });

  test('after the games: the score, and per forecast whether it was right and its log loss', async () => {
    const res = await request(pdb.t.app).get(`/?date=${SETTLED_DAY}`).expect(200);
    expect(res.text).toMatch(/Final: <strong>[A-Z]{3} \d+, [A-Z]{3} \d+<\/strong>/);
    expect(res.text).toMatch(/✓ right|✗ wrong/);
    expect(res.text).toMatch(/log loss \d\.\d{3}/);
    // each game: one result per forecaster (the market and both models)
    const article = required(res.text.match(/<article class="game"[\s\S]*?<\/article>/)?.[0], 'a game');
    expect(article.match(/class="(right|wrong)">/g)).toHaveLength(3);
  });

  test('today (US Eastern) by default: scheduled games with tip-off times, market line and the differences in points', async () => {
    const res = await request(pdb.t.app).get('/').expect(200);
    expect(res.text).toContain('Today, Thursday, January 15, 2026');
    expect(res.text).toMatch(
      /<time datetime="2026-01-1[56]T\d\d:\d\d:00\.000Z" data-local>\d{1,2}:\d\d [AP]M ET<\/time>/,
    );
    expect(res.text).toContain('Margin vs market');
    expect(res.text).toMatch(/[+−]\d+\.\d pts|0\.0 pts/);
    expect(res.text).not.toContain('log loss');
    expect(res.text).toContain('href="/?date=2026-01-14" rel="prev"');
    expect(res.text).toContain('href="/?date=2026-01-16" rel="next"');
    expect(res.text).toContain(
      '<form method="get" action="/"><label for="date">Day</label><input type="date" id="date" name="date" value="2026-01-15"',
    );
  });

  test('demo data is marked on every view', async () => {
    for (const path of [
      '/',
      `/?date=${SETTLED_DAY}`,
      '/?date=2026-08-01',
      '/record',
      '/models',
      '/team/BOS',
      '/team/BOS?season=2030',
    ]) {
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

describe('day view at a glance', () => {
  test('one row per game, by tip-off: teams linked to their team view, both models and the market at the stored probabilities, the spread; the full table in a <details>', async () => {
    const res = await request(pdb.t.app).get(`/?date=${SETTLED_DAY}`).expect(200);
    const games = await apiGames(SETTLED_DAY);
    const api = await apiPredictions(SETTLED_DAY);
    const rows = glanceRows(res.text);
    expect(rows.map((r) => r.key)).toEqual(games.map((g) => g.gameKey));
    // the rows come first: before the paragraph that explains them
    expect(res.text.indexOf('<table class="glance">')).toBeLessThan(res.text.indexOf('beside the betting market'));
    for (const [i, { key, body }] of rows.entries()) {
      const g = required(games[i], `game ${key}`);
      const numbers = body.slice(0, body.indexOf('<tr class="glance-marks">'));
      expect(numbers).toContain(
        `<a href="/team/${g.away}">${g.away}</a> <span class="at">@</span> <a href="/team/${g.home}">${g.home}</a>`,
      );
      const cells = [
        ...numbers.matchAll(
          /data-model="([^"]+)" data-version="[^"]+" data-kind="live" data-home-win-probability="([^"]+)">([^<]*)</g,
        ),
      ];
      expect(cells.map((c) => c[1])).toEqual(['nba-winner', 'nba-winner-stats']);
      for (const [, model, p, text] of cells) {
        const stored = required(newest(api, key, model as string), `${model} forecast of ${key}`);
        expect(Number(p)).toBe(stored.homeWinProbability);
        expect(text).toBe(wholePercent(stored.homeWinProbability));
      }
      const market = required(newest(api, key, 'nba-winner')?.market, `market of ${key}`);
      expect(numbers).toContain(
        `<td class="num">${wholePercent(required(market.homeProbability, 'market probability'))}</td>`,
      );
      expect(numbers).toMatch(
        new RegExp(
          `<td class="num">(${g.home}|${g.away})\u00a0\u2212\\d+\\.\\d</td></tr>|<td class="num">pick'em</td></tr>`,
        ),
      );
      // the full table of the game, on demand
      expect(body).toMatch(
        /<details><summary>Full table<span class="vh"> of [A-Z]{3} at [A-Z]{3}<\/span><\/summary>\n<article class="game"/,
      );
      expect(body).toContain(`data-game-key="${key}">`);
    }
  });

  test('once played: the winner and the score, and for each model and the market whether it picked the winner', async () => {
    const res = await request(pdb.t.app).get(`/?date=${SETTLED_DAY}`).expect(200);
    const games = await apiGames(SETTLED_DAY);
    const api = await apiPredictions(SETTLED_DAY);
    for (const { key, body } of glanceRows(res.text)) {
      const g = required(
        games.find((x) => x.gameKey === key),
        `game ${key}`,
      );
      const homeWon = g.homeScore > g.awayScore;
      const marks = body.slice(body.indexOf('<tr class="glance-marks">'), body.indexOf('<tr class="glance-full">'));
      const market = required(newest(api, key, 'nba-winner')?.market?.homeProbability, `market of ${key}`);
      const expected = [
        ...['nba-winner', 'nba-winner-stats'].map((m) => required(newest(api, key, m), m).homeWinProbability),
        market,
      ].map((p) => (p >= 0.5 === homeWon ? 'right' : 'wrong'));
      expect([...marks.matchAll(/<span class="(right|wrong)">/g)].map((m) => m[1])).toEqual(expected);
      const [winner, high, low] = homeWon ? [g.home, g.homeScore, g.awayScore] : [g.away, g.awayScore, g.homeScore];
      expect(marks).toContain(`<span class="vh">Final: </span><strong>${winner}</strong> ${high}\u2013${low}`);
    }
  });

  test('before the games: tip-off times, no marks', async () => {
    const res = await request(pdb.t.app).get('/').expect(200);
    const rows = glanceRows(res.text);
    expect(rows.length).toBeGreaterThan(0);
    for (const { body } of rows) {
      const marks = body.slice(body.indexOf('<tr class="glance-marks">'), body.indexOf('<tr class="glance-full">'));
      expect(marks).toMatch(/<time datetime="[^"]+" data-local>\d{1,2}:\d\d [AP]M ET<\/time>/);
      expect(marks).not.toMatch(/class="(right|wrong)"/);
    }
  });
});

/** The team view's game rows: key, whether the team was at home, the forecast cells and the result cell. */
function teamRows(
  page: string,
): { key: string; home: boolean; cells: { model: string; p: number; text: string }[]; row: string }[] {
  const table = page.slice(
    page.indexOf('<table class="team-games">'),
    page.indexOf('</table>', page.indexOf('<table class="team-games">')),
  );
  return [...table.matchAll(/<tr data-game-key="([^"]+)" data-home="(true|false)">([\s\S]*?)<\/tr>/g)].map(
    ([, key, home, row]) => ({
      key: key as string,
      home: home === 'true',
      cells: [
        ...(row as string).matchAll(
          /data-model="([^"]+)" data-version="[^"]+" data-kind="live" data-team-win-probability="([^"]+)">([^<]*)</g,
        ),
      ].map(([, model, p, text]) => ({
        model: model as string,
        p: Number(p),
        text: text as string,
      })),
      row: row as string,
    }),
  );
}

/** BOS's games of the 2025-26 demo season as seeded: up to today, and later ones with stored forecasts. */
function seededTeamGames(team: string) {
  return pdb.seeded.games
    .filter((g) => g.season === 2026 && (g.homeCode === team || g.awayCode === team))
    .filter((g) => g.date <= TODAY || pdb.seeded.forecastDays.includes(g.date));
}

describe('team view', () => {
  test('the season so far, newest first: each game with opponent, home or away, both models’ forecasts from the team’s side as stored, and the result', async () => {
    const res = await request(pdb.t.app).get('/team/BOS').expect(200);
    expect(res.text).toContain('<h1>Boston Celtics <span class="muted">(BOS)</span></h1>');
    expect(res.text).toContain('<strong>Demo data.</strong>');
    const rows = teamRows(res.text);
    const seeded = seededTeamGames('BOS').sort((a, b) => b.date.localeCompare(a.date));
    expect(rows.map((r) => r.key)).toEqual(seeded.map((g) => g.gameKey));
    const byDate = new Map<string, ApiPrediction[]>();
    let forecast = 0;
    for (const [i, r] of rows.entries()) {
      const g = required(seeded[i], `game ${r.key}`);
      const home = g.homeCode === 'BOS';
      let forecasters = 0;
      expect(r.home).toBe(home);
      expect(r.row).toContain(
        `<span class="at">${home ? 'vs' : '@'}</span> <a href="/team/${home ? g.awayCode : g.homeCode}">`,
      );
      expect(r.row).toContain(`<a href="/?date=${g.date}">`);
      if (!pdb.seeded.forecastDays.includes(g.date)) {
        expect(r.cells).toEqual([]);
      } else {
        if (!byDate.has(g.date)) byDate.set(g.date, await apiPredictions(g.date));
        const api = required(byDate.get(g.date), g.date);
        expect(r.cells.map((c) => c.model)).toEqual(['nba-winner', 'nba-winner-stats']);
        for (const c of r.cells) {
          const stored = required(
            newest(api, g.gameKey, c.model),
            `${c.model} forecast of ${g.gameKey}`,
          ).homeWinProbability;
          const team = home ? stored : 1 - stored;
          expect(c.p).toBeCloseTo(team, 12);
          expect(c.text.trim()).toBe(wholePercent(team));
        }
        forecasters = r.cells.length + (newest(api, g.gameKey, 'nba-winner')?.market?.homeProbability == null ? 0 : 1);
        forecast += 1;
      }
      if (g.status === 'final' && g.homeScore !== null && g.awayScore !== null) {
        const [us, them] = home ? [g.homeScore, g.awayScore] : [g.awayScore, g.homeScore];
        expect(r.row).toContain(
          `${us > them ? 'W' : 'L'}<span class="vh">${us > them ? 'on' : 'ost'}</span></span> ${us}\u2013${them}`,
        );
        // a ✓ or ✗ per forecast shown (both models and the market) once the game is final
        expect(r.row.match(/class="(right|wrong)">[✓✗]/g)?.length ?? 0).toBe(forecasters);
      } else {
        expect(r.row).toMatch(/data-local>\d{1,2}:\d\d [AP]M ET<\/time>/);
      }
    }
    expect(forecast).toBeGreaterThan(3);
  });

  test('the record against the forecasts: games, log loss and accuracy of each model and of the market on the same final games', async () => {
    const res = await request(pdb.t.app).get('/team/BOS').expect(200);
    const played = seededTeamGames('BOS').filter(
      (g) => g.status === 'final' && pdb.seeded.forecastDays.includes(g.date) && g.date < TODAY,
    );
    expect(played.length).toBeGreaterThan(3);
    for (const model of ['nba-winner', 'nba-winner-stats']) {
      const scored: { loss: number; right: boolean; marketLoss: number; marketRight: boolean }[] = [];
      for (const g of played) {
        const p = required(newest(await apiPredictions(g.date), g.gameKey, model), `${model} forecast of ${g.gameKey}`);
        const market = p.market?.homeProbability;
        // the page scores each model beside the market on the games with a market line
        if (market === null || market === undefined) continue;
        const homeWon = required(g.homeScore, 'score') > required(g.awayScore, 'score');
        const teamWon = g.homeCode === 'BOS' ? homeWon : !homeWon;
        const team = (q: number) => (g.homeCode === 'BOS' ? q : 1 - q);
        scored.push({
          // the log loss the pipeline stored at settlement: the page's own is computed apart, from the scores
          loss: required(p.settlement?.logLoss, `settlement of ${g.gameKey}`),
          right: team(p.homeWinProbability) >= 0.5 === teamWon,
          marketLoss: -Math.log(homeWon ? market : 1 - market),
          marketRight: team(market) >= 0.5 === teamWon,
        });
      }
      expect(scored.length).toBeGreaterThan(3);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const section = required(
        res.text.match(new RegExp(`<tbody data-model="${model}" data-kind="live">([\\s\\S]*?)</tbody>`))?.[1],
        `record of ${model}`,
      );
      const figures = [...section.matchAll(/<td class="num">([^<]+)<\/td>/g)].map((m) => m[1]);
      expect(figures).toEqual([
        String(scored.length),
        mean(scored.map((s) => s.loss)).toFixed(3),
        `${(100 * mean(scored.map((s) => (s.right ? 1 : 0)))).toFixed(1)}%`,
        String(scored.length),
        mean(scored.map((s) => s.marketLoss)).toFixed(3),
        `${(100 * mean(scored.map((s) => (s.marketRight ? 1 : 0)))).toFixed(1)}%`,
      ]);
      expect(section).toContain('Market, same games');
    }
  });

  test('the rating over time: none before an outlook is stored; then the outlook’s stored ratings as a chart and a table (the cached page follows the stored outlooks)', async () => {
    const before = await request(pdb.t.app).get('/team/BOS').expect(200);
    expect(before.text).toContain('No season outlook is stored for 2025-26, so there is no rating history');
    expect(before.text).not.toContain('<svg');
    await storeOutlooks(pdb.db.client, ['2026-01-01', '2026-01-08', TODAY]);
    const res = await request(pdb.t.app).get('/team/BOS').expect(200);
    expect(res.text).toContain('<code>market-results-ridge</code> v1.0.0, from @nba/season');
    expect(res.text).toMatch(
      /<svg role="img" aria-label="Rating of BOS on each of the 3 mornings with a stored outlook of the 2025-26 season, 2026-01-01 to 2026-01-15/,
    );
    const history = (await request(pdb.t.app).get('/v1/outlook/history?team=BOS&season=2026').expect(200)).body as {
      history: { date: string; rating: number; wins: number; losses: number }[];
    };
    expect(history.history.map((h) => h.date)).toEqual(['2026-01-01', '2026-01-08', TODAY]);
    const table = required(
      res.text.match(/<table><thead><tr><th scope="col">Morning<\/th>[\s\S]*?<\/table>/)?.[0],
      'rating table',
    );
    const rows = [
      ...table.matchAll(
        /<tr><th scope="row">([^<]+)<\/th><td class="num">([^<]+)<\/td><td class="num">(\d+)\u2013(\d+)<\/td><\/tr>/g,
      ),
    ];
    expect(rows.map((r) => r[1])).toEqual(['Jan 15', 'Jan 8', 'Jan 1']);
    for (const [i, h] of [...history.history].reverse().entries()) {
      const shown = required(rows[i], `rating row ${i}`);
      expect(Number((shown[2] as string).replace('\u2212', '-'))).toBeCloseTo(h.rating, 1);
      expect([Number(shown[3]), Number(shown[4])]).toEqual([h.wins, h.losses]);
    }
    // the outlook's team names lead here
    const outlook = await request(pdb.t.app).get('/outlook').expect(200);
    expect(outlook.text).toContain('<a href="/team/BOS">BOS</a>');
  }, 120_000);

  test('a hindcast is shown where a game has no live forecast, marked, and scored apart from the live forecasts', async () => {
    const game = required(
      seededTeamGames('BOS').find((g) => g.date > '2025-12-01' && g.date < FORECAST_FROM && g.status === 'final'),
      'a final BOS game before the live forecasts',
    );
    const stored = required(await pdb.db.client.game.findUnique({ where: { gameKey: game.gameKey } }), game.gameKey);
    const liveBefore = required(
      (await request(pdb.t.app).get('/team/BOS').expect(200)).text.match(
        /<tbody data-model="nba-winner" data-kind="live">[\s\S]*?<td class="num">(\d+)</,
      )?.[1],
      'live games',
    );
    const version = await pdb.db.client.modelVersion.create({
      data: {
        name: 'nba-winner',
        version: 'hindcast-test',
        kind: 'hindcast',
        featureSpec: {},
        params: {},
        metrics: {},
        createdBy: 'page-test',
      },
    });
    try {
      await pdb.db.client.prediction.create({
        data: {
          gameId: stored.id,
          modelVersionId: version.id,
          homeWinProb: 0.6,
          expectedMargin: 3,
          expectedTotal: 220,
          marketHomeProb: 0.55,
          isDemo: true,
        },
      });
      const res = await request(pdb.t.app).get('/team/BOS').expect(200);
      const row = required(
        teamRows(res.text).find((r) => r.key === game.gameKey),
        game.gameKey,
      );
      const teamP = game.homeCode === 'BOS' ? 0.6 : 0.4;
      expect(row.row).toContain(
        `data-model="nba-winner" data-version="hindcast-test" data-kind="hindcast" data-team-win-probability="${teamP}">${wholePercent(teamP)}<abbr class="hc"`,
      );
      expect(res.text).toContain('marks a hindcast');
      const hindcast = required(
        res.text.match(/<tbody data-model="nba-winner" data-kind="hindcast">([\s\S]*?)<\/tbody>/)?.[1],
        'hindcast record',
      );
      expect(hindcast).toContain('<span class="sub">hindcasts</span>');
      expect([...hindcast.matchAll(/<td class="num">([^<]+)<\/td>/g)].map((m) => m[1])[0]).toBe('1');
      // the live record is as it was: the hindcast is not mixed in
      expect(
        res.text.match(/<tbody data-model="nba-winner" data-kind="live">[\s\S]*?<td class="num">(\d+)</)?.[1],
      ).toBe(liveBefore);
      // the day view marks it too: in the game's row and in its full table
      const day = await request(pdb.t.app).get(`/?date=${game.date}`).expect(200);
      const dayRow = required(
        glanceRows(day.text).find((r) => r.key === game.gameKey),
        `day row of ${game.gameKey}`,
      ).body;
      expect(dayRow).toContain(
        'data-model="nba-winner" data-version="hindcast-test" data-kind="hindcast" data-home-win-probability="0.6">60%<abbr class="hc"',
      );
      expect(dayRow).toContain('nba-winner<span class="sub">market-aware, hindcast</span>');
      expect(day.text).toContain('marks a hindcast: forecast afterwards');
    } finally {
      await pdb.db.client.prediction.deleteMany({ where: { modelVersionId: version.id } });
      await pdb.db.client.modelVersion.delete({ where: { id: version.id } });
    }
  });

  test('?season= shows an earlier season; a lowercase code redirects; an unknown team is a 404 naming it; a bad season a 400 naming it', async () => {
    const earlier = await request(pdb.t.app).get('/team/BOS?season=2025').expect(200);
    expect(earlier.text).toContain('<option value="2025" selected>2024-25</option>');
    const bos2025 = pdb.seeded.games.filter((g) => g.season === 2025 && (g.homeCode === 'BOS' || g.awayCode === 'BOS'));
    expect(teamRows(earlier.text)).toHaveLength(bos2025.length);
    expect(earlier.text).toContain('No final game of BOS this season has a stored forecast yet.');
    const lower = await request(pdb.t.app).get('/team/bos?season=2025').expect(301);
    expect(lower.headers.location).toBe('/team/BOS?season=2025');
    const unknown = await request(pdb.t.app).get('/team/XYZ').expect(404);
    expect(unknown.headers['content-type']).toMatch(/text\/html/);
    expect(unknown.text).toContain("No team 'XYZ'");
    expect(unknown.text).toContain('<a href="/team/WAS">WAS</a>');
    for (const [season, message] of [
      ['abc', 'invalid season &#39;abc&#39;: expected the year a season ends, from 2008 (2007-08)'],
      ['1990', 'invalid season &#39;1990&#39;'],
    ]) {
      const bad = await request(pdb.t.app).get(`/team/BOS?season=${season}`).expect(400);
      expect(bad.text).toContain(message);
    }
    const twice = await request(pdb.t.app).get('/team/BOS?season=2025&season=2026').expect(400);
    expect(twice.text).toContain('give one season');
  });
});

describe('record', () => {
  test('per version: live scores beside the market on the same games, both charts with their data as tables, and the registry figures', async () => {
    const res = await request(pdb.t.app).get('/record').expect(200);
    const sections = [
      ...res.text.matchAll(
        /<section class="version"[^>]*data-model="([^"]+)" data-version="([^"]+)">([\s\S]*?)<\/section>/g,
      ),
    ];
    expect(sections.map((s) => s[1])).toEqual(['nba-winner', 'nba-winner-stats']);
    for (const [, , , body] of sections) {
      expect(body).toMatch(/On the \d+ settled games with a market line/);
      expect(body).toContain('<th scope="col">Market</th>');
      for (const row of ['Log loss', 'Brier score', 'Accuracy']) expect(body).toContain(`<th scope="row">${row}</th>`);
      expect(body?.match(/<svg role="img" aria-label="[^"]+"/g)).toHaveLength(2);
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
    expect(unknown.text).toContain(
      'No model named &#39;nope&#39; is registered (registered models: nba-winner, nba-winner-stats)',
    );
  });
});

describe('models', () => {
  test('the registry read-only: versions with status, training range and metrics, and the audit trail', async () => {
    const res = await request(pdb.t.app).get('/models').expect(200);
    expect(res.text.indexOf('id="model-nba-winner"')).toBeLessThan(res.text.indexOf('id="model-nba-winner-stats"'));
    expect(res.text).toMatch(/In production: <strong>v1\.0\.0<\/strong>/);
    expect(res.text).toMatch(/Trained on<\/dt><dd>[A-Z][a-z]{2} \d+, 2024 to [A-Z][a-z]{2} \d+, 2025 \([\d,]+ games\)/);
    expect(res.text).toMatch(
      /<strong>promoted<\/strong> v1\.0\.0 \(staging → production\) by demo-seed: first version/,
    );
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
  const app = createApp({
    db: client,
    registry: services.registry,
    models: services.models,
    features: services.features,
    metrics: services.metrics,
    logger,
  });
  try {
    for (const path of ['/', '/record', '/models', '/team/BOS']) {
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
