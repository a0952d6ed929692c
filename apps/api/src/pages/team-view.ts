import { seasonLabel, teamByCode } from '@nba/config';
import type { TeamForecastRecord, TeamGame, TeamSeason } from '@nba/lifecycle';
import { easternTime, fixed, percent, signed } from './format';
import { teamLink, wholePercent } from './game-glance';
import { pickedRight, verdictMark } from './game-result';
import { HINDCAST_MEANING, hindcastMark } from './hindcast-mark';
import { html, trusted, type Html, type HtmlValue } from './html';
import { layout } from './layout';
import { modelDescription } from './model-order';

/** What the team view shows. */
export interface TeamPage {
  season: TeamSeason;
  /** Model names in page order (the API's default first): the games table's columns and the record's rows. */
  modelNames: readonly string[];
  /** The rating chart, drawn (SVG text); null when no rating is stored for the season. */
  ratingSvg: string | null;
}

const MONTH_DAY = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });

/** A day in the games table: `Jan 15`. */
const monthDay = (date: string) => MONTH_DAY.format(new Date(`${date}T00:00:00Z`));

function modelLabel(name: string, kind: TeamForecastRecord['kind']): Html {
  const about = modelDescription(name);
  return html`${name}${about ? html` <span class="sub">${about}</span>` : ''}${kind === 'hindcast' ? html`<span class="sub">hindcasts</span>` : ''}`;
}

/** A probability of the team winning (marked when a hindcast) with ✓ or ✗ once the game is final. */
function chanceCell(
  p: number | null | undefined,
  won: boolean | null,
  data: Html | string = '',
  hindcast = false,
): Html {
  if (p === null || p === undefined) return html`<td class="num"${data}>\u2014</td>`;
  const mark = hindcast ? hindcastMark() : '';
  return html`<td class="num"${data}>${wholePercent(p)}${mark}${won === null ? '' : html`\u2009${verdictMark(pickedRight(p, won))}`}</td>`;
}

function resultCell(g: TeamGame): HtmlValue {
  if (g.teamWon !== null && g.teamScore !== null && g.opponentScore !== null) {
    const verdict = html`<span class="${g.teamWon ? 'right' : 'wrong'}">${g.teamWon ? 'W' : 'L'}<span class="vh">${g.teamWon ? 'on' : 'ost'}</span></span>`;
    return html`<span class="score">${verdict} ${g.teamScore}\u2013${g.opponentScore}</span>`;
  }
  if (g.status === 'postponed' || g.status === 'cancelled') return g.status === 'postponed' ? 'Postponed' : 'Cancelled';
  if (g.status === 'live') return 'In progress';
  return g.tipoff
    ? html`<time datetime="${g.tipoff.toISOString()}" data-local>${easternTime(g.tipoff)}</time>`
    : 'scheduled';
}

function gameRow(g: TeamGame, modelNames: readonly string[]): Html {
  const cells = modelNames.map((name) => {
    const f = g.forecasts.find((x) => x.model === name);
    if (f?.withheld)
      return html`<td class="num" data-model="${name}" data-withheld-reason="${f.withheld.reason}" title="${f.withheld.message}">withheld</td>`;
    const data = f
      ? html` data-model="${name}" data-version="${f.version}" data-kind="${f.kind}" data-team-win-probability="${String(f.teamWinProb)}"`
      : '';
    return chanceCell(f?.teamWinProb, g.teamWon, data, f?.kind === 'hindcast');
  });
  const where = g.home || g.neutralSite ? 'vs' : '@';
  const side = g.neutralSite ? ' at a neutral site' : g.home ? ' at home' : ' away';
  return html`<tr data-game-key="${g.gameKey}" data-home="${String(g.home)}"><td><a href="/?date=${g.date}">${monthDay(g.date)}</a></td>
<th scope="row"><span class="at">${where}</span> ${teamLink(g.opponent)}<span class="vh">${side}</span></th>
${cells}${chanceCell(g.market?.teamWinProb, g.teamWon)}<td class="num result">${resultCell(g)}</td></tr>`;
}

