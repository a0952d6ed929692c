import { Router, type Request, type Response } from 'express';
import { easternDate, parseIsoDate, seasonLabel, SUPPORTED_DATES, TEAM_CODES } from '@nba/config';
import { pageDataVersion, type DbClient } from '@nba/db';
import { RegistryError, type ModelEventInfo, type ModelRegistry, type ModelVersionInfo } from '@nba/registry';
import { dataQualityReport } from '@nba/ingestion';
import { storedOutlooksVersion, teamRatingsVersion } from '@nba/lifecycle';
import type { WithheldForecasts } from '../withheld-forecasts';
import { renderDayPage } from './day-page';
import { dayNavigation } from './day-view';
import { isDemoDatabase } from './demo-database';
import { html } from './html';
import { messagePage, pageErrors } from './message-page';
import { orderModelNames } from './model-order';
import { renderOutlookPage } from './outlook-page';
import { modelsView } from './models-view';
import { PAGE_JS } from './page-script';
import { renderRecordPage } from './record-page';
import { RenderedPages, type RenderedPage } from './rendered-pages';
import { teamLink } from './game-glance';
import { renderTeamPage } from './team-page';

/** What the page routes read from. */
export interface PagesDeps {
  db: DbClient;
  registry: ModelRegistry;
  /** The API's default model: shown first everywhere. */
  defaultModel: string;
  now: () => Date;
  /** Counts and logs stored forecasts withheld by the last-step check (absent: not recorded). */
  withheld?: WithheldForecasts;
  /** The rendered record and day views (default: kept per data version read for every request, see {@link pageCache}). */
  pages?: RenderedPages;
}

/** Day views and records kept: recent days, a few dates people look up, each model's record. */
const MAX_PAGES = 256;

/** The record and day views rendered once per data version of `db`, the version trusted for `recheckMs`. */
export function pageCache(db: DbClient, recheckMs: number): RenderedPages {
  return new RenderedPages({ dataVersion: () => pageDataVersion(db), recheckMs, maxPages: MAX_PAGES });
}

/** `?name=` as one string, or undefined when absent; a repeated parameter is refused like a bad value. */
function queryText(req: Request, name: string): string | undefined | null {
  const v = req.query[name];
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : null;
}

/** The date problem in words (the supported range comes from @nba/config), or undefined when fine. */
function dateProblem(date: string): string | undefined {
  try {
    parseIsoDate(date);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : 'invalid date';
  }
}

/** A name's audit trail; empty for a name whose versions were written without one (not by the registry). */
async function historyOf(registry: ModelRegistry, name: string): Promise<ModelEventInfo[]> {
  try {
    return await registry.getHistory(name);
  } catch (err) {
    if (err instanceof RegistryError && err.code === 'NOT_FOUND') return [];
    throw err;
  }
}

/** `?season=` as the year a supported season ends, or the problem in words. */
function parseSeason(text: string): number | string {
  const { firstSeason, lastSeason } = SUPPORTED_DATES;
  const season = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (season >= firstSeason && season <= lastSeason) return season;
  return `invalid season '${text}': expected the year a season ends, from ${firstSeason} (${seasonLabel(firstSeason)}) to ${lastSeason} (${seasonLabel(lastSeason)})`;
}

/** Every team's code, linked to its team view. */
const TEAM_LINKS = html`<p>Teams: ${TEAM_CODES.map((c, i) => html`${i > 0 ? ' ' : ''}${teamLink(c)}`)}</p>`;

/** Registered model names in page order (the default first). */
function namesOf(versions: readonly ModelVersionInfo[], defaultModel: string): string[] {
  return orderModelNames(
    versions.map((v) => v.name),
    defaultModel,
  );
}

/** The cache key of the record view of `model` (all models: undefined). */
const recordKey = (model: string | undefined) => `record|${JSON.stringify(model ?? null)}`;

/** The cache key of the outlook view of `date` (the latest: undefined), with the stored outlooks' fingerprint (the data version does not follow them). */
const outlookKey = async (db: DbClient, date: string | undefined) =>
  `outlook|${date ?? ''}|${await storedOutlooksVersion(db)}`;

/**
 * Renders the record view of every model and the latest outlook into `pages` now (at start-up,
 * before traffic): their first render draws every chart and can take seconds on a loaded machine,
 * which a person's request would otherwise wait for (or get 503 from the read deadline). Errors
 * are the caller's to log.
 */
export async function warmPages(
  pages: RenderedPages,
  deps: Pick<PagesDeps, 'db' | 'registry' | 'defaultModel'>,
): Promise<void> {
  await pages.get(recordKey(undefined), () => renderRecordPage(deps, undefined));
  await pages.get(await outlookKey(deps.db, undefined), () => renderOutlookPage(deps.db, undefined));
}

