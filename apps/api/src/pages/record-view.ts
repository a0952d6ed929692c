import type { ModelVersionInfo } from '@nba/registry';
import { fixed, percent, shortDay, signed } from './format';
import { html, trusted, type Html } from './html';
import { layout } from './layout';
import { modelDescription } from './model-order';
import { registryMetricsTable } from './registry-metrics';
import type { Scores, VersionRecord } from './record-stats';

/** A version's record with its two charts already drawn (SVG text from the charting library). */
export interface DrawnRecord {
  record: VersionRecord;
  runningSvg: string;
  calibrationSvg: string;
}

/** What the record view shows. */
export interface RecordPage {
  /** Model names in page order (registered ones, the default first). */
  modelNames: string[];
  /** The one model asked for with `?model=`, if any. */
  selected?: string;
  drawn: DrawnRecord[];
  /** Registered versions by id (metrics, status), of the names shown. */
  versions: ModelVersionInfo[];
  demo: boolean;
}

/** How a record is named: a live version by its number, a model's hindcasts as such. */
function seriesLabel(r: VersionRecord): string {
  return r.kind === 'hindcast' ? 'hindcasts' : `v${r.version}`;
}

const HINDCAST_NOTE = trusted(
  'Hindcasts: past days forecast afterwards, each by a model trained only on the games and closing lines before that day ' +
    '(retrained weekly), through the same serving path as the live forecasts. They were not published before the games; ' +
    'live forecasts are.',
);

function difference(model: number, market: number, lowerIsBetter: boolean, asPercent: boolean): Html {
  const d = model - market;
  const better = lowerIsBetter ? d < 0 : d > 0;
  const text = asPercent ? `${signed(100 * d)} pp` : signed(d, 4);
  return d === 0
    ? html`even`
    : html`${text} <span class="${better ? 'right' : 'wrong'}">(${better ? 'better' : 'worse'})</span>`;
}

function scoresTable(r: VersionRecord, market: Scores | null): Html {
  const rows: [string, keyof Scores, boolean, boolean][] = [
    ['Log loss', 'logLoss', true, false],
    ['Brier score', 'brier', true, false],
    ['Accuracy', 'accuracy', false, true],
  ];
  const cell = (x: number, asPercent: boolean) => (asPercent ? percent(x) : fixed(x, 4));
  const caption = market
    ? `On the ${r.compared} settled games with a market line (of ${r.settled} settled), ${shortDay(r.firstDate)} to ${shortDay(r.lastDate)}`
    : `On ${r.settled} settled games (none had a market line), ${shortDay(r.firstDate)} to ${shortDay(r.lastDate)}`;
  const marketHeads = market ? html`<th scope="col">Market</th><th scope="col">Model − market</th>` : '';
  const scoreRow = ([label, key, lower, pct]: (typeof rows)[number]) => {
    const versus = market
      ? html`<td class="num">${cell(market[key], pct)}</td><td class="num">${difference(r.model[key], market[key], lower, pct)}</td>`
      : '';
    return html`<tr><th scope="row">${label}</th><td class="num">${cell(r.model[key], pct)}</td>${versus}</tr>`;
  };
  return html`<table class="scores-table"><caption>${caption}</caption>
<thead><tr><th scope="col">Score</th><th scope="col">${seriesLabel(r)}</th>${marketHeads}</tr></thead>
<tbody>${rows.map(scoreRow)}</tbody>
</table>`;
}

function runningFigure(d: DrawnRecord): Html {
  const r = d.record;
  const version = html`${r.name} ${seriesLabel(r)}`;
  const marketHead = r.market ? html`<th scope="col">Market</th>` : '';
  const runningRow = (p: (typeof r.running)[number]) => {
    const market = r.market ? html`<td class="num">${p.market === null ? '\u2014' : p.market.toFixed(4)}</td>` : '';
    return html`<tr><td>${shortDay(p.date)}</td><td class="num">${p.games}</td><td class="num">${p.model.toFixed(4)}</td>${market}</tr>`;
  };
  return html`<figure class="chart">
<figcaption>Running log loss since the first settled game: ${version} (solid) against the market (dashed), on the same games. Lower is better.</figcaption>
${trusted(d.runningSvg)}
<details><summary>Running log loss as a table${r.running.length < r.runningDays ? ` (${r.running.length} of ${r.runningDays} days, evenly spread)` : ''}</summary>
<table><thead><tr><th scope="col">Through</th><th scope="col">Games</th><th scope="col">Model</th>${marketHead}</tr></thead>
<tbody>${r.running.map(runningRow)}</tbody></table>
</details>
</figure>`;
}

const CALIBRATION_CAPTION = trusted(
  'Calibration of the settled forecasts: in each bin of forecast probability, how often the home team won. ' +
    'Points on the dashed diagonal are well calibrated; the number above each point is its count of games.',
);

