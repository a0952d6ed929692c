import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };
import { seasonLabel } from '@nba/config';
import type { TeamSeason } from '@nba/lifecycle';

/** Sized for a phone (about 340 px wide in all); CSS scales the SVG to the column. */
const WIDTH = 290;
const HEIGHT = 170;

const CONFIG = {
  font: 'system-ui, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, labelColor: '#333', titleColor: '#1a1a1a' },
  view: { stroke: '#888' },
} as const;

/** The team's rating on every morning with a stored outlook, a line against the dashed zero of an average team. */
export function ratingSpec(s: TeamSeason): TopLevelSpec {
  const values = s.ratings.map((r) => ({ date: r.date, rating: r.rating, record: `${r.wins}\u2013${r.losses}` }));
  const first = s.ratings[0];
  const last = s.ratings.at(-1);
  const range =
    first && last
      ? `, ${first.date} to ${last.date}: from ${first.rating.toFixed(1)} to ${last.rating.toFixed(1)} points`
      : '';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description:
      `Rating of ${s.team} on each of the ${s.ratings.length} mornings with a stored outlook of the ${seasonLabel(s.season)} season${range} ` +
      'per game against an average team (the dashed line at 0); the same figures are in the table below the chart.',
    width: WIDTH,
    height: HEIGHT,
    config: CONFIG,
    layer: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#777', strokeDash: [4, 4] },
        encoding: { y: { field: 'zero', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'line', color: '#0072B2', strokeWidth: 2.5, point: values.length === 1 },
        encoding: {
          x: {
            field: 'date',
            type: 'temporal',
            scale: { type: 'utc' },
            title: 'Morning of',
            axis: { format: '%b %d', tickCount: 5, labelAngle: 0 },
          },
          y: {
            field: 'rating',
            type: 'quantitative',
            scale: { zero: true, nice: true },
            title: 'Rating (points per game vs average)',
            axis: { tickCount: 5 },
          },
        },
      },
    ],
  };
}
