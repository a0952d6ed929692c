import { chartSvg } from './chart-svg';
import { stopChartWorker } from './chart-worker';

test('a Vega-Lite spec renders to SVG text on the server, named for screen readers', async () => {
  const svg = await chartSvg({
    description: 'two points & a line',
    width: 100,
    height: 50,
    data: {
      values: [
        { x: 1, y: 2 },
        { x: 2, y: 1 },
      ],
    },
    mark: 'line',
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
  });
  expect(svg).toMatch(/^<svg role="img" aria-label="two points &amp; a line" /);
  expect(svg).toContain('<title>two points &amp; a line</title>');
  expect(svg).toMatch(/<path[^>]* d="M/);
});

test('a spec Vega cannot draw fails with one line, and the worker keeps drawing', async () => {
  await expect(chartSvg({ data: { values: [] }, mark: 'no-such-mark' } as never)).rejects.toThrow(
    /^chart rendering failed: /,
  );
  await expect(
    chartSvg({ data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } }),
  ).resolves.toMatch(/^<svg /);
});

afterAll(() => stopChartWorker());
