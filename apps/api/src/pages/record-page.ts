import type { DbClient } from '@nba/db';
import type { ModelRegistry } from '@nba/registry';
import { chartSvg } from './chart-svg';
import { isDemoDatabase } from './demo-database';
import { messagePage } from './message-page';
import { orderModelNames } from './model-order';
import { calibrationSpec, runningLogLossSpec } from './record-charts';
import { loadRecords } from './record-stats';
import { recordView } from './record-view';

/**
 * The record view of `model` (every model when undefined) as HTML with its status: 404 for a
 * model that is not registered. Its charts are drawn in the chart worker, all at once, so the
 * event loop only waits for them; the caller caches the result per data version.
 */
export async function renderRecordPage(
  deps: { db: DbClient; registry: ModelRegistry; defaultModel: string },
  model: string | undefined,
): Promise<{ status: number; html: string }> {
  const versions = await deps.registry.listVersions();
  const modelNames = orderModelNames(
    versions.map((v) => v.name),
    deps.defaultModel,
  );
  if (model !== undefined && !modelNames.includes(model)) {
    const known = modelNames.length ? `registered models: ${modelNames.join(', ')}` : 'no model is registered yet';
    const message = `No model named '${model}' is registered (${known}).`;
    return { status: 404, html: messagePage({ title: 'Unknown model', active: 'record', message }) };
  }
  const records = await loadRecords(deps.db, { name: model });
  const drawn = await Promise.all(
    records.map(async (record) => {
      const [runningSvg, calibrationSvg] = await Promise.all([
        chartSvg(runningLogLossSpec(record)),
        chartSvg(calibrationSpec(record)),
      ]);
      return { record, runningSvg, calibrationSvg };
    }),
  );
  const demo = records.some((r) => r.isDemo) || (await isDemoDatabase(deps.db));
  const shown = versions.filter((v) => model === undefined || v.name === model);
  return { status: 200, html: recordView({ modelNames, selected: model, drawn, versions: shown, demo }) };
}