function gamesSection(s: TeamSeason, modelNames: readonly string[]): Html {
  const rest = s.remaining
    ? html` ${s.remaining} more ${s.remaining === 1 ? 'game is' : 'games are'} scheduled without a forecast yet.`
    : '';
  if (s.games.length === 0)
    return html`<p class="notice" role="status">No games of ${s.team} are stored for the ${seasonLabel(s.season)} season yet.${rest}</p>`;
  const heading = (n: string) =>
    html`<th scope="col" title="${n}">${modelDescription(n) ?? n}${modelDescription(n) ? html`<span class="vh"> (${n})</span>` : ''}</th>`;
  const hindcasts = s.games.some((g) => g.forecasts.some((f) => f.kind === 'hindcast'))
    ? html` <abbr class="hc">h</abbr> marks ${HINDCAST_MEANING}; shown where the game has no live forecast.`
    : '';
  return html`<p>Newest first. Each model's and the market's chance of ${s.team} winning (the newest stored forecast of each model), with ${trusted('\u2713')} when it picked the winner and ${trusted('\u2717')} when not; the date links to the day's games.${hindcasts}${rest}</p>
<div class="table-scroll" role="region" aria-labelledby="team-games-caption" tabindex="0">
<table class="team-games"><caption id="team-games-caption">${s.team} games, ${seasonLabel(s.season)}</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Opponent</th>${modelNames.map(heading)}<th scope="col">Market</th><th scope="col">Result</th></tr></thead>
<tbody>${[...s.games].reverse().map((g) => gameRow(g, modelNames))}</tbody>
</table>
</div>`;
}

function recordRows(r: TeamForecastRecord): Html {
  const row = (games: number, scores: { logLoss: number; accuracy: number }) =>
    html`<td class="num">${games}</td><td class="num">${fixed(scores.logLoss, 3)}</td><td class="num">${percent(scores.accuracy)}</td>`;
  if (r.vsMarket) {
    return html`<tbody data-model="${r.model}" data-kind="${r.kind}"><tr><th scope="row">${modelLabel(r.model, r.kind)}</th>${row(r.vsMarket.games, r.vsMarket.model)}</tr>
<tr class="market-row"><th scope="row">Market, same games</th>${row(r.vsMarket.games, r.vsMarket.market)}</tr></tbody>`;
  }
  return html`<tbody data-model="${r.model}" data-kind="${r.kind}"><tr><th scope="row">${modelLabel(r.model, r.kind)}</th>${r.scores ? row(r.games, r.scores) : html`<td class="num">0</td><td class="num">\u2014</td><td class="num">\u2014</td>`}</tr>
<tr class="market-row"><th scope="row">Market</th><td colspan="3">no market line on these games</td></tr></tbody>`;
}

function recordSection(s: TeamSeason, modelNames: readonly string[]): Html {
  // live and hindcast records apart, never mixed: live first
  const records = modelNames.flatMap((n) => s.records.filter((r) => r.model === n));
  const scored = records.filter((r) => r.games > 0);
  if (scored.length === 0)
    return html`<p class="notice" role="status">No final game of ${s.team} this season has a stored forecast yet.</p>`;
  const extra = scored.filter((r) => r.vsMarket && r.vsMarket.games < r.games);
  return html`<table class="team-record"><caption>Forecasts of ${s.team}'s final games, ${seasonLabel(s.season)}</caption>
<thead><tr><th scope="col">Forecaster</th><th scope="col">Games</th><th scope="col">Log loss</th><th scope="col">Accuracy</th></tr></thead>
${scored.map(recordRows)}
</table>
<p class="muted">Each model beside the market's closing line on the same games (those with a line when the forecast was stored). Lower log loss is better; accuracy counts the games where the side given 50% or more won.${
    records.some((r) => r.kind === 'hindcast') ? ' Hindcasts are scored apart from live forecasts.' : ''
  }${extra.map((r) => html` ${r.model}${r.kind === 'hindcast' ? ' (hindcasts)' : ''} forecast ${r.games} final games in all (log loss ${fixed(r.scores?.logLoss, 3)}).`)}</p>`;
}

