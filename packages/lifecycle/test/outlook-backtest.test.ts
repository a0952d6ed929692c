import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { required } from '@nba/errors';
import { loadGamesCsv } from '@nba/modeling';
import { sharedDataDir } from '@nba/testing';
import {
  mergeOutlookBacktest,
  OUTLOOK_CSV_COLUMNS,
  runOutlookBacktest,
  type OutlookBacktestReport,
} from '../src/index';

// The outlook backtest on real seasons with few simulations: the file as the issue specifies it,
// probabilities that add up, the report, and the split into season parts (a Job index each)
// merged into exactly what one run writes.
const dir = sharedDataDir();
const maybe = dir ? describe : describe.skip;

let tmp: string;
let history: ReturnType<typeof loadGamesCsv>;

function readCsv(file: string): { header: string; rows: string[][] } {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  return { header: header as string, rows: lines.map((l) => l.split(',')) };
}

/** report.json without the CPU times (the only part that differs between runs). */
function reportOf(out: string): Omit<OutlookBacktestReport, 'cpuSeconds'> {
  const { cpuSeconds: _cpu, ...rest } = JSON.parse(
    fs.readFileSync(path.join(out, 'report.json'), 'utf8'),
  ) as OutlookBacktestReport;
  return rest;
}

maybe('outlook backtest (real games)', () => {
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outlook-backtest-'));
    history = loadGamesCsv(path.join(dir as string, 'games.csv'), path.join(dir as string, 'odds.csv'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes outlook.csv with exactly the columns, a row per regular-season game day and team, probabilities that add up', async () => {
    const out = path.join(tmp, 'one');
    const result = await runOutlookBacktest(history, {
      fromSeason: 2016,
      toSeason: 2016,
      every: 1,
      simulations: 100,
      baselineSimulations: 50,
      out,
      workers: 1,
    });
    expect(result).toMatchObject({ computed: [2016], reused: [] });
    const { header, rows } = readCsv(path.join(out, 'outlook.csv'));
    expect(header).toBe(
      'season,date,team,wins_mean,make_playin,make_playoffs,' +
        Array.from({ length: 15 }, (_, k) => `seed_${k + 1}`).join(',') +
        ',make_conf_semis,make_conf_finals,make_finals,win_finals',
    );
    expect(header.split(',')).toEqual([...OUTLOOK_CSV_COLUMNS]);
    const gameDays = new Set(
      history.games.filter((g) => g.season === 2016 && g.gameType === 'regular').map((g) => g.date),
    );
    const dates = new Set(rows.map((r) => r[1] as string));
    for (const d of gameDays) expect(dates.has(d)).toBe(true);
    expect(
      [...dates].every(
        (d) =>
          gameDays.has(d) ||
          ['2015-11-01', '2015-12-25', '2016-02-15', '2016-03-15', '2016-04-01'].some((c) => c === d),
      ),
    ).toBe(true);
    expect(rows).toHaveLength(dates.size * 30);
    const col = (name: string): number => header.split(',').indexOf(name);
    const byDateConf = new Map<string, number>();
    for (const r of rows) {
      expect(r).toHaveLength(OUTLOOK_CSV_COLUMNS.length);
      expect(r[0]).toBe('2016');
      const probs = r.slice(col('make_playin')).map(Number);
      for (const p of probs) expect(p >= 0 && p <= 1).toBe(true);
      const seeds = r.slice(col('seed_1'), col('seed_15') + 1).map(Number);
      expect(seeds.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
      expect(Number(r[col('make_playin')])).toBe(0); // no play-in before 2020
      const conference = [
        'BOS',
        'BKN',
        'NYK',
        'PHI',
        'TOR',
        'CHI',
        'CLE',
        'DET',
        'IND',
        'MIL',
        'ATL',
        'CHA',
        'MIA',
        'ORL',
        'WAS',
      ].includes(r[2] as string)
        ? 'E'
        : 'W';
      const key = `${r[1]} ${conference}`;
      byDateConf.set(key, (byDateConf.get(key) ?? 0) + Number(r[col('make_playoffs')]));
    }
    expect(byDateConf.size).toBe(dates.size * 2);
    for (const sum of byDateConf.values()) expect(sum).toBeCloseTo(8, 5);
    const report = reportOf(out);
    expect(report.overall.mornings).toBe(dates.size);
    expect(Object.keys(report.checkpoints)).toEqual(['11-01', '12-25', '02-15', '03-15', '04-01']);
    expect(report.checkpoints['12-25']?.overall.mornings).toBe(1);
    const s = required(report.overall.scores, 'the overall scores');
    // the market-driven outlook beats extrapolating records over a season; scores are in range
    expect(s.outlook.makePlayoffsBrier).toBeLessThan(s.winPct.makePlayoffsBrier);
    for (const f of ['outlook', 'winPct', 'elo'] as const) {
      expect(s[f].makePlayoffsBrier).toBeGreaterThan(0);
      expect(s[f].seedRps).toBeLessThan(0.25);
      expect(s[f].titleLogLoss).toBeGreaterThan(0);
    }
    expect(report.goals.map((g) => g.met)).toEqual([expect.any(Boolean), expect.any(Boolean)]);
    expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/## Goals[\s\S]*make_playoffs Brier/);
    expect(fs.readFileSync(path.join(out, 'calibration.svg'), 'utf8')).toMatch(/^<svg/);
  }, 300_000);

  it('runs one season per index and merges the parts into what one run writes; a rerun reuses the saved seasons', async () => {
    const settings = { fromSeason: 2020, toSeason: 2021, every: 20, simulations: 60, baselineSimulations: 30, seed: 5 };
    const split = path.join(tmp, 'split');
    const whole = path.join(tmp, 'whole');
    expect((await runOutlookBacktest(history, { ...settings, out: split, seasonIndex: 1 })).report).toBeNull();
    expect(() => mergeOutlookBacktest(split)).toThrow(/2020/);
    await runOutlookBacktest(history, { ...settings, out: split, seasonIndex: 0 });
    mergeOutlookBacktest(split);
    await runOutlookBacktest(history, { ...settings, out: whole, workers: 1 });
    expect(fs.readFileSync(path.join(split, 'outlook.csv'), 'utf8')).toEqual(
      fs.readFileSync(path.join(whole, 'outlook.csv'), 'utf8'),
    );
    expect(reportOf(split)).toEqual(reportOf(whole));
    const rows = readCsv(path.join(whole, 'outlook.csv')).rows;
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['2020', '2021']));
    expect(rows.some((r) => r[0] === '2021' && Number(r[4]) > 0)).toBe(true); // the play-in tournament
    const again = await runOutlookBacktest(history, { ...settings, out: whole, workers: 1 });
    expect(again).toMatchObject({ computed: [], reused: [2020, 2021] });
    // other settings: nothing reused
    const other = await runOutlookBacktest(history, { ...settings, seed: 6, out: whole, workers: 1, seasonIndex: 0 });
    expect(other.computed).toEqual([2020]);
  }, 300_000);

  it('refuses bad settings with the field and value', async () => {
    const out = path.join(tmp, 'bad');
    await expect(
      runOutlookBacktest(history, { fromSeason: 2016, toSeason: 2016, every: 0, out }),
    ).rejects.toMatchObject({
      code: 'BAD_OUTLOOK_OPTIONS',
      message: /every 0/,
    });
    await expect(
      runOutlookBacktest(history, { fromSeason: 2016, toSeason: 2017, seasonIndex: 2, out }),
    ).rejects.toThrow(/seasonIndex 2: expected 0..1/);
    await expect(runOutlookBacktest(history, { fromSeason: 2018, toSeason: 2017, out })).rejects.toThrow(
      /season range 2018-2017/,
    );
    expect(() => mergeOutlookBacktest(path.join(tmp, 'nothing'))).toThrow(/no complete season parts/);
  });
});
