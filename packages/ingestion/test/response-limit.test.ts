import { ApiBasketballClient, IngestionError, OddsApiClient } from '../src';
import { FAST, captureLogger } from './helpers';
import { ScriptedUpstream, apiBasketballGame, envelope, oddsEvent } from './scripted-upstream';

describe('response size limit (real clients, scripted stand-ins)', () => {
  const basketball = new ScriptedUpstream();
  const odds = new ScriptedUpstream('/v4');
  const logger = captureLogger();
  // About 8 MB of valid games: a body no day or season of the NBA produces.
  const games = Array.from({ length: 20_000 }, (_, i) =>
    apiBasketballGame(100_000 + i, 'LAL', 'GSW', '2025-01-15T03:30:00+00:00', [112, 108]),
  );
  const events = Array.from({ length: 8_000 }, (_, i) =>
    oddsEvent(`ev-${i}`, 'BOS', 'NYK', '2025-01-16T00:30:00Z', [
      { lastUpdate: '2025-01-15T12:00:00Z', h2h: [-160, 140], spread: -3.5, total: 221.5 },
    ]),
  );

  beforeAll(async () => {
    await Promise.all([basketball.start(), odds.start()]);
    basketball.reply = () => envelope(games);
    odds.reply = () => ({ status: 200, body: events });
  });
  afterAll(() => Promise.all([basketball.close(), odds.close()]));

  it('fails an API-Basketball answer over maxResponseBytes with the permanent RESPONSE_TOO_LARGE, after one request', async () => {
    const client = new ApiBasketballClient({
      baseUrl: basketball.url,
      apiKey: 'scripted-key',
      logger,
      ...FAST,
      timeoutMs: 10_000,
      maxResponseBytes: 1_000_000,
    });
    const err = await client.gamesByDate('2025-01-14').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestionError);
    expect(err).toMatchObject({ code: 'RESPONSE_TOO_LARGE', retryable: false });
    expect((err as Error).message).toBe('api-basketball /games: response larger than the limit of 1000000 bytes');
    expect(basketball.requests).toHaveLength(1);
    expect(
      logger.lines.filter(
        (l) => l.message === 'upstream request failed; not retried' && l.meta?.code === 'RESPONSE_TOO_LARGE',
      ),
    ).toHaveLength(1);
    // The same body within the limit is read.
    const roomy = new ApiBasketballClient({
      baseUrl: basketball.url,
      apiKey: 'scripted-key',
      logger,
      ...FAST,
      timeoutMs: 10_000,
      maxResponseBytes: 50_000_000,
    });
    expect((await roomy.gamesByDate('2025-01-14')).items).toHaveLength(20_000);
  });

  it('fails a The Odds API answer over the limit the same way', async () => {
    const client = new OddsApiClient({
      baseUrl: odds.url,
      apiKey: 'scripted-key',
      logger,
      ...FAST,
      timeoutMs: 10_000,
      maxResponseBytes: 1_000_000,
    });
    await expect(client.odds()).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE', retryable: false });
    expect(odds.requests).toHaveLength(1);
  });
});