function calibrationFigure(d: DrawnRecord): Html {
  const bins = d.record.calibration.filter((b) => b.n > 0);
  const binRow = (b: (typeof bins)[number]) => {
    const range = `${Math.round(100 * b.lo)}–${Math.round(100 * b.hi)}%`;
    const forecast = percent(b.meanForecast);
    return html`<tr><td>${range}</td><td class="num">${b.n}</td><td class="num">${forecast}</td><td class="num">${percent(b.observed)}</td></tr>`;
  };
  return html`<figure class="chart">
<figcaption>${CALIBRATION_CAPTION}</figcaption>
${trusted(d.calibrationSvg)}
<details><summary>Calibration as a table</summary>
<table><thead><tr><th scope="col">Forecast bin</th><th scope="col">Games</th><th scope="col">Mean forecast</th><th scope="col">Home won</th></tr></thead>
<tbody>${bins.map(binRow)}</tbody></table>
</details>
</figure>`;
}

function versionSection(d: DrawnRecord, info: ModelVersionInfo | undefined): Html {
  const r = d.record;
  return html`<section class="version" aria-labelledby="v-${r.versionId}" data-model="${r.name}" data-version="${r.version}">
<h3 id="v-${r.versionId}">${r.name} ${seriesLabel(r)}${r.kind === 'hindcast' ? html` <span class="status status-hindcast">hindcast</span>` : ''}${info ? html` <span class="status status-${info.status}">${info.status}</span>` : ''}</h3>
${r.kind === 'hindcast' ? html`<p class="muted">${HINDCAST_NOTE}</p>` : ''}
${scoresTable(r, r.market)}
${runningFigure(d)}
${calibrationFigure(d)}
${info ? registryMetricsTable(info.metrics, `Backtest and holdout figures in the registry for v${r.version}`) : ''}
</section>`;
}

const SETTLE_NOTE = trusted("forecasts are settled once their games are final (the daily pipeline's settle step).");

/** A model without settled forecasts: says so, and shows what the registry knows of its current version instead. */
function noRecordYet(name: string, versions: readonly ModelVersionInfo[]): Html {
  const current = versions.find((v) => v.status === 'production') ?? versions[0];
  return html`<p class="notice" role="status">${name} has no settled forecasts yet: ${SETTLE_NOTE}</p>
${current ? registryMetricsTable(current.metrics, `Backtest and holdout figures in the registry for v${current.version} (${current.status})`) : ''}`;
}

function modelFilter(page: RecordPage): Html {
  const link = (href: string, label: string, current: boolean) =>
    html`<a href="${href}"${current ? trusted(' aria-current="page"') : ''}>${label}</a>`;
  const all = link('/record', 'All models', page.selected === undefined);
  const each = page.modelNames.map((n) => link(`/record?model=${encodeURIComponent(n)}`, n, page.selected === n));
  return html`<nav class="daynav" aria-label="Models">${all}${each}</nav>`;
}

const RECORD_INTRO = trusted(
  "How each model version's forecasts did once the games were played, beside the betting market's closing line on the same games. " +
    'Log loss and Brier score: lower is better.',
);

const NO_MODEL = html`<p class="notice" role="status">No model is registered yet: the daily pipeline trains, registers and promotes one.</p>`;

/**
 * The record view: per model, per version with settled forecasts, live scores beside the market's
 * on the same games, a running log-loss chart, a calibration chart (each with its data as a table),
 * and the version's backtest figures from the registry. Versions without settled forecasts are
 * named with a message rather than left out silently.
 */
export function recordView(page: RecordPage): string {
  const byId = new Map(page.versions.map((v) => [v.id, v]));
  const names = page.selected ? [page.selected] : page.modelNames;
  const sections = names.map((name) => {
    const drawn = page.drawn.filter((d) => d.record.name === name);
    const pending = page.versions.filter((v) => v.name === name && !drawn.some((d) => d.record.versionId === v.id));
    const about = modelDescription(name);
    const pendingList = pending.map((v, i) => html`${i > 0 ? ', ' : ''}v${v.version} (${v.status})`);
    const pendingNote =
      pending.length > 0 && drawn.length > 0
        ? html`<p class="muted">No settled forecasts yet for ${pendingList}.</p>`
        : '';
    return html`<section aria-labelledby="m-${name}">
<h2 id="m-${name}">${name}${about ? html` <span class="muted">(${about})</span>` : ''}</h2>
${drawn.length === 0 ? noRecordYet(name, pending) : ''}
${drawn.map((d) => versionSection(d, byId.get(d.record.versionId)))}
${pendingNote}
</section>`;
  });
  const body = html`<h1>${page.selected ? `Record of ${page.selected}` : 'Record'}</h1>
<p>${RECORD_INTRO}</p>
${page.modelNames.length > 1 ? modelFilter(page) : ''}
${names.length === 0 ? NO_MODEL : sections}`;
  return layout({
    title: page.selected ? `Record of ${page.selected}` : 'Record',
    active: 'record',
    demo: page.demo,
    body,
  });
}
