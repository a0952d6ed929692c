import type { CalibrationBin } from './metrics';

const COLORS = ['#888888', '#1f77b4', '#2ca02c', '#d62728', '#9467bd', '#ff7f0e'];

/**
 * A reliability diagram: each forecast's bins (mean forecast against observed home-win rate,
 * marker area by count) joined by lines, against the diagonal.
 */
export function calibrationSvg(series: Record<string, readonly CalibrationBin[]>, title = 'Calibration'): string {
  const W = 560;
  const H = 560;
  const m = { l: 60, r: 150, t: 40, b: 50 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const x = (v: number) => (m.l + v * pw).toFixed(1);
  const y = (v: number) => (m.t + (1 - v) * ph).toFixed(1);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2 - m.r / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(title)}</text>`,
  ];
  for (let i = 0; i <= 10; i++) {
    const v = i / 10;
    parts.push(
      `<line x1="${x(v)}" y1="${y(0)}" x2="${x(v)}" y2="${y(1)}" stroke="#eee"/>`,
      `<line x1="${x(0)}" y1="${y(v)}" x2="${x(1)}" y2="${y(v)}" stroke="#eee"/>`,
    );
    parts.push(
      `<text x="${x(v)}" y="${+y(0) + 16}" text-anchor="middle">${v.toFixed(1)}</text>`,
      `<text x="${m.l - 6}" y="${+y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text>`,
    );
  }
  parts.push(`<rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#000" stroke-dasharray="4 4"/>`);
  parts.push(`<text x="${m.l + pw / 2}" y="${H - 12}" text-anchor="middle">forecast home win probability</text>`);
  parts.push(
    `<text transform="translate(16 ${m.t + ph / 2}) rotate(-90)" text-anchor="middle">observed home win rate</text>`,
  );
  Object.entries(series).forEach(([name, bins], k) => {
    const color = COLORS[k % COLORS.length] as string;
    const pts = bins.filter((b) => b.n > 0);
    const total = pts.reduce((s, b) => s + b.n, 0) || 1;
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${pts.map((b) => `${x(b.meanForecast)},${y(b.observed)}`).join(' ')}"/>`,
    );
    for (const b of pts) {
      const r = Math.max(2, Math.sqrt(b.n / total) * 14).toFixed(1);
      parts.push(
        `<circle cx="${x(b.meanForecast)}" cy="${y(b.observed)}" r="${r}" fill="${color}" fill-opacity="0.6"><title>${escapeXml(name)}: ` +
          `${b.meanForecast.toFixed(3)} -> ${b.observed.toFixed(3)} (n=${b.n})</title></circle>`,
      );
    }
    const ly = m.t + 10 + k * 20;
    parts.push(
      `<line x1="${W - m.r + 15}" y1="${ly}" x2="${W - m.r + 35}" y2="${ly}" stroke="${color}" stroke-width="3"/>`,
      `<text x="${W - m.r + 40}" y="${ly + 4}">${escapeXml(name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
