import { spawn, type ChildProcess } from 'node:child_process';
import { addDays, daysBetween, seasonOfDate } from '@nba/config';
import { RETRAIN_DAYS } from '@nba/modeling';
import { CliError, EXIT, isoDate, table, type AddCommand, type ExitCode, type TextOutput } from '@nba/cli';
import {
  backfillFromUpstreams,
  dailyModels,
  demoDate,
  demoLeague,
  fillOutlooks,
  forecastsOfDate,
  HISTORY_OUTLOOK_SIMULATIONS,
  openUpstreams,
  upstreamKind,
} from '@nba/lifecycle';
import { executeDaily } from '../daily-run';
import { executeHindcast } from '../hindcast-run';
import { readEnv } from '../env';
import type { PipelineDeps } from '../pipeline-deps';
import { easternToday, withRuntime, type Runtime } from '../runtime';
import { assertDataFolderFree, assertPortFree } from './start-checks';

/**
 * The API app's process entry (the main job runs it as a separate process): `@nba/api`, an optional
 * dependency, so turbo builds it before this app and the scheduled job's image can leave it out.
 */
function apiMain(): string {
  try {
    return require.resolve('@nba/api/main');
  } catch {
    // absent from the job's image (optional dependency), or not built in a checkout
    throw new Error(
      'the API (@nba/api) is not installed or not built here: in a checkout run pnpm build; in the pipeline image use --no-serve and run the api image',
    );
  }
}

interface StartOptions {
  date?: string;
  serve: boolean;
  port: string;
}

async function printPredictions(out: TextOutput, rt: Runtime, date: string): Promise<void> {
  const rows = await forecastsOfDate(rt.db.client, date);
  out.write(`\npredictions for ${date}${rows.some((r) => r.isDemo) ? ' (DEMO data: generated league)' : ''}:\n`);
  if (rows.length === 0) {
    out.write('  no games\n');
    return;
  }
  const percent = (p: number | null) => (p == null ? null : `${(p * 100).toFixed(1)}%`);
  const cells = rows.map((r) => [
    `${r.away} @ ${r.home}`,
    percent(r.homeWinProb),
    r.expectedMargin?.toFixed(1),
    r.expectedTotal?.toFixed(1),
    percent(r.marketHomeProb),
    r.marketHomeProb == null ? null : `${((r.edge ?? 0) * 100).toFixed(1)} pts`,
    `${r.model} ${r.version}`,
  ]);
  out.write(
    `${table(['GAME', 'HOME WIN', 'MARGIN', 'TOTAL', 'MARKET', 'EDGE', 'MODEL'], cells, { indent: '  ', alignRight: [1, 2, 3, 4, 5] })}\n`,
  );
}

