import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiBasketballStandIn, OddsApiStandIn, type Reply } from '@nba/demo';
import type { DbClient } from '@nba/db';
import { ApiBasketballClient, IngestionError, OddsApiClient, importCsv } from '../src';
import { FAST, captureLogger, testLeague } from './helpers';

const KEY = 'permanent-failure-key-123456';

/** Stand-ins whose next answers can be replaced, for payloads the fault kinds do not cover. */
class ScriptedBasketball extends ApiBasketballStandIn {
  replies: Reply[] = [];
  protected override route(...args: Parameters<ApiBasketballStandIn['route']>): Reply {
    return this.replies.shift() ?? super.route(...args);
  }
}
class ScriptedOdds extends OddsApiStandIn {
  replies: Reply[] = [];
  protected override route(...args: Parameters<OddsApiStandIn['route']>): Reply {
    return this.replies.shift() ?? super.route(...args);
  }
}

const envelope = (errors: Record<string, string>): Reply => ({
  status: 200,
  body: { get: 'games', parameters: {}, errors, results: 0, paging: { current: 1, total: 1 }, response: [] },
});

/**
 * A permanent failure costs exactly one request: retrying a bad key, an exhausted quota, a missing
 * endpoint or a payload of the wrong shape spends paid quota and cannot succeed.
 */
describe('permanent upstream failures cost one request and say they are not retryable', () => {
  const league = testLeague();
  const logger = captureLogger();
  const basketball = new ScriptedBasketball({ games: league.games, apiKey: KEY, quota: 100_000 });
  const odds = new ScriptedOdds({ games: league.games, apiKey: KEY, quota: 100_000 });
  const date = '2025-01-15';

  beforeAll(async () => {
    await basketball.start();
    await odds.start();
  });
  afterAll(async () => {
    await basketball.close();
    await odds.close();
  });
  beforeEach(() => {
    for (const s of [basketball, odds]) {
      s.clearFaults();
      s.requests.length = 0;
      s.replies.length = 0;
    }
  });

  const basketballClient = (o: { apiKey?: string; baseUrl?: string } = {}) =>
    new ApiBasketballClient({ baseUrl: basketball.url, apiKey: KEY, logger, ...FAST, ...o });
  const oddsClient = (o: { apiKey?: string; baseUrl?: string } = {}) =>
    new OddsApiClient({ baseUrl: odds.url, apiKey: KEY, logger, ...FAST, ...o });

  async function failure(call: Promise<unknown>): Promise<IngestionError> {
    const e = await call.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(IngestionError);
    expect((e as IngestionError).retryable).toBe(false);
    return e as IngestionError;
  }

  describe('API-Basketball', () => {
    it.each([
      ['a wrong key', () => basketballClient({ apiKey: 'wrong-key-abcdef' }).gamesByDate(date), 'UNAUTHORIZED'],
      [
        'an exhausted daily quota',
        () => (basketball.failNext(1, 'envelope-quota'), basketballClient().gamesByDate(date)),
        'QUOTA_EXCEEDED',
      ],
      ['a 404', () => basketballClient({ baseUrl: `${basketball.url}/v9` }).gamesByDate(date), 'BAD_PARAMETER'],
      [
        'a payload that is not the envelope',
        () => (
          (basketball.replies = [{ status: 200, body: { message: 'hello' } }]),
          basketballClient().gamesByDate(date)
        ),
        'MALFORMED_RESPONSE',
      ],
      [
        'an envelope saying the plan does not cover the season',
        () => (
          (basketball.replies = [
            envelope({ plan: 'Free plans do not have access to this season, try from 2021 to 2023.' }),
          ]),
          basketballClient().gamesByDate(date)
        ),
        'BAD_PARAMETER',
      ],
      [
        'an envelope saying the account is suspended',
        () => (
          (basketball.replies = [
            envelope({ access: 'Your account is suspended, check on https://dashboard.api-football.com.' }),
          ]),
          basketballClient().gamesByDate(date)
        ),
        'UNAUTHORIZED',
      ],
      [
        'a 429 saying the daily quota is spent',
        () => (
          (basketball.replies = [
            {
              status: 429,
              body: { message: 'You have exceeded the DAILY quota for Requests on your current plan, BASIC.' },
              headers: { 'retry-after': '1' },
            },
          ]),
          basketballClient().gamesByDate(date)
        ),
        'QUOTA_EXCEEDED',
      ],
    ] as const)('%s: 1 request', async (_what, call, code) => {
      const e = await failure(call());
      expect(e.code).toBe(code);
      expect(basketball.requests).toHaveLength(1);
      expect(logger.lines.at(-1)).toMatchObject({
        level: 'warn',
        message: 'upstream request failed; not retried',
        meta: { code },
      });
    });
  });

  describe('The Odds API', () => {
    it.each([
      ['a wrong key (401)', () => oddsClient({ apiKey: 'wrong-key-abcdef' }).odds(), 'UNAUTHORIZED'],
      ['an exhausted quota', () => (odds.failNext(1, 'envelope-quota'), oddsClient().odds()), 'QUOTA_EXCEEDED'],
      ['a 404', () => oddsClient({ baseUrl: `${odds.url}/v9` }).odds(), 'BAD_PARAMETER'],
      [
        'a payload of the wrong shape',
        () => ((odds.replies = [{ status: 200, body: { data: [] } }]), oddsClient().odds()),
        'MALFORMED_RESPONSE',
      ],
      [
        'a forbidden historical endpoint (403)',
        () => (
          (odds.replies = [
            {
              status: 403,
              body: {
                message: 'Historical data is only available on paid usage plans.',
                error_code: 'HISTORICAL_UNAVAILABLE_ON_FREE_USAGE_PLAN',
              },
            },
          ]),
          oddsClient().historicalOdds(new Date('2024-12-01T23:00:00Z'))
        ),
        'UNAUTHORIZED',
      ],
    ] as const)('%s: 1 request', async (_what, call, code) => {
      const e = await failure(call());
      expect(e.code).toBe(code);
      expect(odds.requests).toHaveLength(1);
    });
  });

  it('keeps retrying what may pass: a truncated body and the per-minute rate limit', async () => {
    basketball.failNext(2, 'malformed');
    basketball.failNext(1, 'envelope-rate-limit');
    await basketballClient().gamesByDate(date);
    expect(basketball.requests).toHaveLength(4);
  });

  it('says a transient fault that outlasted the retries is still worth a later try', async () => {
    odds.setFaults({ rate: 1, kinds: ['unavailable'] });
    const e = await oddsClient()
      .odds()
      .catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503, retryable: true });
    expect(odds.requests).toHaveLength(FAST.maxRetries + 1);
  });
});

describe('importCsv with a file that does not exist', () => {
  it('fails with a permanent FILE_UNREADABLE error, before touching the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-missing-'));
    try {
      const db = new Proxy(
        {},
        {
          get: () => {
            throw new Error('the database was used');
          },
        },
      ) as DbClient;
      const e = await importCsv(db, { gamesCsv: join(dir, 'games.csv'), logger: captureLogger() }).catch(
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(IngestionError);
      expect(e).toMatchObject({ code: 'FILE_UNREADABLE', retryable: false });
      expect((e as Error).message).toContain(join(dir, 'games.csv'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
