import { z } from 'zod';
import { WITHHELD_REASONS } from '@nba/modeling';
import { named } from './common';

/** Why a forecast's numbers are not published (the last-step check of @nba/modeling `checkForecast`). */
export const Withheld = named(
  'Withheld',
  z
    .object({
      reason: z.enum(WITHHELD_REASONS),
      message: z.string().meta({ description: 'The value that failed and its bounds, in one line' }),
    })
    .meta({
      description:
        'Present only when the forecast is withheld: a number was not finite or outside what an NBA forecast can be; ' +
        'the probabilities, margin, total and market are then null',
    }),
);
