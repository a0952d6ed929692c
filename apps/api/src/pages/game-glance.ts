import type { GameViewOutput } from '../schemas/games';
import type { StoredPredictionOutput } from '../schemas/predictions';
import { easternTime, spreadText } from './format';
import { gameCard, marketOf } from './game-card';
import { homeWonOf, pickedRight, verdictMark } from './game-result';
import { hindcastMark } from './hindcast-mark';
import { html, trusted, type Html, type HtmlValue } from './html';
import { modelDescription } from './model-order';

/** A probability as a whole percentage, for compact rows: 0.631 -> `63%`. */
export function wholePercent(p: number | null | undefined): string {
  return p === null || p === undefined || !Number.isFinite(p) ? '\u2014' : `${Math.round(100 * p)}%`;
}

/** A team's code linked to its team view. */
export function teamLink(code: string): Html {
  return html`<a href="/team/${code}">${code}</a>`;
}

/**
 * The probability bar (pure HTML and CSS, hidden from screen readers: the numbers are in the row):
 * the away side's share on the left, the home side's on the right at the first model's forecast,
 * and a tick where the market puts it.
 */
function probabilityBar(home: number | null, market: number | null): HtmlValue {
  if (home === null) return '';
  const pct = (p: number) => (100 * Math.min(1, Math.max(0, p))).toFixed(1);
  const tick = market === null ? '' : html`<span class="pbar-market" style="left:${pct(1 - market)}%"></span>`;
  return html`<span class="pbar" aria-hidden="true"><span class="pbar-home" style="width:${pct(home)}%"></span>${tick}</span>`;
}

/** Under the spread: the tip-off before the game, the winner and the score after it. */
function statusCell(g: GameViewOutput): HtmlValue {
  const homeWon = homeWonOf(g);
  if (homeWon !== null && g.homeScore !== null && g.awayScore !== null) {
    const [winner, high, low] = homeWon ? [g.home, g.homeScore, g.awayScore] : [g.away, g.awayScore, g.homeScore];
    return html`<span class="vh">Final: </span><strong>${winner}</strong> ${high}\u2013${low}`;
  }
  switch (g.status) {
    case 'live':
      return 'In progress';
    case 'postponed':
      return 'Postponed';
    case 'cancelled':
      return 'Cancelled';
    default:
      return g.tipoff ? html`<time datetime="${g.tipoff}" data-local>${easternTime(new Date(g.tipoff))}</time>` : 'TBA';
  }
}

/** One game's rows: the numbers, then the bar, each forecast's ✓ or ✗ and the score, then the full table on demand. */
function gameRows(
  g: GameViewOutput,
  forecasts: ReadonlyMap<string, StoredPredictionOutput>,
  modelNames: readonly string[],
): Html {
  const shown = modelNames.map((n) => forecasts.get(n));
  const market = marketOf(forecasts, modelNames);
  const homeWon = homeWonOf(g);
  const mark = (p: number | null | undefined) =>
    homeWon === null || p === null || p === undefined ? '' : verdictMark(pickedRight(p, homeWon));
  const modelCell = (name: string, p: StoredPredictionOutput | undefined) => {
    if (!p) return html`<td class="num">\u2014</td>`;
    if (p.withheld)
      return html`<td class="num" data-model="${name}" data-withheld-reason="${p.withheld.reason}" title="withheld: ${p.withheld.message}">\u2014</td>`;
    return html`<td class="num" data-model="${name}" data-version="${p.model.version}" data-kind="${p.model.kind}" data-home-win-probability="${String(p.homeWinProbability)}">${wholePercent(p.homeWinProbability)}${p.model.kind === 'hindcast' ? hindcastMark() : ''}</td>`;
  };
  const columns = modelNames.length + 2;
  const matchup = html`${teamLink(g.away)} <span class="at">${g.neutralSite ? 'vs' : '@'}</span> ${teamLink(g.home)}`;
  return html`<tbody class="glance-game" data-game-key="${g.gameKey}">
<tr class="glance-numbers"><th scope="row">${matchup}</th>${modelNames.map((n, i) => modelCell(n, shown[i]))}<td class="num">${wholePercent(market?.homeProbability)}</td><td class="num">${market?.spread == null ? '\u2014' : spreadText(market.spread, g.home, g.away)}</td></tr>
<tr class="glance-marks"><td>${probabilityBar(shown[0]?.homeWinProbability ?? null, market?.homeProbability ?? null)}</td>${shown.map((p) => html`<td>${mark(p?.homeWinProbability)}</td>`)}<td>${mark(market?.homeProbability)}</td><td class="num">${statusCell(g)}</td></tr>
<tr class="glance-full"><td colspan="${columns}"><details><summary>Full table<span class="vh"> of ${g.away} at ${g.home}</span></summary>
${gameCard(g, forecasts, modelNames)}
</details></td></tr>
</tbody>`;
}

/**
 * The day at a glance: one compact row per game (the teams linked to their team views, each model's
 * and the market's chance of a home win, the spread, a probability bar; once played, whether each
 * forecast picked the winner and the score), each with its full table (`gameCard`) in a
 * `<details>` that opens without JavaScript. Columns: the models in `modelNames` order, then the market.
 */
export function glanceTable(
  games: readonly GameViewOutput[],
  byGame: ReadonlyMap<number, ReadonlyMap<string, StoredPredictionOutput>>,
  modelNames: readonly string[],
): Html {
  const modelHeading = (n: string) => {
    const about = modelDescription(n);
    return html`<th scope="col" class="p" title="${n}">${about ?? n}${about ? html`<span class="vh"> (${n})</span>` : ''}</th>`;
  };
  return html`<table class="glance">
<caption>Chance of a home win (away @ home)<span class="vh">; under each game, whether each forecast was right and the final score, then its full table</span></caption>
<colgroup><col>${modelNames.map(() => trusted('<col class="p">'))}<col class="p"><col class="spread"></colgroup>
<thead><tr><th scope="col">Game</th>${modelNames.map(modelHeading)}<th scope="col" class="p">Market</th><th scope="col">Spread</th></tr></thead>
${games.map((g) => gameRows(g, byGame.get(g.id) ?? new Map<string, StoredPredictionOutput>(), modelNames))}
</table>`;
}
