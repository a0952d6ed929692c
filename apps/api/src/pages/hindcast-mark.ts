import { html, type Html } from './html';

/** What a hindcast is, in a few words: the mark's tooltip and the views' legends. */
export const HINDCAST_MEANING =
  'a hindcast: forecast afterwards by a version trained only on the games before that day, not published before the game';

/** The small "h" beside a hindcast's probability (the word in its title; the views' legends say what it means). */
export function hindcastMark(): Html {
  return html`<abbr class="hc" title="${HINDCAST_MEANING}">h</abbr>`;
}
