import { serializeError } from '@nba/logging';
import { OddsApiStandIn, leagueAsOf, easternToUtc, CLOSE_BEFORE_MS } from '@nba/demo';
import { IngestionError, OddsApiClient, normaliseOddsEvents, normaliseOddsScores } from '../src';
import { FAST, captureLogger, testLeague } from './helpers';
import { required } from '@nba/errors';

const KEY = 'odds-secret-key-9876543210';

describe('OddsApiClient against the stand-in', () => {
  const league = testLeague();
  const today = '2025-01-15';
  const now = easternToUtc(today, 12, 0);
  const server = new OddsApiStandIn({
    games: leagueAsOf(league, today),
    apiKey: KEY,
    quota: 5000,
    retryAfterSeconds: 1,
    slowMs: 1000,
    now: () => now,
  });
  const logger = captureLogger();
  let client: OddsApiClient;

  beforeAll(async () => {
    await server.start();
    client = new OddsApiClient({ baseUrl: server.url, apiKey: KEY, logger, ...FAST });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.clearFaults();
    server.requests.length = 0;
  });
  afterEach(() => {
    expect(JSON.stringify(logger.lines)).not.toContain(KEY);
  });

  it('fetches upcoming odds (h2h, spreads, totals; American; ISO) and reads the usage headers', async () => {
    const res = await client.odds();
    expect(res.rejected).toEqual([]);
    const upcoming = league.games.filter(
      (g) => g.date >= today && g.tipoff.getTime() <= now.getTime() + 7 * 86_400_000,
    );
    expect(res.items.map((e) => e.id).sort()).toEqual(upcoming.map((g) => g.oddsApiId).sort());
    expect(server.requests[0]?.query).toMatchObject({
      regions: 'us',
      markets: 'h2h,spreads,totals',
      oddsFormat: 'american',
      dateFormat: 'iso',
      apiKey: KEY,
    });
    expect(client.quota).toMatchObject({ last: 3, used: server.used, remaining: 5000 - server.used });
    const n = normaliseOddsEvents(res.items);
    expect(n.rejected).toEqual([]);
    // Today's games show their opening lines (30 h before tip-off), two bookmakers, three markets.
    const first = required(
      league.games.find((g) => g.date === today),
      `a game on ${today}`,
    );
    expect(n.snapshots.filter((s) => s.gameKey === first.gameKey)).toHaveLength(6);
  });

  it('fetches recent scores with daysFrom (2 credits) and maps them to final games', async () => {
    const res = await client.scores(2);
    expect(client.quota?.last).toBe(2);
    const games = normaliseOddsScores(res.items).items;
    const finals = games.filter((g) => g.status === 'final');
    const expected = league.games.filter((g) => g.tipoff.getTime() >= now.getTime() - 2 * 86_400_000 && g.tipoff < now);
    expect(finals).toHaveLength(expected.length);
    for (const f of finals) {
      const src = required(
        expected.find((g) => g.oddsApiId === f.oddsApiId),
        `the source of ${f.oddsApiId}`,
      );
      expect([f.homeCode, f.awayCode, f.homeScore, f.awayScore]).toEqual([
        src.homeCode,
        src.awayCode,
        src.homeScore,
        src.awayScore,
      ]);
    }
  });

  it('fetches a historical snapshot (closing lines one hour before tip-off)', async () => {
    const game = required(
      league.games.find((g) => g.date === '2024-12-01'),
      'a game on 2024-12-01',
    );
    const line = required(game.line, 'its line');
    const at = new Date(game.tipoff.getTime() - CLOSE_BEFORE_MS + 60_000);
    const res = await client.historicalOdds(at);
    expect(res.timestamp.getTime()).toBeLessThanOrEqual(at.getTime());
    expect(client.quota?.last).toBe(30);
    const snaps = normaliseOddsEvents(res.items).snapshots.filter(
      (s) => s.gameKey === game.gameKey && s.bookmaker === 'draftkings',
    );
    expect(snaps.find((s) => s.market === 'spreads')?.homePoint).toBe(line.spreadHome);
    expect(snaps.find((s) => s.market === 'h2h')).toMatchObject({ homePrice: line.homeMl, awayPrice: line.awayMl });
    expect(snaps.find((s) => s.market === 'totals')?.totalPoint).toBe(line.total);
  });

  it.each(['server-error', 'unavailable', 'malformed', 'reset', 'slow'] as const)(
    'retries a %s fault and succeeds',
    async (kind) => {
      server.failNext(2, kind);
      await client.scores(1);
      expect(server.requests).toHaveLength(3);
    },
  );

  it('honours Retry-After on 429', async () => {
    server.failNext(1, 'rate-limit');
    const t = Date.now();
    await client.scores(1);
    expect(Date.now() - t).toBeGreaterThanOrEqual(1000);
  });

  it('maps 401 to UNAUTHORIZED, not retried, with the key (sent in the URL) nowhere in the error', async () => {
    const wrong = new OddsApiClient({ baseUrl: server.url, apiKey: 'bad-odds-key-0000', logger, ...FAST });
    const err = await wrong.odds().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestionError);
    expect(err).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(server.requests).toHaveLength(1);
    expect(JSON.stringify(serializeError(err as Error)) + (err as Error).stack).not.toContain('bad-odds-key-0000');
  });

  it('maps the usage quota reached to QUOTA_EXCEEDED', async () => {
    server.failNext(1, 'envelope-quota');
    await expect(client.odds()).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
  });

  it('maps 422 to BAD_PARAMETER without retrying', async () => {
    await expect(client.odds({ markets: ['player_points'] })).rejects.toMatchObject({
      code: 'BAD_PARAMETER',
      status: 422,
    });
    expect(server.requests).toHaveLength(1);
    await expect(client.scores(4)).rejects.toMatchObject({ code: 'BAD_PARAMETER' });
  });

  it('keeps the key out of timeout and network errors, whose URLs carry it', async () => {
    server.failNext(6, 'slow');
    const slow = await client.scores(1).catch((e: unknown) => e);
    expect(slow).toMatchObject({ code: 'TIMEOUT' });
    const dead = new OddsApiClient({ baseUrl: 'http://127.0.0.1:1/v4', apiKey: KEY, logger, ...FAST, maxRetries: 1 });
    const net = await dead.scores(1).catch((e: unknown) => e);
    expect(net).toMatchObject({ code: 'NETWORK' });
    for (const e of [slow, net])
      expect(JSON.stringify(serializeError(e as Error)) + (e as Error).stack).not.toContain(KEY);
  });
});
