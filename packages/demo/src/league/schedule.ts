import { addDays, TEAMS } from '@nba/config';
import type { Rng } from './rng';

export interface ScheduledGame {
  date: string;
  homeCode: string;
  awayCode: string;
}

/**
 * The pairings of an 82-game season: two games against each team of the other conference, three
 * against each team of the own conference, and a fourth against ten of them (a circulant pattern,
 * so it is symmetric): 30 + 42 + 10 = 82 per team, 1,230 in all, home and away balanced.
 */
export function seasonPairings(rng: Rng): { home: string; away: string }[] {
  const east = rng.shuffle(TEAMS.filter((t) => t.conference === 'East').map((t) => t.code));
  const west = rng.shuffle(TEAMS.filter((t) => t.conference === 'West').map((t) => t.code));
  const games: { home: string; away: string }[] = [];
  for (const a of east) for (const b of west) games.push({ home: a, away: b }, { home: b, away: a });
  for (const conf of [east, west]) {
    const n = conf.length;
    for (const [i, a] of conf.entries()) {
      for (const [j, b] of conf.entries()) {
        if (j <= i) continue;
        games.push({ home: a, away: b }, { home: b, away: a });
        const gap = Math.min(j - i, n - (j - i));
        // The third game's home side alternates by pair; circulant neighbours (gap <= 5) play a fourth.
        games.push((i + j) % 2 === 0 ? { home: a, away: b } : { home: b, away: a });
        if (gap <= 5) games.push((i + j) % 2 === 0 ? { home: b, away: a } : { home: a, away: b });
      }
    }
  }
  return games;
}

/**
 * Spreads the pairings over the days from `start` (about 7 games a day, none on `skip` dates),
 * never a team twice in a day; each day favours the teams with the most games left, so the season
 * ends together (mid-April for a late-October start).
 */
export function scheduleSeason(rng: Rng, start: string, days = 174, skip: readonly string[] = []): ScheduledGame[] {
  let remaining = rng.shuffle(seasonPairings(rng)).map((g, i) => ({ ...g, tiebreak: i }));
  const left = new Map<string, number>();
  for (const g of remaining) for (const t of [g.home, g.away]) left.set(t, (left.get(t) ?? 0) + 1);
  const out: ScheduledGame[] = [];
  for (let day = 0; remaining.length > 0; day++) {
    const date = addDays(start, day);
    if (skip.includes(date)) continue;
    const daysLeft = Math.max(1, days - day);
    const target = Math.min(15, Math.ceil(remaining.length / daysLeft) + rng.int(3) - 1);
    const busy = new Set<string>();
    // a team no longer in `left` has no games left; the key is computed once per game and day
    const byLeft = remaining.map((g) => ({ g, key: (left.get(g.home) ?? 0) + (left.get(g.away) ?? 0) }));
    byLeft.sort((a, b) => b.key - a.key || a.g.tiebreak - b.g.tiebreak);
    const next: typeof remaining = [];
    for (const { g } of byLeft) {
      if (busy.size / 2 < target && !busy.has(g.home) && !busy.has(g.away)) {
        busy.add(g.home);
        busy.add(g.away);
        left.set(g.home, (left.get(g.home) ?? 0) - 1);
        left.set(g.away, (left.get(g.away) ?? 0) - 1);
        out.push({ date, homeCode: g.home, awayCode: g.away });
      } else next.push(g);
    }
    remaining = next;
  }
  return out;
}
