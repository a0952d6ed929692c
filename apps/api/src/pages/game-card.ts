import { teamByCode } from '@nba/config';
import type { GameViewOutput } from '../schemas/games';
import type { StoredPredictionOutput } from '../schemas/predictions';
import { easternTime, fixed, marginText, percent, signed, spreadText } from './format';
import { html, type Html, type HtmlValue } from './html';
import { homeWonOf, pickedRight } from './game-result';
import { modelDescription } from './model-order';

/** One column of a game's table: the market or a model's forecast. */
interface Column {
  heading: Html;
  probability: number | null;
  /** Cells of the margin and total rows. */
  margin: string;
  total: string;
  /** Differences from the market (models only). */
  versus?: { probabilityPts: number | null; marginPts: number | null; totalPts: number | null };
  /** The stored forecast it shows (models only): named in data attributes, for tests and scripts. */
  model?: { name: string; version: string };
  /** Why the forecast's numbers are not shown (the last-step check failed). */
  withheld?: NonNullable<StoredPredictionOutput['withheld']>;
}

const EPS = 1e-15;

/** Log loss of a home-win probability given the outcome (the pipeline's settlement formula). */
function logLossOf(p: number, homeWon: boolean): number {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return -Math.log(homeWon ? q : 1 - q);
}

/** A team's code (linked to its team view) and name. */
function teamName(code: string): Html {
  return html`<a class="team-code" href="/team/${code}">${code}</a> ${teamByCode(code)?.name ?? ''}`;
}

function statusText(g: GameViewOutput): HtmlValue {
  const tipoff = g.tipoff
    ? html`<time datetime="${g.tipoff}" data-local>${easternTime(new Date(g.tipoff))}</time>`
    : 'time to be announced';
  const score =
    g.homeScore !== null && g.awayScore !== null ? `${g.away} ${g.awayScore}, ${g.home} ${g.homeScore}` : '';
  switch (g.status) {
    case 'final':
      return html`Final: <strong>${score}</strong> · tip-off ${tipoff}`;
    case 'live':
      return html`In progress${score ? html`: ${score}` : ''} · tip-off ${tipoff}`;
    case 'postponed':
    case 'cancelled':
      return html`<strong>${g.status === 'postponed' ? 'Postponed' : 'Cancelled'}</strong> (was ${tipoff})`;
    default:
      return html`Tip-off ${tipoff}`;
  }
}

function marketColumn(g: GameViewOutput, m: NonNullable<StoredPredictionOutput['market']>): Column {
  return {
    heading: html`Market`,
    probability: m.homeProbability,
    margin: m.spread === null ? '\u2014' : spreadText(m.spread, g.home, g.away),
    total: fixed(m.total),
  };
}

function modelColumn(g: GameViewOutput, p: StoredPredictionOutput, m: StoredPredictionOutput['market']): Column {
  const about = modelDescription(p.model.name);
  const heading = html`${p.model.name}<span class="sub">${about ? `${about}, ` : ''}${p.model.kind === 'hindcast' ? 'hindcast' : `v${p.model.version}`}</span>`;
  if (p.withheld)
    return { heading, probability: null, margin: '\u2014', total: '\u2014', model: p.model, withheld: p.withheld };
  const diff = (a: number | null, b: number | null | undefined) =>
    a !== null && b !== null && b !== undefined ? a - b : null;
  return {
    heading,
    probability: p.homeWinProbability,
    margin: p.expectedMargin === null ? '\u2014' : marginText(p.expectedMargin, g.home, g.away),
    total: fixed(p.expectedTotal),
    // the market's margin is minus the home spread: a home side giving 4.5 points is expected to win by 4.5
    versus: m
      ? {
          probabilityPts: diff(p.homeWinProbability, m.homeProbability),
          marginPts: diff(p.expectedMargin, m.spread === null ? null : -m.spread),
          totalPts: diff(p.expectedTotal, m.total),
        }
      : undefined,
    model: p.model,
  };
}

/** The win cell: the probability, or "withheld" and why (never a number the check refused). */
function probabilityCell(c: Column): HtmlValue {
  if (!c.withheld) return percent(c.probability);
  return html`<span class="withheld" data-withheld-reason="${c.withheld.reason}">withheld</span><br><span class="sub">${c.withheld.message}</span>`;
}

