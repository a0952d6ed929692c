import { html, type Html } from './html';

/** Whether the home side won: null until the game is final with both scores. */
export function homeWonOf(g: { status: string; homeScore: number | null; awayScore: number | null }): boolean | null {
  return g.status === 'final' && g.homeScore !== null && g.awayScore !== null ? g.homeScore > g.awayScore : null;
}

/** Whether a forecast of a side winning picked the result (50% counts as picking that side, as @nba/modeling's accuracy does). */
export function pickedRight(probability: number, won: boolean): boolean {
  return probability >= 0.5 === won;
}

/** ✓ or ✗ with the word for screen readers (and colour, never alone). */
export function verdictMark(right: boolean): Html {
  return right
    ? html`<span class="right">\u2713<span class="vh"> right</span></span>`
    : html`<span class="wrong">\u2717<span class="vh"> wrong</span></span>`;
}
