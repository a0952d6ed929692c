import { GAME_TYPES } from '@nba/config';
import { GameType } from './generated/prisma/enums';

describe('GameType', () => {
  it("is the database's enum of @nba/config's GAME_TYPES (the list every package uses)", () => {
    expect(Object.values(GameType)).toEqual([...GAME_TYPES]);
  });
});
