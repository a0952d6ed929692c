/** A deterministic binary-classification data set (row-major float32 features, 0/1 labels). */
export interface SyntheticData {
  features: Float32Array;
  labels: Float32Array;
  rows: number;
  cols: number;
}

/** mulberry32: a tiny seeded PRNG so tests and benches see the same data every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Features uniform in [-1, 1] (a `missingRate` share set to NaN); the label is 1 when a fixed
 * non-linear score of the first six features plus Gaussian noise (sd `noise`) is positive, so a
 * tree model can reach well above 85% accuracy while a constant guess stays near 50%.
 */
export function makeClassification(rows: number, cols: number, seed = 42, noise = 0.3, missingRate = 0): SyntheticData {
  if (cols < 6) throw new Error('makeClassification needs at least 6 columns');
  const rand = seededRandom(seed);
  const features = new Float32Array(rows * cols);
  const labels = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    const x = (j: number): number => features[i * cols + j] ?? 0;
    for (let j = 0; j < cols; j++) features[i * cols + j] = rand() * 2 - 1;
    const score = 1.5 * x(0) - x(1) + x(2) * x(3) * 2 + (x(4) > 0.3 ? 0.8 : -0.4) + 0.5 * Math.sin(3 * x(5));
    const gaussian = Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
    labels[i] = score + noise * gaussian > 0 ? 1 : 0;
    for (let j = 0; j < cols; j++) if (rand() < missingRate) features[i * cols + j] = NaN;
  }
  return { features, labels, rows, cols };
}
