import type { DataQualityReport } from '@nba/ingestion';
import { instant } from './format';
import { html, type Html } from './html';

const REASONS: Readonly<Record<string, string>> = {
  points_out_of_range: 'score outside what NBA games have produced',
  spread_out_of_range: 'spread outside what bookmakers have quoted',
  total_out_of_range: 'total outside what bookmakers have quoted',
  price_out_of_range: 'price outside what bookmakers have quoted',
  overround_out_of_range: 'prices that no market offers together',
  moneyline_spread_disagree: 'moneyline contradicts the spread',
  line_moved_implausibly: 'line moved implausibly since the last snapshot',
};
const KINDS: Readonly<Record<string, string>> = {
  duplicate_in_response: 'same id twice in one response',
  changed_across_runs: 'final game changed since stored',
  score_changed_after_settlement: 'final score changed after settlement',
};

function counts(report: DataQualityReport): Html {
  const rows = [
    ...report.quarantined.map(
      (q) =>
        html`<tr><td>${q.source}</td><td>quarantined: ${REASONS[q.reason] ?? q.reason} <code>${q.reason}</code></td><td class="num">${q.count}</td><td>${instant(q.lastSeenAt)}</td></tr>`,
    ),
    ...report.conflicts.map(
      (c) =>
        html`<tr><td>${c.source}</td><td>conflict: ${KINDS[c.kind] ?? c.kind} <code>${c.kind}</code></td><td class="num">${c.count}</td><td>${instant(c.lastAt)}</td></tr>`,
    ),
  ];
  return html`<table class="data-quality">
<caption>Upstream values kept out of use, and conflicting records</caption>
<thead><tr><th scope="col">Source</th><th scope="col">What</th><th scope="col">Count</th><th scope="col">Last seen</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function recent(report: DataQualityReport): Html {
  const items = [
    ...report.recentQuarantined.map((q) => ({
      at: q.firstSeenAt,
      text: html`${q.source} ${q.gameKey ?? ''} ${q.bookmaker ?? ''} ${q.market ?? ''}: ${q.detail}`,
    })),
    ...report.recentConflicts.map((c) => ({
      at: c.detectedAt,
      text: html`${c.source} ${c.upstreamId} (${KINDS[c.kind] ?? c.kind}): ${c.resolution}`,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  if (items.length === 0) return html``;
  return html`<h3>Latest</h3>
<ul class="data-quality-recent">${items.map((i) => html`<li><time datetime="${i.at.toISOString()}">${instant(i.at)}</time>: ${i.text}</li>`)}</ul>`;
}

/** The data-quality section of the models view: what the plausibility checks kept out of the forecasts, and conflicts. */
export function dataQualitySection(report: DataQualityReport): Html {
  const empty = report.quarantined.length === 0 && report.conflicts.length === 0;
  return html`<section aria-labelledby="data-quality">
<h2 id="data-quality">Data quality</h2>
<p>Upstream values that fail a plausibility or consistency check are kept apart and never used for features, forecasts or this page; the last good line stays in use.</p>
${empty ? html`<p class="notice" role="status">No upstream value has been quarantined and no conflicting record seen.</p>` : html`${counts(report)}${recent(report)}`}
</section>`;
}
