import { Gauge, type Registry } from 'prom-client';
import type { DataQualityReport } from '@nba/ingestion';

/** A report with nothing in it (the answer while the tables cannot be read). */
export const EMPTY_DATA_QUALITY: DataQualityReport = {
  quarantined: [],
  conflicts: [],
  recentQuarantined: [],
  recentConflicts: [],
};

/**
 * Gauges of the data-quality tables, read at scrape time through `load` (cached between scrapes):
 * upstream values quarantined by source and reason, conflicting upstream records by source and kind.
 * Gauges, not counters: the tables are the count, written by the pipeline, read by every API instance.
 */
export function dataQualityGauges(registers: Registry[], load: () => Promise<DataQualityReport>): void {
  new Gauge({
    name: 'upstream_values_quarantined',
    help: 'Upstream values kept out of use by a plausibility or consistency check (quarantined_values), by source and reason',
    labelNames: ['source', 'reason'],
    registers,
    collect: async function (this: Gauge<'source' | 'reason'>) {
      this.reset();
      for (const q of (await load()).quarantined) this.set({ source: q.source, reason: q.reason }, q.count);
    },
  });
  new Gauge({
    name: 'upstream_conflicts_recorded',
    help: 'Conflicting versions of one upstream record (upstream_conflicts), by source and kind',
    labelNames: ['source', 'kind'],
    registers,
    collect: async function (this: Gauge<'source' | 'kind'>) {
      this.reset();
      for (const c of (await load()).conflicts) this.set({ source: c.source, kind: c.kind }, c.count);
    },
  });
}
