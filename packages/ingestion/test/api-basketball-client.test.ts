import { serializeError } from '@nba/logging';
import { ApiBasketballStandIn } from '@nba/demo';
import { ApiBasketballClient, IngestionError, normaliseApiBasketballGames } from '../src';
import { FAST, captureLogger, testLeague } from './helpers';

const KEY = 'apisports-secret-key-123456';

describe('ApiBasketballClient against the stand-in', () => {
  const league = testLeague();
  const server = new ApiBasketballStandIn({
    games: league.games,
    apiKey: KEY,
    quota: 500,
    retryAfterSeconds: 1,
    slowMs: 1000,
    pageSize: 100,
  });
  const logger = captureLogger();
  let client: ApiBasketballClient;

  beforeAll(async () => {
    await server.start();
    client = new ApiBasketballClient({ baseUrl: server.url, apiKey: KEY, logger, ...FAST });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.clearFaults();
    server.requests.length = 0;
  });
  afterEach(() => {
    // Whatever happened, the key never reached a log line.
    expect(JSON.stringify(logger.lines)).not.toContain(KEY);
  });

  const date = '2025-01-15';
  const onDate = league.games.filter((g) => g.date === date);

  it('fetches the games of an Eastern date with the key header, and reads the quota headers', async () => {
    const before = server.used;
    const res = await client.gamesByDate(date);
    expect(res.rejected).toEqual([]);
    expect(res.items.map((g) => g.id).sort()).toEqual(onDate.map((g) => g.apiBasketballId).sort());
    const records = normaliseApiBasketballGames(res.items).items;
    expect(records.map((r) => `${r.date}_${r.awayCode}_${r.homeCode}`).sort()).toEqual(
      onDate.map((g) => g.gameKey.replace(/^(\d{4})(\d{2})(\d{2})/, '$1-$2-$3')).sort(),
    );
    expect(client.quota).toMatchObject({ dailyLimit: 500, dailyRemaining: 500 - before - 1, minuteLimit: 300 });
    expect(server.requests[0]?.query).toMatchObject({ league: '12', date, timezone: 'America/New_York' });
  });

  it('follows paging through a whole season', async () => {
    const res = await client.gamesBySeason(2025);
    expect(res.items).toHaveLength(1230);
    expect(new Set(res.items.map((g) => g.id)).size).toBe(1230);
    expect(server.requests.map((r) => r.query.page ?? '1')).toEqual(
      Array.from({ length: 13 }, (_, i) => String(i + 1)),
    );
  });

  it.each(['server-error', 'unavailable', 'malformed', 'reset', 'slow', 'envelope-rate-limit'] as const)(
    'retries a %s fault and succeeds',
    async (kind) => {
      server.failNext(2, kind);
      const res = await client.gamesByDate(date);
      expect(res.items).toHaveLength(onDate.length);
      expect(server.requests).toHaveLength(3);
      expect(server.requests.slice(0, 2).every((r) => r.fault === kind)).toBe(true);
    },
  );

  it('waits for Retry-After on 429', async () => {
    server.failNext(1, 'rate-limit');
    const t = Date.now();
    await client.gamesByDate(date);
    expect(Date.now() - t).toBeGreaterThanOrEqual(1000);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up with RATE_LIMITED at once when Retry-After does not fit in the time cap', async () => {
    const capped = new ApiBasketballClient({ baseUrl: server.url, apiKey: KEY, logger, ...FAST, maxTotalMs: 500 });
    server.failNext(1, 'rate-limit');
    await expect(capped.gamesByDate(date)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(server.requests).toHaveLength(1);
  });

  it('times out each attempt and reports TIMEOUT when every attempt is slow', async () => {
    server.failNext(6, 'slow');
    const err = await client.gamesByDate(date).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestionError);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
    expect(server.requests).toHaveLength(FAST.maxRetries + 1);
  });

  it('caps the total time of a call', async () => {
    const capped = new ApiBasketballClient({
      baseUrl: server.url,
      apiKey: KEY,
      logger,
      timeoutMs: 300,
      maxRetries: 50,
      maxTotalMs: 800,
      retryDelayMs: 100,
      maxRetryDelayMs: 100,
    });
    server.setFaults({ rate: 1, kinds: ['unavailable'], seed: 1 });
    const t = Date.now();
    const err = await capped.gamesByDate(date).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
    expect((err as Error).message).toMatch(/gave up after 800 ms \(last error: .*(HTTP 503|no response within \d+ ms)/);
    expect(Date.now() - t).toBeLessThan(800 + 300);
    expect(server.requests.length).toBeLessThan(10);
  });

  it('maps the 200-with-errors envelope: quota reached is QUOTA_EXCEEDED, not retried', async () => {
    server.failNext(1, 'envelope-quota');
    await expect(client.gamesByDate(date)).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', status: 200 });
    expect(server.requests).toHaveLength(1);
  });

  it('maps a wrong key to UNAUTHORIZED without retrying, and never puts the key in the error', async () => {
    const wrong = new ApiBasketballClient({ baseUrl: server.url, apiKey: 'wrong-key-abcdef', logger, ...FAST });
    const err = await wrong.gamesByDate(date).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(server.requests).toHaveLength(1);
    expect(JSON.stringify(serializeError(err as Error)) + (err as Error).stack).not.toContain('wrong-key-abcdef');
  });

  it('rejects a bad date before asking, as BAD_PARAMETER', async () => {
    await expect(client.gamesByDate('2025-02-30')).rejects.toMatchObject({ code: 'BAD_PARAMETER' });
    expect(server.requests).toHaveLength(0);
  });

  it('keeps no key in errors of network failures', async () => {
    const dead = new ApiBasketballClient({
      baseUrl: 'http://127.0.0.1:1',
      apiKey: KEY,
      logger,
      ...FAST,
      maxRetries: 1,
    });
    const err = await dead.gamesByDate(date).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NETWORK' });
    expect(JSON.stringify(serializeError(err as Error)) + (err as Error).stack).not.toContain(KEY);
  });

  it('warns when the daily quota runs low', async () => {
    const lines: { level: string; message: string }[] = [];
    const low = new ApiBasketballClient({
      baseUrl: server.url,
      apiKey: KEY,
      logger: captureLogger(lines),
      ...FAST,
      quotaWarnBelow: 1_000,
    });
    await low.gamesByDate(date);
    expect(lines.some((l) => l.level === 'warn' && /quota low/.test(l.message))).toBe(true);
  });
});
