/** Logistic map from an expected home margin (points) to home-win log-odds. */
export interface MarginToWin {
  intercept: number;
  slope: number;
  /** Weight of this margin-derived log-odds in the blend with the win booster's (0 = booster only). */
  weight: number;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
  return Math.log(q / (1 - q));
}

/** Fits `P(home win) = sigmoid(intercept + slope * margin)` by Newton's method (maximum likelihood). */
export function fitMarginToWin(margin: ArrayLike<number>, homeWin: ArrayLike<number>, weight: number): MarginToWin {
  let a = 0;
  let b = 0.1;
  for (let it = 0; it < 50; it++) {
    let ga = 0,
      gb = 0,
      haa = 0,
      hab = 0,
      hbb = 0;
    for (let i = 0; i < margin.length; i++) {
      const m = margin[i] as number;
      const p = sigmoid(a + b * m);
      const r = p - (homeWin[i] as number);
      const w = p * (1 - p);
      ga += r;
      gb += r * m;
      haa += w;
      hab += w * m;
      hbb += w * m * m;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { intercept: a, slope: b, weight };
}

/** Blends the win booster's probability with the margin-derived one on the log-odds scale. */
export function blendWin(pWin: number, margin: number, map: MarginToWin | undefined): number {
  if (!map || map.weight === 0) return pWin;
  return sigmoid((1 - map.weight) * logit(pWin) + map.weight * (map.intercept + map.slope * margin));
}