/**
 * The forecast page for people, server-rendered HTML (no front-end build): `GET /` (a day's games
 * and forecasts, `?date=YYYY-MM-DD`), `GET /record` (live record per model version, `?model=`),
 * `GET /outlook` (the season outlook, `?date=`), `GET /team/:abbr` (a team's season, `?season=`), `GET /models`
 * (the registry, read-only), and the page's one script.
 */
export function pagesRouter(deps: PagesDeps): Router {
  const router = Router();
  // no-cache: the pipeline stores forecasts and settles games during the day
  const page = (res: Response, status: number, body: string) => {
    res.status(status).type('html').setHeader('cache-control', 'no-cache');
    res.send(body);
  };

  const pages = deps.pages ?? pageCache(deps.db, 0);
  const sendRendered = (req: Request, res: Response, rendered: RenderedPage) => {
    res.status(rendered.status).type('html').setHeader('cache-control', 'no-cache');
    res.setHeader('vary', 'accept-encoding');
    if (req.acceptsEncodings('gzip') === 'gzip') res.setHeader('content-encoding', 'gzip').send(rendered.gzipped);
    else res.send(rendered.body);
  };

  router.get('/assets/page.js', (_req, res) => {
    res.type('application/javascript').setHeader('cache-control', 'public, max-age=3600');
    res.send(PAGE_JS);
  });

  router.get('/', async (req, res) => {
    const today = easternDate(deps.now());
    const asked = queryText(req, 'date');
    const date = asked === undefined || asked === '' ? today : asked;
    const problem = date === null ? 'give one date, as YYYY-MM-DD' : dateProblem(date);
    if (problem || date === null) {
      return page(
        res,
        400,
        messagePage({
          title: 'Not a day we can show',
          active: 'day',
          message: html`${problem}. Pick a day below.`,
          extra: dayNavigation(today, today),
        }),
      );
    }
    // `today` is part of the key: the view names today and links to it
    sendRendered(req, res, await pages.get(`day|${date}|${today}`, () => renderDayPage(deps, date, today)));
  });

  router.get('/record', async (req, res) => {
    const asked = queryText(req, 'model');
    // a repeated ?model= names no registered model: answered like an unknown one
    const model = asked === null ? '' : asked;
    sendRendered(req, res, await pages.get(recordKey(model), () => renderRecordPage(deps, model)));
  });

  router.get('/team/:abbr', async (req, res) => {
    const abbr = req.params.abbr;
    if (!TEAM_CODES.includes(abbr)) {
      const upper = abbr.toUpperCase();
      if (TEAM_CODES.includes(upper)) {
        const query = req.originalUrl.indexOf('?');
        return res.redirect(301, `/team/${upper}${query >= 0 ? req.originalUrl.slice(query) : ''}`);
      }
      const message = html`No team '${abbr}': a team is named by its three-letter code, e.g. <a href="/team/BOS">BOS</a>.`;
      return page(res, 404, messagePage({ title: 'Unknown team', message, extra: TEAM_LINKS }));
    }
    const asked = queryText(req, 'season');
    const season =
      asked === null
        ? 'give one season, as the year it ends (2026 for 2025-26)'
        : asked === undefined || asked === ''
          ? undefined
          : parseSeason(asked);
    if (typeof season === 'string') {
      return page(
        res,
        400,
        messagePage({
          title: 'Not a season we can show',
          message: html`${season}. <a href="/team/${abbr}">The season so far</a>.`,
        }),
      );
    }
    const today = easternDate(deps.now());
    // the rating history comes from stored outlooks, which the data version does not follow: part of the key
    const key = `team|${abbr}|${season ?? ''}|${today}|${await teamRatingsVersion(deps.db, abbr)}`;
    sendRendered(req, res, await pages.get(key, () => renderTeamPage(deps, abbr, season, today)));
  });

  router.get('/outlook', async (req, res) => {
    const asked = queryText(req, 'date');
    const date = asked === '' ? undefined : asked;
    const problem = date === null ? 'give one date, as YYYY-MM-DD' : date === undefined ? undefined : dateProblem(date);
    if (problem || date === null) {
      return page(
        res,
        400,
        messagePage({
          title: 'Not a day we can show',
          active: 'outlook',
          message: html`${problem}. <a href="/outlook">The latest outlook</a>.`,
        }),
      );
    }
    sendRendered(req, res, await pages.get(await outlookKey(deps.db, date), () => renderOutlookPage(deps.db, date)));
  });

  router.get('/models', async (_req, res) => {
    const [versions, demo, dataQuality] = await Promise.all([
      deps.registry.listVersions(),
      isDemoDatabase(deps.db),
      dataQualityReport(deps.db),
    ]);
    const models = await Promise.all(
      namesOf(versions, deps.defaultModel).map(async (name) => ({
        name,
        versions: versions.filter((v) => v.name === name),
        history: await historyOf(deps.registry, name),
      })),
    );
    page(res, 200, modelsView(models, demo, dataQuality));
  });

  router.use(pageErrors());
  return router;
}
