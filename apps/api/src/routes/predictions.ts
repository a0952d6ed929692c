import { Router } from 'express';
import type { DbClient } from '@nba/db';
import { isoDay } from '../clock';
import { DateQuery } from '../schemas/common';
import type { StoredPredictionOutput } from '../schemas/predictions';
import { parseInput } from '../validate';

/** `GET /v1/predictions?date=`: forecasts the pipeline stored for the date's games, every model version. */
export function predictionsRouter(db: DbClient): Router {
  const router = Router();
  router.get('/v1/predictions', async (req, res) => {
    const { date } = parseInput(DateQuery, req.query);
    const rows = await db.prediction.findMany({
      where: { game: { date: new Date(`${date}T00:00:00Z`) } },
      include: {
        game: { select: { gameKey: true, date: true, tipoff: true, homeCode: true, awayCode: true, status: true, homeScore: true, awayScore: true } },
        modelVersion: { select: { name: true, version: true } },
      },
      orderBy: [{ gameId: 'asc' }, { predictedAt: 'desc' }],
    });
    const predictions: StoredPredictionOutput[] = rows.map((p) => ({
      gameId: p.gameId,
      gameKey: p.game.gameKey,
      date: isoDay(p.game.date),
      tipoff: p.game.tipoff?.toISOString() ?? null,
      home: p.game.homeCode,
      away: p.game.awayCode,
      status: p.game.status,
      homeScore: p.game.homeScore,
      awayScore: p.game.awayScore,
      homeWinProbability: p.homeWinProb,
      expectedMargin: p.expectedMargin,
      expectedTotal: p.expectedTotal,
      market:
        p.marketHomeProb === null && p.marketSpread === null && p.marketTotal === null
          ? null
          : { homeProbability: p.marketHomeProb, spread: p.marketSpread, total: p.marketTotal, edge: p.edge },
      model: { name: p.modelVersion.name, version: p.modelVersion.version },
      predictedAt: p.predictedAt.toISOString(),
      settlement: p.settledAt ? { settledAt: p.settledAt.toISOString(), homeWon: p.homeWon, logLoss: p.logLoss, brier: p.brier } : null,
      isDemo: p.isDemo,
    }));
    res.json({ date, predictions });
  });
  return router;
}
