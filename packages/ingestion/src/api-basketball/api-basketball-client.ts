import { apiBasketballSeason, parseIsoDate } from '@nba/config';
import type { Logger } from '@nba/logging';
import { IngestionError } from '../ingestion-error';
import { JsonRequester, type JsonResponse } from '../http/json-requester';
import { DEFAULTS, type UpstreamClientOptions } from '../http/http-options';
import { describeIssues, type Validated } from '../rejection';
import { apiBasketballEnvelopeSchema, apiBasketballGameSchema, type ApiBasketballGame } from './schemas';
import { readApiBasketballQuota, type ApiBasketballQuota } from './quota';
import { envelopeError } from './envelope-errors';

/** API-Basketball's id of the NBA. */
export const NBA_LEAGUE_ID = 12;
/** Dates are asked for in US Eastern time, the time zone every game date is filed under. */
const TIMEZONE = 'America/New_York';

interface Page {
  items: unknown[];
  current: number;
  total: number;
}

/** Client of API-Basketball v1 (`x-apisports-key`), limited to what the pipeline needs: NBA games. */
export class ApiBasketballClient {
  private readonly requester: JsonRequester;
  private readonly logger: Logger;
  private readonly quotaWarnBelow: number;
  private lastQuota: ApiBasketballQuota | undefined;

  constructor(private readonly options: UpstreamClientOptions) {
    this.logger = options.logger.child({ upstream: 'api-basketball' });
    this.requester = new JsonRequester('api-basketball', options, this.logger);
    this.quotaWarnBelow = options.quotaWarnBelow ?? DEFAULTS.quotaWarnBelow;
  }

  /** The quota headers of the last response (undefined before the first). */
  get quota(): ApiBasketballQuota | undefined {
    return this.lastQuota;
  }

  /** Every NBA game of a season (ending-year convention: 2024 is 2023-24), all pages. */
  async gamesBySeason(season: number): Promise<Validated<ApiBasketballGame>> {
    return this.games({ league: NBA_LEAGUE_ID, season: apiBasketballSeason(season), timezone: TIMEZONE });
  }

  /** The NBA games of one US Eastern date (`YYYY-MM-DD`), whatever their season. */
  async gamesByDate(date: string): Promise<Validated<ApiBasketballGame>> {
    try {
      parseIsoDate(date);
    } catch (e) {
      throw new IngestionError('BAD_PARAMETER', `gamesByDate: ${(e as Error).message}`);
    }
    return this.games({ league: NBA_LEAGUE_ID, date, timezone: TIMEZONE });
  }

  private async games(params: Record<string, string | number>): Promise<Validated<ApiBasketballGame>> {
    const out: Validated<ApiBasketballGame> = { items: [], rejected: [] };
    let page = 1;
    for (;;) {
      const p = await this.page('/games', page === 1 ? params : { ...params, page });
      for (const item of p.items) {
        const parsed = apiBasketballGameSchema.safeParse(item);
        if (parsed.success) out.items.push(parsed.data);
        else {
          const id = (item as { id?: unknown } | null)?.id;
          out.rejected.push({
            record: `api-basketball game ${typeof id === 'number' || typeof id === 'string' ? id : '?'}`,
            reason: describeIssues(parsed.error.issues),
          });
        }
      }
      if (p.current >= p.total) break;
      page = p.current + 1;
    }
    for (const r of out.rejected) this.logger.warn('malformed game rejected', { ...r });
    return out;
  }

  private page(path: string, params: Record<string, string | number>): Promise<Page> {
    return this.requester.get({
      path,
      params,
      headers: { 'x-apisports-key': this.options.apiKey, accept: 'application/json' },
      onHeaders: (h) => this.noteQuota(h),
      interpret: (res) => this.interpret(path, res),
    });
  }

  private interpret(path: string, res: JsonResponse): Page {
    const parsed = apiBasketballEnvelopeSchema.safeParse(res.body);
    if (!parsed.success) {
      throw new IngestionError(
        'MALFORMED_RESPONSE',
        `api-basketball ${path}: unexpected envelope (${describeIssues(parsed.error.issues)})`,
        {
          status: res.status,
          retryable: false,
        },
      );
    }
    const env = parsed.data;
    if (!Array.isArray(env.errors) && Object.keys(env.errors).length > 0) {
      throw envelopeError(path, env.errors, (t) => this.requester.scrub(t));
    }
    return { items: env.response, current: env.paging?.current ?? 1, total: env.paging?.total ?? 1 };
  }

  private noteQuota(headers: Record<string, string>): void {
    const q = readApiBasketballQuota(headers);
    if (!q) return;
    this.lastQuota = q;
    if (q.dailyRemaining !== undefined && q.dailyRemaining < this.quotaWarnBelow) {
      this.logger.warn('api-basketball daily quota low', { remaining: q.dailyRemaining, limit: q.dailyLimit });
    }
  }
}