/** Runs the API as a child process on `port` until it exits (Ctrl-C stops it); returns its exit code. */
function serve(out: TextOutput, rawEnv: NodeJS.ProcessEnv, rt: Runtime, port: number, date: string): Promise<ExitCode> {
  const child: ChildProcess = spawn(process.execPath, [apiMain()], {
    env: { ...rawEnv, DATABASE_URL: rt.db.url, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  out.write(
    [
      '',
      `API starting at ${base} (Ctrl-C stops it and the embedded database)`,
      `  open ${base}/?date=${date}    the forecast page (also ${base}/record and ${base}/models)`,
      `  curl ${base}/ready`,
      `  curl '${base}/v1/predictions?date=${date}'`,
      `  curl '${base}/v1/games?date=${date}'`,
      `  curl -X POST ${base}/v1/predict -H 'content-type: application/json' -d '{"home":"BOS","away":"LAL","date":"${date}"}'`,
      `  curl ${base}/v1/models/production`,
      `  open ${base}/docs`,
      '',
    ].join('\n'),
  );
  return new Promise((resolve) => {
    const stop = () => child.kill('SIGTERM');
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.on('exit', (code) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // the API's own exit code (0/1/2/3); one outside the convention is a failure
      resolve(
        code === null ? EXIT.OK : (Object.values(EXIT) as number[]).includes(code) ? (code as ExitCode) : EXIT.FAILED,
      );
    });
  });
}

/**
 * The demo's outlook on every earlier morning of its season, each from the data of that morning,
 * so the outlook page's chart has a history the first time it is opened; a rerun stores only the
 * mornings missing (fewer simulations than the daily task's: see HISTORY_OUTLOOK_SIMULATIONS).
 */
async function fillDemoOutlooks(out: TextOutput, rt: Runtime, first: string, date: string): Promise<void> {
  const started = Date.now();
  const r = await fillOutlooks(rt.db.client, first, addDays(date, -1), { simulations: HISTORY_OUTLOOK_SIMULATIONS });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  out.write(
    `outlook history: ${r.stored.length} mornings stored from ${first} (${r.skipped} already stored), ${HISTORY_OUTLOOK_SIMULATIONS} simulations each, ${seconds} s\n`,
  );
}

/** The most retrain windows of the demo's hindcast of its season so far. */
const DEMO_HINDCAST_WINDOWS = 8;

/**
 * The demo's record from its first start: every earlier day of its season hindcast (each from
 * models trained only on the games before its week), so the record's charts have data the first
 * time the page is opened, marked as hindcasts. A rerun finds what was stored. Weekly retrains
 * up to {@link DEMO_HINDCAST_WINDOWS} weeks into the season, then fewer, longer windows: the
 * start stays within minutes on a small machine whatever the date (each window trains both models).
 */
async function hindcastDemoSeason(out: TextOutput, rt: Runtime, first: string, date: string): Promise<ExitCode> {
  const started = Date.now();
  const days = daysBetween(first, date);
  const retrainDays = Math.max(RETRAIN_DAYS, Math.ceil(days / DEMO_HINDCAST_WINDOWS));
  const code = await executeHindcast(out, rt, {
    from: first,
    to: addDays(date, -1),
    models: dailyModels('nba-winner'),
    retrainDays,
  });
  out.write(`hindcast of the season so far: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return code;
}

/** The first regular-season game day of `date`'s demo season, when it is before `date`. */
function demoSeasonStart(today: string, date: string): string | undefined {
  const season = seasonOfDate(date);
  const first = demoLeague(today)
    .games.filter((g) => g.season === season && g.gameType === 'regular')
    .map((g) => g.date)
    .sort()[0];
  return first && first < date ? first : undefined;
}

/** The main job on `rt`: history through the upstreams, the daily run with auto-promotion, the forecasts; returns the run's exit code. */
async function mainJob(out: TextOutput, rt: Runtime, today: string): Promise<{ code: ExitCode; date: string }> {
  const kind = upstreamKind(rt.env);
  const date = kind === 'demo' ? demoDate(demoLeague(today).games, today) : today;
  const source =
    kind === 'demo'
      ? 'DEMO (local stand-ins serving a generated league; set API_BASKETBALL_KEY and THE_ODDS_API_KEY for the real APIs)'
      : 'the real APIs';
  out.write(`database ready (${rt.db.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}); source: ${source}\n`);
  const upstreams = await openUpstreams(kind, { env: rt.env, logger: rt.logger, db: rt.db.client }, date);
  try {
    const seasons = kind === 'demo' ? upstreams.demoSeasons : [];
    const current = seasonOfDate(date);
    const from = seasons[0] ?? current - 2;
    const to = seasons[seasons.length - 1] ?? current;
    const b = await backfillFromUpstreams({ db: rt.db.client, logger: rt.logger }, upstreams, {
      fromSeason: from,
      toSeason: to,
      withOdds: kind === 'demo',
      today: date,
    });
    out.write(
      `history: ${b.games} games from seasons ${from}-${to} (${b.inserted} new), ${b.snapshots} new odds snapshots\n`,
    );
    const args = {
      date,
      source: kind,
      skipOdds: false,
      skipTrain: false,
      autoPromote: true,
      models: dailyModels('nba-winner'),
      lookbackDays: 3,
    };
    const code = await executeDaily(rt, out, args, { upstreams });
    const first = kind === 'demo' && code === EXIT.OK ? demoSeasonStart(today, date) : undefined;
    if (first === undefined) return { code, date };
    await fillDemoOutlooks(out, rt, first, date);
    return { code: await hindcastDemoSeason(out, rt, first, date), date };
  } finally {
    await upstreams.close();
  }
}

/** `start`: the README's main job; it then runs the API as a child process (`serve`). */
export const registerStartCommand: AddCommand<PipelineDeps> = (program, deps) => {
  program
    .command('start')
    .description(
      'main job: database (embedded by default), history, the daily pipeline with auto-promotion, then the API',
    )
    .option(
      '--date <YYYY-MM-DD>',
      'day to predict (default: today, US Eastern; in demo mode the next day with games)',
      isoDate,
    )
    .option('--no-serve', 'stop after the pipeline instead of starting the API')
    .option('--port <port>', 'API port', '8080')
    .action(async (o: StartOptions) => {
      const today = o.date ?? easternToday();
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new CliError('USAGE', `--port must be a port number, got '${o.port}'`);
      // Before any work: a second start on this data folder (its API would hold the port too),
      // then the API's port.
      await assertDataFolderFree(readEnv(deps.env), deps.env);
      if (o.serve) await assertPortFree(port);
      return withRuntime(deps.env, { exclusiveEmbedded: true }, async (rt) => {
        const { code, date } = await mainJob(deps.stdout, rt, today);
        await printPredictions(deps.stdout, rt, date);
        return code === EXIT.OK && o.serve ? await serve(deps.stdout, deps.env, rt, port, date) : code;
      });
    });
};