/** Ratings in the table under the chart: newest first. */
function ratingFigure(s: TeamSeason, svg: string): Html {
  const rows = [...s.ratings]
    .reverse()
    .map(
      (r) =>
        html`<tr><th scope="row">${monthDay(r.date)}</th><td class="num">${signed(r.rating)}</td><td class="num">${r.wins}\u2013${r.losses}</td></tr>`,
    );
  return html`<figure class="chart" data-chart="rating">
<figcaption>${s.team}'s rating on each morning with a stored season outlook.</figcaption>
${trusted(svg)}
<details><summary>The rating as a table (${s.ratings.length} mornings)</summary>
<div class="table-scroll" role="region" aria-label="${s.team} rating by morning" tabindex="0">
<table><thead><tr><th scope="col">Morning</th><th scope="col">Rating</th><th scope="col">Record</th></tr></thead><tbody>${rows}</tbody></table>
</div>
</details>
</figure>`;
}

function ratingSection(page: TeamPage): Html {
  const s = page.season;
  const model = s.ratingModel;
  if (!model || !page.ratingSvg) {
    return html`<p class="notice" role="status">No season outlook is stored for ${seasonLabel(s.season)}, so there is no rating history: the daily pipeline's <code>outlook</code> task stores every team's rating each morning.</p>`;
  }
  return html`<p>The season outlook's rating (<code>${model.name}</code> v${model.version}, from @nba/season): points per game better (+) or worse (\u2212) than an average team on a neutral floor, fitted each morning on the closing spreads and results of the games before it. The outlook simulates the rest of the season from these ratings.</p>
${ratingFigure(s, page.ratingSvg)}`;
}

/** The season picker: a plain GET form, so it works without JavaScript. */
function seasonPicker(s: TeamSeason): HtmlValue {
  const seasons = s.seasons.includes(s.season) ? s.seasons : [s.season, ...s.seasons];
  if (seasons.length < 2) return '';
  return html`<form class="daynav" method="get" action="/team/${s.team}"><label for="season">Season</label><select id="season" name="season">${seasons.map(
    (y) => html`<option value="${y}"${y === s.season ? trusted(' selected') : ''}>${seasonLabel(y)}</option>`,
  )}</select><button type="submit">Show</button></form>`;
}

function lede(s: TeamSeason): Html {
  const final = s.games.filter((g) => g.teamWon !== null);
  const wins = final.filter((g) => g.teamWon).length;
  const rating = s.ratings.at(-1);
  return html`<p class="lede">${seasonLabel(s.season)}: ${wins}\u2013${final.length - wins} in ${final.length} final games${
    rating ? html` · rating ${signed(rating.rating)} on the morning of ${monthDay(rating.date)}` : ''
  }</p>`;
}

/** The team view: the season so far with each game's forecasts and result, the rating over time, and the record against the forecasts. */
export function teamView(page: TeamPage): string {
  const s = page.season;
  const name = teamByCode(s.team)?.name ?? s.team;
  const body = html`<h1>${name} <span class="muted">(${s.team})</span></h1>
${lede(s)}
${seasonPicker(s)}
<section aria-labelledby="team-record"><h2 id="team-record">Record against the forecasts</h2>
${recordSection(s, page.modelNames)}
</section>
<section aria-labelledby="team-rating"><h2 id="team-rating">Rating over the season</h2>
${ratingSection(page)}
</section>
<section aria-labelledby="team-games"><h2 id="team-games">Games</h2>
${gamesSection(s, page.modelNames)}
</section>`;
  return layout({ title: `${name}, ${seasonLabel(s.season)}`, demo: s.isDemo, body });
}
