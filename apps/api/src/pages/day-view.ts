import { addDays, SUPPORTED_DATES } from '@nba/config';
import type { StoredPredictionOutput } from '../schemas/predictions';
import type { DayData } from './day-data';
import { longDay } from './format';
import { glanceTable } from './game-glance';
import { HINDCAST_MEANING } from './hindcast-mark';
import { html, type Html } from './html';
import { layout } from './layout';
import { modelDescription, orderModelNames } from './model-order';

function dayLink(date: string, label: Html | string, rel?: string): Html {
  return html`<a href="/?date=${date}"${rel ? html` rel="${rel}"` : ''}>${label}</a>`;
}

/**
 * Previous/next day links and a date picker: a plain GET form, so it works without JavaScript
 * (browsers without a date input show a text field that takes `YYYY-MM-DD`).
 */
/** The day picker's input, limited to the days the API supports. */
function dateInput(date: string): Html {
  return html`<input type="date" id="date" name="date" value="${date}" min="${SUPPORTED_DATES.from}" max="${SUPPORTED_DATES.to}" required>`;
}

export function dayNavigation(date: string, today: string): Html {
  const prev = addDays(date, -1);
  const next = addDays(date, 1);
  return html`<nav class="daynav" aria-label="Days">
${prev >= SUPPORTED_DATES.from ? dayLink(prev, '\u2190 Previous day', 'prev') : ''}
${next <= SUPPORTED_DATES.to ? dayLink(next, 'Next day \u2192', 'next') : ''}
${date !== today ? dayLink(today, 'Today') : ''}
<form method="get" action="/"><label for="date">Day</label>${dateInput(date)}<button type="submit">Show</button></form>
</nav>`;
}

/** The forecast shown of each model name for each game: rows come live first, newest first, per game (`storedForecastsOnDate`), so the newest live one, else the newest hindcast. */
function latestByGame(
  predictions: readonly StoredPredictionOutput[],
): Map<number, Map<string, StoredPredictionOutput>> {
  const byGame = new Map<number, Map<string, StoredPredictionOutput>>();
  for (const p of predictions) {
    let models = byGame.get(p.gameId);
    if (!models) byGame.set(p.gameId, (models = new Map<string, StoredPredictionOutput>()));
    if (!models.has(p.model.name)) models.set(p.model.name, p);
  }
  return byGame;
}

function emptyDay(data: DayData): Html {
  const { before, after } = data.nearest ?? { before: null, after: null };
  const links = [
    before ? dayLink(before, html`the last day with games before it, ${longDay(before)}`) : null,
    after ? dayLink(after, html`the next one, ${longDay(after)}`) : null,
  ].filter((l) => l !== null);
  const more = links.length
    ? html` See ${links.map((l, i) => html`${i > 0 ? ' or ' : ''}${l}`)}.`
    : ' The database holds no games yet: run the daily pipeline.';
  return html`<p class="notice" role="status">No games on ${longDay(data.date)}.${more}</p>`;
}

/**
 * The day view: every game of the day at a glance, one compact row each with each model's forecast
 * beside the market's (models in page order: the default one first) and after the games the scores
 * and whether each forecast was right; each game's full table opens under its row.
 */
export function dayView(data: DayData, options: { today: string; defaultModel: string; demo?: boolean }): string {
  const byGame = latestByGame(data.predictions);
  const modelNames = orderModelNames(
    data.predictions.map((p) => p.model.name),
    options.defaultModel,
  );
  // the shown forecast of a game is its live one; a hindcast only where it has none (see latestByGame)
  const hindcasts = [...byGame.values()].some((models) =>
    [...models.values()].some((p) => p.model.kind === 'hindcast'),
  );
  const demo = options.demo ?? (data.games.some((g) => g.isDemo) || data.predictions.some((p) => p.isDemo));
  const forecastsBy = modelNames.map(
    (n) => html`<strong>${n}</strong>${modelDescription(n) ? ` (${modelDescription(n)})` : ''}`,
  );
  const summary =
    data.games.length === 0
      ? emptyDay(data)
      : html`<p>${data.games.length} ${data.games.length === 1 ? 'game' : 'games'}${
          modelNames.length
            ? html`; forecasts by ${forecastsBy.map((f, i) => html`${i > 0 ? ' and ' : ''}${f}`)} beside the betting market's closing line.`
            : '. No forecasts are stored for this day yet.'
        } Probabilities are for the home team; points differences are the model's number minus the market's.${
          modelNames.length
            ? html` The bar shows the away side's chance on the left and the home side's on the right by ${modelNames[0]}, with a tick where the market puts it. Each game's full table (margins, totals, the differences from the market and, once played, how each forecast scored) opens under its row.${
                hindcasts
                  ? html` <abbr class="hc">h</abbr> marks ${HINDCAST_MEANING}, shown where the game has no live forecast.`
                  : ''
              }`
            : ''
        }</p>`;
  const heading = data.date === options.today ? html`Today, ${longDay(data.date)}` : html`${longDay(data.date)}`;
  const body = html`<h1>${heading}</h1>
${dayNavigation(data.date, options.today)}
${data.games.length ? glanceTable(data.games, byGame, modelNames) : ''}
${summary}`;
  return layout({ title: longDay(data.date), active: 'day', demo, body });
}
