import { LEAGUE, TEAM_COUNT } from './league';
import { pctAgainst, winPct, type StandingsRecord } from './record';
import type { Criterion, SeasonRules } from './rules';

/** What the tiebreakers look at besides the record. */
export interface TiebreakContext {
  readonly rec: StandingsRecord;
  readonly rules: SeasonRules;
  /** 1 for the division winners (all 0 while the division winners themselves are being decided). */
  readonly divisionWinner: Uint8Array;
  /** 1 for the playoff-eligible teams of either conference (ties for the last place included); computed when first needed. */
  readonly eligible: () => Uint8Array;
  /** A random integer in [0, n): the drawing that ends a tie no criterion breaks. */
  readonly draw: (n: number) => number;
  /** Called with the teams whose order a drawing decided (the real standings' test reports them). */
  readonly onDrawing?: (teams: readonly number[]) => void;
}

function criterionValue(c: Criterion, team: number, group: readonly number[], ctx: TiebreakContext): number {
  const { rec } = ctx;
  switch (c) {
    case 'headToHead':
      return pctAgainst(rec, team, group);
    case 'divisionWinner':
      return ctx.divisionWinner[team] as number;
    case 'divisionRecord':
      return pctAgainst(rec, team, LEAGUE.divisionTeams[LEAGUE.division[team] as number] as number[]);
    case 'conferenceRecord':
      return pctAgainst(rec, team, LEAGUE.conferenceTeams[LEAGUE.conference[team] as 0 | 1]);
    case 'playoffEligibleOwn':
    case 'playoffEligibleOther': {
      const own = LEAGUE.conference[team] as 0 | 1;
      const conf = c === 'playoffEligibleOwn' ? own : ((1 - own) as 0 | 1);
      return pctAgainst(
        rec,
        team,
        LEAGUE.conferenceTeams[conf].filter((t) => ctx.eligible()[t] === 1),
      );
    }
    case 'pointDifferential':
      return rec.pointDiff[team] as number;
  }
}

/** Division record counts only when every tied team is in the same division. */
function applies(c: Criterion, group: readonly number[]): boolean {
  if (c !== 'divisionRecord') return true;
  const d = LEAGUE.division[group[0] as number];
  return group.every((t) => LEAGUE.division[t] === d);
}

/**
 * Orders teams with the same winning percentage by the NBA's procedure: the two-team criteria for
 * two, the multi-team criteria for more, in order, until one separates them. A criterion that
 * separates only some of them ranks the groups and every group still tied starts again from the
 * first criterion (two-team or multi-team by its new size). A drawing ends a tie no criterion breaks.
 */
export function breakTie(group: readonly number[], ctx: TiebreakContext): number[] {
  if (group.length < 2) return [...group];
  const criteria = group.length === 2 ? ctx.rules.twoTeamCriteria : ctx.rules.multiTeamCriteria;
  for (const c of criteria) {
    if (!applies(c, group)) continue;
    const values = group.map((t) => criterionValue(c, t, group, ctx));
    const first = values[0] as number;
    if (values.every((v) => v === first)) continue;
    const order = group.map((t, i) => ({ t, v: values[i] as number })).sort((a, b) => b.v - a.v || a.t - b.t);
    const out: number[] = [];
    for (let i = 0; i < order.length;) {
      let j = i + 1;
      while (j < order.length && (order[j] as { v: number }).v === (order[i] as { v: number }).v) j++;
      const sub = order.slice(i, j).map((o) => o.t);
      out.push(...(sub.length > 1 ? breakTie(sub, ctx) : sub));
      i = j;
    }
    return out;
  }
  const shuffled = [...group];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const k = ctx.draw(i + 1);
    [shuffled[i], shuffled[k]] = [shuffled[k] as number, shuffled[i] as number];
  }
  ctx.onDrawing?.(shuffled);
  return shuffled;
}

/** Orders teams by winning percentage, best first, breaking ties with {@link breakTie}. */
export function rankByRecord(teams: readonly number[], ctx: TiebreakContext): number[] {
  // insertion sort on a copy: 15 teams, called once per conference per simulated season
  const sorted = [...teams];
  const pct = teams.map((t) => winPct(ctx.rec, t));
  const key = new Float64Array(TEAM_COUNT);
  teams.forEach((t, i) => (key[t] = pct[i] as number));
  for (let i = 1; i < sorted.length; i++) {
    const t = sorted[i] as number;
    const k = key[t] as number;
    let j = i - 1;
    while (
      j >= 0 &&
      ((key[sorted[j] as number] as number) < k ||
        ((key[sorted[j] as number] as number) === k && (sorted[j] as number) > t))
    ) {
      sorted[j + 1] = sorted[j] as number;
      j--;
    }
    sorted[j + 1] = t;
  }
  let out: number[] | undefined;
  for (let i = 0; i < sorted.length;) {
    const p = key[sorted[i] as number];
    let j = i + 1;
    while (j < sorted.length && key[sorted[j] as number] === p) j++;
    if (j - i > 1) {
      out ??= sorted.slice(0, i);
      out.push(...breakTie(sorted.slice(i, j), ctx));
    } else if (out) out.push(sorted[i] as number);
    i = j;
  }
  return out ?? sorted;
}
