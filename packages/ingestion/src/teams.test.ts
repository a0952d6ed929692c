import { TEAMS } from '@nba/db';
import { GamesError, teamCodeOfName } from '@nba/games';
import { teamCodeOfApiBasketball, teamName } from './teams';

describe('team normalisation', () => {
  it.each([
    ['Los Angeles Clippers', 'LAC'],
    ['LA Clippers', 'LAC'],
    ['L.A. Lakers', 'LAL'],
    ['New Jersey Nets', 'BKN'],
    ['NJN', 'BKN'],
    ['Seattle SuperSonics', 'OKC'],
    ['New Orleans/Oklahoma City Hornets', 'NOP'],
    ['Charlotte Bobcats', 'CHA'],
    ['  philadelphia 76ERS ', 'PHI'],
    ['Portland Trail Blazers', 'POR'],
  ])('%s -> %s', (name, code) => {
    expect(teamCodeOfName(name)).toBe(code);
  });

  it('maps every full name and API-Basketball id (132-161) to its own code', () => {
    for (const t of TEAMS) {
      expect(teamCodeOfName(t.name)).toBe(t.code);
      expect(teamCodeOfApiBasketball(t.apiBasketballId, t.name)).toBe(t.code);
      expect(teamName(t.code)).toBe(t.name);
    }
    expect(new Set(TEAMS.map((t) => t.apiBasketballId))).toEqual(
      new Set(Array.from({ length: 30 }, (_, i) => 132 + i)),
    );
  });

  it('names the unknown team in the error, never inventing one', () => {
    expect(() => teamCodeOfName('Vancouver Grizzlies FC')).toThrow(
      new GamesError('UNKNOWN_TEAM', "unknown team name 'Vancouver Grizzlies FC'"),
    );
    expect(() => teamCodeOfApiBasketball(1416, 'East')).toThrow(/1416 \('East'\)/);
    // An id whose name disagrees is caught, not filed under the wrong team.
    expect(() => teamCodeOfApiBasketball(132, 'Boston Celtics')).toThrow(/132 is ATL but is named 'Boston Celtics'/);
  });
});
