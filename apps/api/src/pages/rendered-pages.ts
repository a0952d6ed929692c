import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** A page rendered once: its status, its HTML and the same bytes gzipped (sent to clients that accept it). */
export interface RenderedPage {
  status: number;
  body: Buffer;
  gzipped: Buffer;
}

/** Options of {@link RenderedPages}. */
export interface RenderedPagesOptions {
  /** Reads the fingerprint of the data the pages show (`pageDataVersion` of @nba/db). */
  dataVersion: () => Promise<string>;
  /** How long a fingerprint is trusted before it is read again (0: read for every request, shared by concurrent ones). */
  recheckMs: number;
  /** Pages kept (least recently used dropped first). */
  maxPages: number;
  now?: () => number;
}

interface Entry {
  /** The last page rendered, and the data version it was rendered for. */
  done?: { version: string; page: RenderedPage };
  /** The render under way, for a newer version. */
  rendering?: { version: string; page: Promise<RenderedPage> };
}

/**
 * The rendered pages, per page key and data version: a page is rendered once per change of the
 * data (the record changes when games are settled, about once a day) and then served as bytes,
 * so a request costs a map lookup instead of queries, charts and HTML. Concurrent requests share
 * one read of the data version, which is trusted for `recheckMs` (a change shows within that
 * time, or at once after `invalidate()`), and one render. The request that finds the data changed
 * waits for the new page; requests arriving while that render is under way get the previous page
 * (if there is one) at once, so a burst right after a change is not held behind the render. A
 * render that fails is not kept: the next request tries again.
 */
export class RenderedPages {
  private readonly entries = new Map<string, Entry>();
  private version: { value: string; at: number } | undefined;
  private checking: Promise<string> | undefined;
  private generation = 0;
  private renderCount = 0;
  private readonly now: () => number;

  constructor(private readonly options: RenderedPagesOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Renders started so far (a test counts them; one per page per data change). */
  get renders(): number {
    return this.renderCount;
  }

  /** Forgets the data version: the next request reads it again (a model promotion, say). */
  invalidate(): void {
    this.version = undefined;
    // a read already under way may predate the change: later requests start their own
    this.checking = undefined;
    this.generation += 1;
  }

  /** The page under `key` for the current data, rendered by `render` only when not already rendered (or rendering) for it. */
  async get(key: string, render: () => Promise<{ status: number; html: string }>): Promise<RenderedPage> {
    const version = await this.currentVersion();
    const entry = this.entries.get(key) ?? {};
    // most recently used last
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.options.maxPages) this.entries.delete(this.entries.keys().next().value as string);
    if (entry.done?.version === version) return entry.done.page;
    if (entry.rendering?.version === version) return entry.done?.page ?? entry.rendering.page;
    this.renderCount += 1;
    const page = render().then(async ({ status, html }) => {
      const body = Buffer.from(html);
      return { status, body, gzipped: await gzipAsync(body) };
    });
    const rendering = { version, page };
    entry.rendering = rendering;
    page.then(
      (done) => {
        if (entry.rendering !== rendering) return;
        entry.done = { version, page: done };
        entry.rendering = undefined;
      },
      () => {
        if (entry.rendering === rendering) entry.rendering = undefined;
      },
    );
    return page;
  }

  private currentVersion(): Promise<string> {
    const known = this.version;
    if (known && this.now() - known.at < this.options.recheckMs) return Promise.resolve(known.value);
    if (!this.checking) {
      const generation = this.generation;
      const started = this.now();
      const checking = this.options
        .dataVersion()
        .then((value) => {
          // an invalidation during the read: the value may predate the change, so it is not trusted later
          if (generation === this.generation) this.version = { value, at: started };
          return value;
        })
        .finally(() => {
          if (this.checking === checking) this.checking = undefined;
        });
      this.checking = checking;
    }
    return this.checking;
  }
}
