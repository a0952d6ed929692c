import { z } from 'zod';
import type { Logger } from '@nba/logging';
import { IngestionError } from '../ingestion-error';
import { JsonRequester, type JsonResponse } from '../http/json-requester';
import { DEFAULTS, type UpstreamClientOptions } from '../http/http-options';
import { describeIssues, type Rejection, type Validated } from '../rejection';
import {
  oddsApiEventSchema,
  oddsApiHistoricalSchema,
  oddsApiScoreSchema,
  type OddsApiEvent,
  type OddsApiScore,
} from './schemas';
import { readOddsApiQuota, type OddsApiQuota } from './quota';

export const NBA_SPORT_KEY = 'basketball_nba';
export const ODDS_MARKETS = ['h2h', 'spreads', 'totals'] as const;

export interface OddsQuery {
  /** Default `us`. */
  regions?: string;
  /** Default h2h, spreads, totals. */
  markets?: readonly string[];
  /** Restrict to these bookmakers (takes precedence over regions upstream). */
  bookmakers?: readonly string[];
}

/** A historical snapshot: the events as they stood at `timestamp`. */
export interface HistoricalOdds extends Validated<OddsApiEvent> {
  timestamp: Date;
  previousTimestamp?: Date;
  nextTimestamp?: Date;
}

/** Client of The Odds API v4 for the NBA. The key travels as the `apiKey` query parameter and is scrubbed from every log and error. */
export class OddsApiClient {
  private readonly requester: JsonRequester;
  private readonly logger: Logger;
  private readonly quotaWarnBelow: number;
  private lastQuota: OddsApiQuota | undefined;

  constructor(private readonly options: UpstreamClientOptions) {
    this.logger = options.logger.child({ upstream: 'the-odds-api' });
    this.requester = new JsonRequester('the-odds-api', options, this.logger);
    this.quotaWarnBelow = options.quotaWarnBelow ?? DEFAULTS.quotaWarnBelow;
  }

  /** The usage headers of the last response (undefined before the first). */
  get quota(): OddsApiQuota | undefined {
    return this.lastQuota;
  }

  /** Current odds of upcoming and live NBA games (American odds, ISO dates). */
  async odds(query: OddsQuery = {}): Promise<Validated<OddsApiEvent>> {
    const body = await this.get(`/sports/${NBA_SPORT_KEY}/odds`, this.oddsParams(query), z.array(z.unknown()));
    return this.validateEach(body, oddsApiEventSchema, 'event');
  }

  /** Live and upcoming games, plus games completed in the last `daysFrom` days (1-3). */
  async scores(daysFrom?: number): Promise<Validated<OddsApiScore>> {
    if (daysFrom !== undefined && (!Number.isInteger(daysFrom) || daysFrom < 1 || daysFrom > 3)) {
      throw new IngestionError('BAD_PARAMETER', `scores: daysFrom must be an integer from 1 to 3, got ${daysFrom}`);
    }
    const body = await this.get(
      `/sports/${NBA_SPORT_KEY}/scores`,
      { dateFormat: 'iso', daysFrom },
      z.array(z.unknown()),
    );
    return this.validateEach(body, oddsApiScoreSchema, 'score');
  }

  /** The odds snapshot at or just before `at` (historical endpoint; paid plans upstream). */
  async historicalOdds(at: Date, query: OddsQuery = {}): Promise<HistoricalOdds> {
    if (Number.isNaN(at.getTime())) throw new IngestionError('BAD_PARAMETER', 'historicalOdds: invalid date');
    const date = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const body = await this.get(
      `/historical/sports/${NBA_SPORT_KEY}/odds`,
      { ...this.oddsParams(query), date },
      oddsApiHistoricalSchema,
    );
    const events = this.validateEach(body.data, oddsApiEventSchema, 'event');
    return {
      ...events,
      timestamp: new Date(body.timestamp),
      ...(body.previous_timestamp ? { previousTimestamp: new Date(body.previous_timestamp) } : {}),
      ...(body.next_timestamp ? { nextTimestamp: new Date(body.next_timestamp) } : {}),
    };
  }

  private oddsParams(q: OddsQuery): Record<string, string | undefined> {
    return {
      regions: q.bookmakers?.length ? undefined : (q.regions ?? 'us'),
      bookmakers: q.bookmakers?.length ? q.bookmakers.join(',') : undefined,
      markets: (q.markets ?? ODDS_MARKETS).join(','),
      oddsFormat: 'american',
      dateFormat: 'iso',
    };
  }

  private get<S extends z.ZodType>(
    path: string,
    params: Record<string, string | number | undefined>,
    schema: S,
  ): Promise<z.infer<S>> {
    return this.requester.get({
      path,
      params: { ...params, apiKey: this.options.apiKey },
      headers: { accept: 'application/json' },
      onHeaders: (h) => this.noteQuota(h),
      interpret: (res: JsonResponse) => {
        const parsed = schema.safeParse(res.body);
        if (!parsed.success) {
          throw new IngestionError(
            'MALFORMED_RESPONSE',
            `the-odds-api ${path}: unexpected response (${describeIssues(parsed.error.issues)})`,
            {
              status: res.status,
              retryable: false,
            },
          );
        }
        return parsed.data;
      },
    });
  }

  private validateEach<T>(items: unknown[], schema: z.ZodType<T>, what: string): Validated<T> {
    const out: Validated<T> = { items: [], rejected: [] };
    for (const item of items) {
      const parsed = schema.safeParse(item);
      if (parsed.success) out.items.push(parsed.data);
      else {
        const r: Rejection = {
          record: `the-odds-api ${what} ${idOf(item)}`,
          reason: describeIssues(parsed.error.issues),
        };
        out.rejected.push(r);
        this.logger.warn('malformed record rejected', { ...r });
      }
    }
    return out;
  }

  private noteQuota(headers: Record<string, string>): void {
    const q = readOddsApiQuota(headers);
    if (!q) return;
    this.lastQuota = q;
    if (q.remaining !== undefined && q.remaining < this.quotaWarnBelow) {
      this.logger.warn('the-odds-api quota low', { remaining: q.remaining, used: q.used });
    }
  }
}

/** An upstream item's id for a message: a string or number as given, else '?'. */
function idOf(item: unknown): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '?';
}
