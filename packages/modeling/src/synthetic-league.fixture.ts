import type { ClosingLine, GameRecord } from '@nba/games';
import { TEAM_CODES } from '@nba/features';

/** Three made-up seasons: fixed team strengths, normal noise, a line that knows the strengths. */
export function synthetic(): { games: GameRecord[]; lines: Map<string, ClosingLine> } {
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const strength = new Map(TEAM_CODES.map((t, i) => [t, (i - 14.5) * 0.6]));
  const games: GameRecord[] = [];
  const lines = new Map<string, ClosingLine>();
  for (const season of [2001, 2002, 2003]) {
    const start = Date.UTC(season - 1, 10, 1);
    for (let d = 0; d < 150; d++) {
      const date = new Date(start + d * 86400000).toISOString().slice(0, 10);
      const order = [...TEAM_CODES].sort(() => rand() - 0.5);
      for (let k = 0; k < 8; k++) {
        const home = order[2 * k] as string;
        const away = order[2 * k + 1] as string;
        const mean = (strength.get(home) as number) - (strength.get(away) as number) + 3;
        const margin = Math.round(mean + 12 * normal()) || 1;
        const total = Math.round(215 + 15 * normal());
        const id = `${date}_${away}_${home}`;
        games.push({
          id,
          season,
          date,
          home,
          away,
          gameType: 'regular',
          neutral: false,
          homePts: Math.round((total + margin) / 2),
          awayPts: Math.round((total - margin) / 2),
        });
        lines.set(id, { spreadHome: -Math.round(mean * 2) / 2, total: 215 });
      }
    }
  }
  return { games, lines };
}
