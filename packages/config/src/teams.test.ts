import { TEAMS, TEAM_CODES, teamByCode } from './teams';

describe('team table', () => {
  it('has the 30 franchises', () => {
    expect(TEAM_CODES).toHaveLength(30);
    expect(teamByCode('BKN')?.aliases).toContain('New Jersey Nets');
    expect(teamByCode('XXX')).toBeUndefined();
  });

  it('has distinct codes, names, upstream ids and aliases for every team (case-insensitive)', () => {
    const names = TEAMS.flatMap((t) => [t.code, t.name, ...t.aliases].map((n) => n.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(TEAMS.map((t) => t.apiBasketballId)).size).toBe(30);
  });

  it('places every arena in North America', () => {
    for (const t of TEAMS) {
      expect(t.latitude).toBeGreaterThan(25);
      expect(t.latitude).toBeLessThan(50);
      expect(t.longitude).toBeGreaterThan(-125);
      expect(t.longitude).toBeLessThan(-70);
    }
  });
});
