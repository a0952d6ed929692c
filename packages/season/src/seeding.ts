import { LEAGUE, TEAM_COUNT, type Conference } from './league';
import { winPct, type StandingsRecord } from './record';
import type { SeasonRules } from './rules';
import { breakTie, rankByRecord, type TiebreakContext } from './tiebreak';

/** A conference's final regular-season order. */
export interface ConferenceStandings {
  readonly conference: Conference;
  /** Team indices by position 1..15 (index 0 is the first seed). */
  readonly order: readonly number[];
  readonly divisionWinners: readonly number[];
}

/** Options of {@link conferenceStandings}. */
export interface StandingsOptions {
  /** Random integer in [0, n) for drawings (a simulation passes its generator). */
  readonly draw: (n: number) => number;
  readonly onDrawing?: (teams: readonly number[]) => void;
}

/**
 * Playoff-eligible teams for the tiebreak criteria: the best `rules.playoffEligible` of each
 * conference by winning percentage, every team tied with the last of them, and (while they were
 * guaranteed a place) every division leader.
 */
function eligibleTeams(rec: StandingsRecord, rules: SeasonRules): Uint8Array {
  const eligible = new Uint8Array(TEAM_COUNT);
  for (const teams of LEAGUE.conferenceTeams) {
    const pcts = teams.map((t) => winPct(rec, t)).sort((a, b) => b - a);
    const cut = pcts[Math.min(rules.playoffEligible, pcts.length) - 1] as number;
    for (const t of teams) if (winPct(rec, t) >= cut) eligible[t] = 1;
  }
  if (rules.divisionWinnerTopFour) {
    for (const div of LEAGUE.divisionTeams) {
      const best = Math.max(...div.map((t) => winPct(rec, t)));
      for (const t of div) if (winPct(rec, t) === best) eligible[t] = 1;
    }
  }
  return eligible;
}

/**
 * Both conferences' standings by the season's rules: division winners first (ties broken by the
 * procedure, used for nothing else), then seeds by record with the tiebreakers; through 2014-15
 * the division winners and the best other team take seeds 1-4 (ordered among themselves by record).
 */
export function leagueStandings(
  rec: StandingsRecord,
  rules: SeasonRules,
  options: StandingsOptions,
): [ConferenceStandings, ConferenceStandings] {
  let eligible: Uint8Array | undefined;
  const lazyEligible = (): Uint8Array => (eligible ??= eligibleTeams(rec, rules));
  const none = new Uint8Array(TEAM_COUNT);
  const base = {
    rec,
    rules,
    eligible: lazyEligible,
    draw: options.draw,
    ...(options.onDrawing ? { onDrawing: options.onDrawing } : {}),
  };
  const divisionWinner = new Uint8Array(TEAM_COUNT);
  const winners: number[] = [];
  for (const div of LEAGUE.divisionTeams) {
    let best = -1;
    let leaders: number[] = [];
    for (const t of div) {
      const p = winPct(rec, t);
      if (p > best) {
        best = p;
        leaders = [t];
      } else if (p === best) leaders.push(t);
    }
    const winner = (leaders.length > 1 ? breakTie(leaders, { ...base, divisionWinner: none }) : leaders)[0] as number;
    divisionWinner[winner] = 1;
    winners.push(winner);
  }
  const ctx: TiebreakContext = { ...base, divisionWinner };
  const result: ConferenceStandings[] = [];
  for (const conference of [0, 1] as const) {
    const teams = LEAGUE.conferenceTeams[conference];
    const confWinners = winners.filter((t) => LEAGUE.conference[t] === conference);
    let order: number[];
    if (rules.divisionWinnerTopFour) {
      const others = rankByRecord(
        teams.filter((t) => divisionWinner[t] === 0),
        ctx,
      );
      order = [...rankByRecord([...confWinners, others[0] as number], ctx), ...others.slice(1)];
    } else {
      order = rankByRecord(teams, ctx);
    }
    result.push({ conference, order, divisionWinners: confWinners });
  }
  return result as [ConferenceStandings, ConferenceStandings];
}
