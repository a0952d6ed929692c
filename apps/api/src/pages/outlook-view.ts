import type { StoredOutlook, TeamOutlookRow } from '@nba/lifecycle';
import { fixed, longDay, percent, shortDay, signed } from './format';
import { teamLink } from './game-glance';
import { html, trusted, type Html } from './html';
import { layout } from './layout';
import type { ChartedOdds } from './outlook-charts';

/** What the outlook view shows. */
export interface OutlookPage {
  outlook: StoredOutlook;
  /** Every team's stored rows of the season, by date (the chart's data and the week's change). */
  history: readonly TeamOutlookRow[];
  /** The date the week's change is measured from (the latest stored on or before 7 days earlier), if any. */
  weekAgo: string | undefined;
  /** The two charts, drawn (SVG text). */
  svgs: Readonly<Record<ChartedOdds, string>>;
}

/** Dates shown in a chart's table: at most this many, evenly spread, the first and last always. */
const TABLE_DATES = 8;

function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))] as T);
}

function change(now: number, before: number | undefined): Html {
  if (before === undefined) return html`\u2014`;
  const pp = 100 * (now - before);
  const text = `${signed(pp)} pp`;
  return Math.abs(pp) < 0.05 ? html`${text}` : html`<span class="${pp > 0 ? 'right' : 'wrong'}">${text}</span>`;
}

function conferenceTable(page: OutlookPage, conference: 'East' | 'West'): Html {
  const before = new Map(page.history.filter((r) => r.date === page.weekAgo).map((r) => [r.team, r.makePlayoffs]));
  const since = page.weekAgo ? `since ${shortDay(page.weekAgo)}` : 'over 7 days (no outlook stored a week earlier)';
  const row = (r: TeamOutlookRow, i: number) =>
    html`<tr data-team="${r.team}"><th scope="row">${i + 1}. ${teamLink(r.team)}</th><td class="num">${r.wins}\u2013${r.losses}</td><td class="num">${fixed(r.winsMean)}</td>
<td class="num">${percent(r.makePlayin)}</td><td class="num">${percent(r.makePlayoffs)}</td><td class="num">${percent(r.topSeed)}</td>
<td class="num">${percent(r.makeConfFinals)}</td><td class="num">${percent(r.makeFinals)}</td><td class="num">${percent(r.winFinals)}</td>
<td class="num">${change(r.makePlayoffs, before.get(r.team))}</td></tr>`;
  const teams = page.outlook.teams.filter((r) => r.conference === conference);
  return html`<section aria-labelledby="conf-${conference}">
<h2 id="conf-${conference}">${conference}ern Conference</h2>
<div class="table-scroll" role="region" aria-labelledby="cap-${conference}" tabindex="0">
<table class="outlook-table" data-conference="${conference}"><caption id="cap-${conference}">${conference}: by chance of making the playoffs</caption>
<thead><tr><th scope="col">Team</th><th scope="col">Record</th><th scope="col">Projected wins</th><th scope="col">P(play-in)</th><th scope="col">P(playoffs)</th>
<th scope="col">P(top seed)</th><th scope="col">P(conference finals)</th><th scope="col">P(finals)</th><th scope="col">P(title)</th><th scope="col">Playoff odds ${since}</th></tr></thead>
<tbody>${teams.map(row)}</tbody></table>
</div>
</section>`;
}

const LABEL: Readonly<Record<ChartedOdds, string>> = { makePlayoffs: 'playoffs', winFinals: 'title' };

function oddsFigure(page: OutlookPage, odds: ChartedOdds): Html {
  const dates = [...new Set(page.history.map((r) => r.date))];
  const shown = spread(dates, TABLE_DATES);
  const at = new Map(page.history.map((r) => [`${r.date}|${r.team}`, r[odds]]));
  const teamRow = (r: TeamOutlookRow) =>
    html`<tr><th scope="row">${teamLink(r.team)}</th>${shown.map((d) => html`<td class="num">${percent(at.get(`${d}|${r.team}`))}</td>`)}</tr>`;
  const part = shown.length < dates.length ? ` (${shown.length} of ${dates.length} mornings, evenly spread)` : '';
  return html`<figure class="chart" data-odds="${odds}">
<figcaption>Every team's chance of ${odds === 'makePlayoffs' ? 'making the playoffs' : 'winning the title'} on each morning with a stored outlook, by conference.</figcaption>
${trusted(page.svgs[odds])}
<details><summary>Chance of the ${LABEL[odds]} as a table${part}</summary>
<div class="table-scroll" role="region" aria-label="Chance of the ${LABEL[odds]} by morning" tabindex="0">
<table><thead><tr><th scope="col">Team</th>${shown.map((d) => html`<th scope="col">${shortDay(d)}</th>`)}</tr></thead>
<tbody>${page.outlook.teams.map(teamRow)}</tbody></table>
</div>
</details>
</figure>`;
}

const INTRO = trusted(
  "The season simulated thousands of times from each team's rating and the remaining schedule, as of the morning shown: " +
    'play-in and playoff chances, seeds and rounds under the NBA tiebreakers. P(play-in) is the chance of finishing 7th to 10th.',
);

/** The outlook view: both conferences as tables, and every team's playoff and title odds over the season as charts (each with its data as a table). */
export function outlookView(page: OutlookPage): string {
  const o = page.outlook;
  const body = html`<h1>Season outlook</h1>
<p class="lede">Morning of ${longDay(o.date)} \u00b7 ${o.simulations.toLocaleString('en-US')} simulations \u00b7 ratings: ${o.ratingModel}</p>
<p>${INTRO}</p>
${conferenceTable(page, 'East')}
${conferenceTable(page, 'West')}
<section aria-labelledby="odds-season"><h2 id="odds-season">Odds over the season</h2>
${oddsFigure(page, 'makePlayoffs')}
${oddsFigure(page, 'winFinals')}
</section>`;
  return layout({ title: 'Season outlook', active: 'outlook', demo: o.isDemo, body });
}

/** The page when no outlook is stored yet: says what stores one. */
export function noOutlookView(demo: boolean, date: string | undefined): string {
  const message = date
    ? html`No season outlook is stored for ${longDay(date)}. <a href="/outlook">The latest outlook</a>.`
    : html`No season outlook is stored yet: the daily pipeline's <code>outlook</code> task stores one each morning.`;
  return layout({
    title: 'Season outlook',
    active: 'outlook',
    demo,
    body: html`<h1>Season outlook</h1>\n<p class="notice" role="status">${message}</p>`,
  });
}
