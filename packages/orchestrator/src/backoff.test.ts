import { backoffDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base delay, randomized by a factor in [1, 2)', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, 100, Infinity, () => 0))).toEqual([100, 200, 400]);
    expect([1, 2, 3].map((n) => backoffDelay(n, 100, Infinity, () => 0.5))).toEqual([150, 300, 600]);
    expect(backoffDelay(3, 100, Infinity, () => 0.999)).toBe(800);
  });

  it('is capped by the maximum', () => {
    expect(backoffDelay(10, 100, 5000, () => 0)).toBe(5000);
  });

  it('stays within [base * 2^(n-1), base * 2^n] with real randomness', () => {
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(2, 50);
      expect(d).toBeGreaterThanOrEqual(100);
      expect(d).toBeLessThanOrEqual(200);
    }
  });
});

describe('sleep', () => {
  it('rejects with the abort reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const slept = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 10);
    await expect(slept).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('resolves after the delay', async () => {
    await expect(sleep(5)).resolves.toBeUndefined();
  });
});
