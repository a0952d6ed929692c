// GET /v1/outlook and /v1/outlook/history on a real PostgreSQL: outlooks stored by the lifecycle's
// use case from the demo league, read back through the routes; bad input named, a missing outlook a 404.
import request from 'supertest';
import { required } from '@nba/errors';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { ErrorResponse } from '../src/schemas/common';
import { OutlookHistoryResponse, OutlookResponse } from '../src/schemas/outlook';
import { insertDemoLeague, storeOutlooks, TEST_OUTLOOK_SIMULATIONS } from './outlook-database';
import { buildTestApp, type TestApp } from './test-app';

const DATES = ['2026-01-08', '2026-01-15'];
let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_outlook' });
  t = await buildTestApp(db, { listen: false });
  // before any outlook is stored: a 404 saying so
  const none = await request(t.app).get('/v1/outlook');
  expect(none.status).toBe(404);
  expect(ErrorResponse.parse(none.body).error).toMatchObject({
    code: 'NOT_FOUND',
    message: 'no season outlook stored yet; the daily pipeline stores one',
  });
  const nonePage = await request(t.app).get('/outlook');
  expect(nonePage.status).toBe(404);
  expect(nonePage.text).toContain('No season outlook is stored yet');
  await insertDemoLeague(db.client, [2025, 2026], '2026-01-15');
  await storeOutlooks(db.client, DATES);
}, 120_000);

afterAll(async () => {
  await t?.stop();
  await db?.drop();
});

function expectProblem(body: unknown, field: string, problem: RegExp): void {
  const { error } = ErrorResponse.parse(body);
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.details).toEqual([{ field, problem: expect.stringMatching(problem) as string }]);
}

describe('GET /v1/outlook', () => {
  it('answers the latest stored outlook without a date: 30 teams, East first, each conference by P(playoffs)', async () => {
    const res = await request(t.app).get('/v1/outlook');
    expect(res.status).toBe(200);
    const body = OutlookResponse.parse(res.body);
    expect(body).toMatchObject({
      date: '2026-01-15',
      season: 2026,
      simulations: TEST_OUTLOOK_SIMULATIONS,
      isDemo: true,
    });
    expect(body.teams).toHaveLength(30);
    expect(body.teams.slice(0, 15).every((r) => r.conference === 'East')).toBe(true);
    for (const conf of ['East', 'West']) {
      const rows = body.teams.filter((r) => r.conference === conf);
      expect(rows.map((r) => r.makePlayoffs)).toEqual([...rows.map((r) => r.makePlayoffs)].sort((a, b) => b - a));
      expect(rows.reduce((s, r) => s + r.makePlayoffs, 0)).toBeCloseTo(8, 9);
    }
    expect(body.teams.reduce((s, r) => s + r.winFinals, 0)).toBeCloseTo(1, 9);
  });

  it("answers a given date's outlook, and a 404 naming a date without one", async () => {
    const res = await request(t.app).get('/v1/outlook?date=2026-01-08');
    expect(res.status).toBe(200);
    expect(OutlookResponse.parse(res.body).date).toBe('2026-01-08');
    const missing = await request(t.app).get('/v1/outlook?date=2026-01-09');
    expect(missing.status).toBe(404);
    expect(ErrorResponse.parse(missing.body).error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'no season outlook stored for 2026-01-09',
    });
  });

  it('refuses a bad date, naming it', async () => {
    for (const date of ['2026-13-01', 'yesterday', '9999-12-31']) {
      const res = await request(t.app).get(`/v1/outlook?date=${date}`);
      expect(res.status).toBe(400);
      expectProblem(res.body, 'date', /^must be a (calendar )?date/);
    }
  });
});

describe('GET /v1/outlook/history', () => {
  it("answers the team's odds on every stored date, oldest first, matching the outlook of each date", async () => {
    const res = await request(t.app).get('/v1/outlook/history?team=bos&season=2026');
    expect(res.status).toBe(200);
    const body = OutlookHistoryResponse.parse(res.body);
    expect(body).toMatchObject({ team: 'BOS', season: 2026 });
    expect(body.history.map((r) => r.date)).toEqual(DATES);
    const latest = OutlookResponse.parse((await request(t.app).get('/v1/outlook')).body);
    expect(body.history[1]).toEqual(latest.teams.find((r) => r.team === 'BOS'));
  });

  it('answers an empty history for a season without stored outlooks', async () => {
    const res = await request(t.app).get('/v1/outlook/history?team=BOS&season=2024');
    expect(res.status).toBe(200);
    expect(OutlookHistoryResponse.parse(res.body).history).toEqual([]);
  });

  it('refuses a bad team or season, naming it', async () => {
    const team = await request(t.app).get('/v1/outlook/history?team=XYZ&season=2026');
    expect(team.status).toBe(400);
    expectProblem(team.body, 'team', /^unknown team code "XYZ"/);
    for (const season of ['25', 'abc', '1999', '2031']) {
      const res = await request(t.app).get(`/v1/outlook/history?team=BOS&season=${season}`);
      expect(res.status).toBe(400);
      expectProblem(res.body, 'season', /^must be (the year|a season)/);
    }
    const missing = await request(t.app).get('/v1/outlook/history?team=BOS');
    expect(missing.status).toBe(400);
    expectProblem(missing.body, 'season', /^is required$/);
  });
});

describe('GET /outlook (the page)', () => {
  it('shows both conferences, the change since a week earlier, and the two season charts with their tables', async () => {
    const res = await request(t.app).get('/outlook');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    const body = res.text;
    expect(body).toContain('<a href="/outlook" aria-current="page">Outlook</a>');
    expect(body).toContain('Demo data.');
    expect(body.match(/<tr data-team="/g)).toHaveLength(30);
    expect(body).toContain('Playoff odds since Jan 8, 2026');
    expect(body.match(/<svg role="img"/g)).toHaveLength(2);
    expect(body).toContain(
      'P(playoffs) of every team on each of the 2 mornings with a stored outlook of the 2025-26 season, 2026-01-08 to 2026-01-15',
    );
    const latest = OutlookResponse.parse((await request(t.app).get('/v1/outlook')).body);
    const bos = required(
      latest.teams.find((r) => r.team === 'BOS'),
      "BOS's outlook",
    );
    expect(body).toMatch(
      new RegExp(`<tr data-team="BOS">[^]*?<td class="num">${(100 * bos.makePlayoffs).toFixed(1)}%</td>`),
    );
  });

  it('shows an earlier date (no week-earlier outlook: a dash), a 404 page for a date without one, a 400 page naming a bad date', async () => {
    const early = await request(t.app).get('/outlook?date=2026-01-08');
    expect(early.status).toBe(200);
    expect(early.text).toContain('over 7 days (no outlook stored a week earlier)');
    expect(early.text).toContain('on each of the 1 mornings');
    const missing = await request(t.app).get('/outlook?date=2026-01-09');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('No season outlook is stored for Friday, January 9, 2026.');
    const bad = await request(t.app).get('/outlook?date=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('invalid date &#39;2026-02-30&#39;: expected a calendar date as YYYY-MM-DD');
  });
});