function versusCell(x: number | null | undefined, unit: string): HtmlValue {
  return x === null || x === undefined ? '\u2014' : `${signed(x)} ${unit}`;
}

function resultCell(probability: number | null, homeWon: boolean | null, stored?: number | null): HtmlValue {
  if (homeWon === null || probability === null) return '\u2014';
  const right = pickedRight(probability, homeWon);
  const loss = stored ?? logLossOf(probability, homeWon);
  const verdict = right ? '\u2713 right' : '\u2717 wrong';
  return html`<span class="${right ? 'right' : 'wrong'}">${verdict}</span><br><span class="num">log loss ${loss.toFixed(3)}</span>`;
}

/** The market's line at the first of `modelNames`' forecasts that carries one (null: none does). */
export function marketOf(
  forecasts: ReadonlyMap<string, StoredPredictionOutput>,
  modelNames: readonly string[],
): StoredPredictionOutput['market'] {
  return modelNames.map((n) => forecasts.get(n)?.market).find((m) => m !== null && m !== undefined) ?? null;
}

/**
 * One game: teams, tip-off (or the score), and a table with the market and each model side by side
 * (columns in `modelNames` order): home-win probability, margin, total, each model's difference
 * from the market, and after the game whether each forecast was right and its log loss.
 */
export function gameCard(
  g: GameViewOutput,
  forecasts: ReadonlyMap<string, StoredPredictionOutput>,
  modelNames: readonly string[],
): Html {
  const shown = modelNames.map((n) => forecasts.get(n)).filter((p): p is StoredPredictionOutput => p !== undefined);
  const market = marketOf(forecasts, modelNames);
  const columns = [...(market ? [marketColumn(g, market)] : []), ...shown.map((p) => modelColumn(g, p, market))];
  const homeWon = homeWonOf(g);
  const id = `game-${g.id}`;
  // a model column's cell says which model and version it shows, and the exact forecast
  const modelData = (c: Column) =>
    c.model
      ? html` data-model="${c.model.name}" data-version="${c.model.version}" data-home-win-probability="${String(c.probability)}"`
      : '';
  const row = (label: HtmlValue, cell: (c: Column) => HtmlValue) =>
    html`<tr><th scope="row">${label}</th>${columns.map((c) => html`<td class="num">${cell(c)}</td>`)}</tr>`;
  const table =
    columns.length === 0
      ? html`<p class="muted">No forecast stored for this game.</p>`
      : html`<table class="forecast-table">
<caption>Forecasts for ${g.home} at home</caption>
<thead><tr><th scope="col">Home: ${g.home}</th>${columns.map((c) => html`<th scope="col">${c.heading}</th>`)}</tr></thead>
<tbody>
<tr><th scope="row">${g.home} win</th>${columns.map((c) => html`<td class="num"${modelData(c)}>${probabilityCell(c)}</td>`)}</tr>
${row('Margin (market: the spread)', (c) => c.margin)}
${row('Total points', (c) => c.total)}
${market ? row(html`Win vs market`, (c) => (c.versus ? versusCell(c.versus.probabilityPts === null ? null : 100 * c.versus.probabilityPts, 'pp') : '')) : ''}
${market ? row(html`Margin vs market (+ for ${g.home})`, (c) => (c.versus ? versusCell(c.versus.marginPts, 'pts') : '')) : ''}
${market ? row(html`Total vs market`, (c) => (c.versus ? versusCell(c.versus.totalPts, 'pts') : '')) : ''}
${homeWon !== null ? row('Result', (c) => resultCell(c.probability, homeWon, c.model ? forecasts.get(c.model.name)?.settlement?.logLoss : undefined)) : ''}
</tbody>
</table>`;
  return html`<article class="game" aria-labelledby="${id}" data-game-key="${g.gameKey}">
<h2 id="${id}">${teamName(g.away)} ${g.neutralSite ? 'vs' : 'at'} ${teamName(g.home)}</h2>
<p class="meta">${statusText(g)}${g.isDemo ? html` · <span class="muted">demo game</span>` : ''}</p>
${table}
</article>`;
}
