import type { OutlookScores } from './outlook-scores';
import { FORECASTERS } from './season-task';
import type { OutlookBacktestReport, ScoreBlock } from './outlook-report';

const LABEL: Record<keyof OutlookScores, string> = {
  makePlayoffsBrier: 'make_playoffs Brier',
  makePlayinBrier: 'make_playin Brier',
  makeConfFinalsBrier: 'make_conf_finals Brier',
  makeFinalsBrier: 'make_finals Brier',
  winFinalsBrier: 'win_finals Brier',
  seedRps: 'seed RPS',
  titleLogLoss: 'title log loss',
};

const f4 = (x: number | undefined): string => (x === undefined ? '' : x.toFixed(4));

function scoreTable(rows: [string, ScoreBlock][], score: keyof OutlookScores): string[] {
  const out = [
    `| ${LABEL[score]} | mornings | ${FORECASTERS.join(' | ')} |`,
    `| --- | ---: | ${FORECASTERS.map(() => '---:').join(' | ')} |`,
  ];
  for (const [name, b] of rows)
    out.push(`| ${name} | ${b.mornings} | ${FORECASTERS.map((f) => f4(b.scores?.[f][score])).join(' | ')} |`);
  return out;
}

/** report.md of `outlook-backtest`: goals, scores overall, by season and at the checkpoints, calibration. */
export function outlookReportMarkdown(r: OutlookBacktestReport): string {
  const s = r.settings;
  const lines = [
    `# Season outlook backtest ${s.fromSeason}-${s.toSeason}`,
    '',
    `Every ${s.every === 1 ? '' : `${s.every}th `}regular-season game day, ${s.simulations} simulations a morning ` +
      `(baselines ${s.baselineSimulations}), seed ${s.seed}; rating model ${r.ratingModel.name} ${r.ratingModel.version}.`,
    '',
    ...r.notes.map((n) => `- ${n}`),
    '',
    '## Goals',
    '',
    '| goal | value | met |',
    '| --- | ---: | --- |',
    ...r.goals.map(
      (g) =>
        `| ${g.goal} | ${g.value === null ? 'n/a' : g.goal.includes('10%') ? `${(g.value * 100).toFixed(1)}% better` : f4(g.value)} | ${g.met === null ? 'n/a (seasons not covered)' : g.met ? 'yes' : 'no'} |`,
    ),
    '',
    '## Every morning',
    '',
  ];
  const seasons: [string, ScoreBlock][] = [...Object.entries(r.bySeason), ['all', r.overall]];
  for (const score of Object.keys(LABEL) as (keyof OutlookScores)[]) lines.push(...scoreTable(seasons, score), '');
  lines.push('## Checkpoints (all seasons)', '');
  const cps = Object.entries(r.checkpoints).map(([cp, c]) => [cp, c.overall] as [string, ScoreBlock]);
  for (const score of Object.keys(LABEL) as (keyof OutlookScores)[]) lines.push(...scoreTable(cps, score), '');
  lines.push('## make_playoffs at the checkpoints, by season', '');
  for (const [cp, c] of Object.entries(r.checkpoints))
    lines.push(`### ${cp}`, '', ...scoreTable(Object.entries(c.bySeason), 'makePlayoffsBrier'), '');
  lines.push(
    '## Calibration of make_playoffs (calibration.svg)',
    '',
    `| forecast | ${FORECASTERS.map((f) => `${f} n | mean | observed`).join(' | ')} |`,
  );
  lines.push(`| --- | ${FORECASTERS.map(() => '---: | ---: | ---:').join(' | ')} |`);
  for (let i = 0; i < 10; i++) {
    const cells = FORECASTERS.map((f) => {
      const b = r.calibration[f][i];
      return b ? `${b.n} | ${b.meanForecast.toFixed(3)} | ${b.observed.toFixed(3)}` : '| |';
    });
    lines.push(`| ${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)} | ${cells.join(' | ')} |`);
  }
  lines.push(
    '',
    `CPU seconds by season: ${Object.entries(r.cpuSeconds)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
  );
  return lines.join('\n');
}
