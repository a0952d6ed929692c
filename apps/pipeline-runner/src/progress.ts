import type { PipelineEvent } from '@nba/orchestrator';

const ICON: Record<string, string> = {
  pending: '·',
  running: '…',
  retrying: '↻',
  succeeded: '✔',
  failed: '✖',
  skipped: '-',
  cancelled: '⊘',
};

/**
 * A task list redrawn in place on a terminal as the pipeline's events arrive (stderr, so stdout
 * stays clean). Off a terminal nothing is drawn: the JSON logs say the same.
 */
export class TaskListView {
  private readonly state = new Map<string, { status: string; note: string }>();
  private drawn = 0;

  constructor(
    tasks: readonly string[],
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    for (const t of tasks) this.state.set(t, { status: 'pending', note: '' });
  }

  get enabled(): boolean {
    return Boolean(this.out.isTTY);
  }

  /** Pipeline event listener. */
  readonly onEvent = (e: PipelineEvent): void => {
    if (!('task' in e)) return;
    const task = String(e.task);
    const s = this.state.get(task) ?? { status: 'pending', note: '' };
    switch (e.type) {
      case 'task-started':
        Object.assign(s, { status: 'running', note: '' });
        break;
      case 'task-retrying':
        Object.assign(s, { status: 'retrying', note: `retry in ${Math.round(e.delayMs)} ms` });
        break;
      case 'task-succeeded':
        Object.assign(s, { status: 'succeeded', note: `${(e.durationMs / 1000).toFixed(1)} s` });
        break;
      case 'task-failed':
        Object.assign(s, { status: 'failed', note: e.error.message.split('\n')[0] ?? '' });
        break;
      case 'task-skipped':
        Object.assign(s, { status: 'skipped', note: e.reason });
        break;
      case 'task-cancelled':
        Object.assign(s, { status: 'cancelled', note: '' });
        break;
      default:
        return;
    }
    this.state.set(task, s);
    this.draw();
  };

  private draw(): void {
    if (!this.enabled) return;
    const lines = [...this.state].map(([t, s]) =>
      `  ${ICON[s.status] ?? '?'} ${t.padEnd(14)} ${s.status.padEnd(10)} ${s.note}`.slice(
        0,
        (this.out.columns || 100) - 1,
      ),
    );
    if (this.drawn) this.out.write(`\x1b[${this.drawn}A`);
    for (const l of lines) this.out.write(`\x1b[2K${l}\n`);
    this.drawn = lines.length;
  }
}

/** A one-line progress bar on a terminal (stderr); silent elsewhere. */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  tick(note = ''): void {
    this.done += 1;
    const now = Date.now();
    if (!this.out.isTTY || (now - this.lastDraw < 100 && this.done < this.total)) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    this.out.write(
      `\r\x1b[2K${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total} ${note}`,
    );
    if (this.done >= this.total) this.out.write('\n');
  }
}
