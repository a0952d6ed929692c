import { Router, type Request, type Response } from 'express';
import { easternDate, parseIsoDate } from '@nba/config';
import type { DbClient } from '@nba/db';
import { RegistryError, type ModelEventInfo, type ModelRegistry, type ModelVersionInfo } from '@nba/registry';
import { chartSvg } from './chart-svg';
import { loadDay } from './day-data';
import { dayNavigation, dayView } from './day-view';
import { html } from './html';
import { messagePage, pageErrors } from './message-page';
import { orderModelNames } from './model-order';
import { modelsView } from './models-view';
import { dataQualityReport } from '@nba/ingestion';
import { PAGE_JS } from './page-script';
import { calibrationSpec, runningLogLossSpec } from './record-charts';
import { loadRecords } from './record-stats';
import { recordView } from './record-view';
import type { WithheldForecasts } from '../withheld-forecasts';

/** What the page routes read from. */
export interface PagesDeps {
  db: DbClient;
  registry: ModelRegistry;
  /** The API's default model: shown first everywhere. */
  defaultModel: string;
  now: () => Date;
  /** Counts and logs stored forecasts withheld by the last-step check (absent: not recorded). */
  withheld?: WithheldForecasts;
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

async function isDemoDatabase(db: DbClient): Promise<boolean> {
  // the pipeline never mixes demo and real data in one database: one demo game marks it
  return (await db.game.findFirst({ where: { isDemo: true }, select: { id: true } })) !== null;
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

/** Registered model names in page order (the default first). */
function namesOf(versions: readonly ModelVersionInfo[], defaultModel: string): string[] {
  return orderModelNames(
    versions.map((v) => v.name),
    defaultModel,
  );
}

/**
 * The forecast page for people, server-rendered HTML (no front-end build): `GET /` (a day's games
 * and forecasts, `?date=YYYY-MM-DD`), `GET /record` (live record per model version, `?model=`),
 * `GET /models` (the registry, read-only), and the page's one script.
 */
export function pagesRouter(deps: PagesDeps): Router {
  const router = Router();
  // no-cache: the pipeline stores forecasts and settles games during the day
  const page = (res: Response, status: number, body: string) => {
    res.status(status).type('html').setHeader('cache-control', 'no-cache');
    res.send(body);
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
        messagePage({ title: 'Not a day we can show', active: 'day', message: html`${problem}. Pick a day below.`, extra: dayNavigation(today, today) }),
      );
    }
    const data = await loadDay(
      deps.db,
      date,
      deps.withheld && ((key, p, check) => deps.withheld?.record(key, check, { endpoint: 'page', game: p.gameKey, model: p.model })),
    );
    // a day without games has no rows to carry the demo mark: ask the database
    const demo = data.games.length === 0 ? await isDemoDatabase(deps.db) : undefined;
    page(res, 200, dayView(data, { today, defaultModel: deps.defaultModel, demo }));
  });

  router.get('/record', async (req, res) => {
    const model = queryText(req, 'model');
    const versions = await deps.registry.listVersions();
    const modelNames = namesOf(versions, deps.defaultModel);
    if (model === null || (model !== undefined && !modelNames.includes(model))) {
      const known = modelNames.length ? `registered models: ${modelNames.join(', ')}` : 'no model is registered yet';
      return page(
        res,
        404,
        messagePage({ title: 'Unknown model', active: 'record', message: `No model named '${String(model ?? '')}' is registered (${known}).` }),
      );
    }
    const records = await loadRecords(deps.db, { name: model });
    const drawn = await Promise.all(
      records.map(async (record) => ({
        record,
        runningSvg: await chartSvg(runningLogLossSpec(record)),
        calibrationSvg: await chartSvg(calibrationSpec(record)),
      })),
    );
    const demo = records.some((r) => r.isDemo) || (await isDemoDatabase(deps.db));
    page(res, 200, recordView({ modelNames, selected: model, drawn, versions: versions.filter((v) => model === undefined || v.name === model), demo }));
  });

  router.get('/models', async (_req, res) => {
    const [versions, demo, dataQuality] = await Promise.all([deps.registry.listVersions(), isDemoDatabase(deps.db), dataQualityReport(deps.db)]);
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
