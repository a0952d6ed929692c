import { easternDate } from '@nba/config';
import type { DbClient } from '@nba/db';
import { FeatureState } from '@nba/features';
import { type ClosingLine, type GameRecord } from '@nba/games';
import { finalGamesFingerprint, loadFeatureInputs } from '@nba/ingestion';
import type { Logger } from '@nba/logging';
import { latestLines } from './upcoming-lines';

/** What predictions read: the state after the last day of results, and lines of upcoming games. */
export interface FeatureSnapshot {
  state: FeatureState;
  /** Last day of results included, or null (no final game yet). */
  asOf: string | null;
  /** Finished games recorded. */
  games: number;
  /** Latest stored line of games after `asOf`, by `date|home|away` (see `lineKey`). */
  lines: ReadonlyMap<string, ClosingLine>;
  refreshedAt: Date;
}

/** Fingerprint of the final games the state was built from; a change means a rebuild. */
type Fingerprint = Awaited<ReturnType<typeof finalGamesFingerprint>>;

/**
 * The feature state of on-demand predictions, built from the final games in the database before
 * today (US Eastern, read by @nba/ingestion `loadFeatureInputs`) and kept current off the request
 * path: new days of results are added incrementally; a change to days already included (a
 * corrected score, a backfill) rebuilds it in the background and swaps the new state in.
 */
export class FeatureStore {
  private snap: FeatureSnapshot | undefined;
  private print: Fingerprint | undefined;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: DbClient,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The current snapshot, or undefined before the first refresh. */
  get current(): FeatureSnapshot | undefined {
    return this.snap;
  }

  /** Brings the state up to date (one refresh at a time; concurrent callers share it). */
  refresh(): Promise<void> {
    this.running ??= this.doRefresh().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Refreshes every `intervalMs` (0: never); failures are logged and the old state keeps serving. */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.refresh().catch((err) =>
        this.logger.error('feature state refresh failed; keeping the previous state', { err }),
      );
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async fingerprint(upTo: string | null): Promise<Fingerprint> {
    return upTo === null ? { count: 0, updatedAt: 0 } : finalGamesFingerprint(this.db, upTo);
  }

  private async doRefresh(): Promise<void> {
    const started = Date.now();
    const today = easternDate(this.now());
    const prev = this.snap;
    const same = prev && this.print ? sameFingerprint(await this.fingerprint(prev.asOf), this.print) : false;
    let state: FeatureState;
    let mode: 'incremental' | 'rebuild';
    let added: GameRecord[];
    if (prev && same) {
      mode = 'incremental';
      state = prev.state;
      added = await this.finalGames(prev.asOf, today);
    } else {
      mode = 'rebuild';
      state = new FeatureState();
      added = await this.finalGames(null, today);
    }
    // A rebuild works on a private state and yields between chunks, so requests keep flowing;
    // incremental days are applied in one synchronous step (no request sees half a day).
    await addDays(state, added, mode === 'rebuild');
    const asOf = state.lastDate;
    const lines = await latestLines(this.db, asOf);
    this.print = await this.fingerprint(asOf);
    this.snap = { state, asOf, games: state.gamesRecorded, lines, refreshedAt: new Date() };
    if (mode === 'rebuild' || added.length > 0) {
      this.logger.info('feature state refreshed', {
        mode,
        asOf,
        games: state.gamesRecorded,
        added: added.length,
        upcomingLines: lines.size,
        ms: Date.now() - started,
      });
    }
  }

  private async finalGames(after: string | null, before: string): Promise<GameRecord[]> {
    return (await loadFeatureInputs(this.db, { after, before, statuses: ['final'], withLines: false })).games;
  }
}

function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.count === b.count && a.updatedAt === b.updatedAt;
}

/** Adds games (sorted by date) day by day; with `yieldBetween`, lets the event loop run every ~20 ms. */
async function addDays(state: FeatureState, games: readonly GameRecord[], yieldBetween: boolean): Promise<void> {
  let i = 0;
  let slice = Date.now();
  while (i < games.length) {
    const date = (games[i] as GameRecord).date;
    let j = i + 1;
    while (j < games.length && (games[j] as GameRecord).date === date) j++;
    state.addDay(games.slice(i, j));
    i = j;
    if (yieldBetween && Date.now() - slice > 20) {
      await new Promise((r) => setImmediate(r));
      slice = Date.now();
    }
  }
}
