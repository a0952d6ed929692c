import type { DataQualityReport } from '@nba/ingestion';
import type { ModelEventInfo, ModelVersionInfo } from '@nba/registry';
import { dataQualitySection } from './data-quality-section';
import { instant, shortDay } from './format';
import { html, trusted, type Html } from './html';
import { layout } from './layout';
import { modelDescription } from './model-order';
import { registryMetricsTable } from './registry-metrics';

/** One registered model name with its versions (newest first) and audit trail (oldest first, as the registry gives it). */
export interface RegisteredModel {
  name: string;
  versions: ModelVersionInfo[];
  history: ModelEventInfo[];
}

const ACTIONS: Readonly<Record<ModelEventInfo['action'], string>> = {
  registered: 'registered',
  promoted: 'promoted',
  archived: 'archived',
  rolled_back: 'rolled back',
};

function trainingRange(v: ModelVersionInfo): string {
  if (!v.trainedFrom || !v.trainedTo) return 'not recorded';
  return `${shortDay(v.trainedFrom)} to ${shortDay(v.trainedTo)}${v.trainingGames !== null ? ` (${v.trainingGames.toLocaleString('en-US')} games)` : ''}`;
}

function versionCard(v: ModelVersionInfo): Html {
  const id = `mv-${v.id}`;
  return html`<section class="version" aria-labelledby="${id}" data-model="${v.name}" data-version="${v.version}">
<h3 id="${id}">v${v.version} <span class="status status-${v.status}">${v.status}</span></h3>
<dl>
<dt>Trained on</dt><dd>${trainingRange(v)}</dd>
<dt>Features</dt><dd>${v.featureSpec.features.length} (${v.featureSpec.name} ${v.featureSpec.version})</dd>
<dt>Registered</dt><dd>${instant(v.createdAt)} by ${v.createdBy}</dd>
${v.promotedAt ? html`<dt>Promoted</dt><dd>${instant(v.promotedAt)}</dd>` : ''}
${v.archivedAt ? html`<dt>Archived</dt><dd>${instant(v.archivedAt)}</dd>` : ''}
${v.gitCommit ? html`<dt>Code</dt><dd><code>${v.gitCommit.slice(0, 12)}</code></dd>` : ''}
${v.notes ? html`<dt>Notes</dt><dd>${v.notes}</dd>` : ''}
</dl>
${registryMetricsTable(v.metrics, `Metrics of v${v.version}`)}
</section>`;
}

function auditEntry(e: ModelEventInfo): Html {
  const when = html`<time datetime="${e.createdAt.toISOString()}">${instant(e.createdAt)}</time>`;
  const why = e.reason ? html`: ${e.reason}` : '';
  return html`<li>${when}: <strong>${ACTIONS[e.action]}</strong> v${e.version} (${e.fromStatus ?? 'new'} → ${e.toStatus}) by ${e.actor}${why}</li>`;
}

function auditTrail(model: RegisteredModel): Html {
  // newest first: the last promotion or rollback is what a reader looks for
  const events = [...model.history].reverse();
  return html`<h3>Audit trail</h3>
<ol class="audit" reversed>${events.map(auditEntry)}</ol>`;
}

function modelSection(model: RegisteredModel): Html {
  const about = modelDescription(model.name);
  const production = model.versions.find((v) => v.status === 'production');
  const current = model.versions.filter((v) => v.status !== 'archived');
  const archived = model.versions.filter((v) => v.status === 'archived');
  const promoted = production?.promotedAt ? instant(production.promotedAt) : '';
  const status = production
    ? html`In production: <strong>v${production.version}</strong>, promoted ${promoted}.`
    : 'No version is in production.';
  const count = `${model.versions.length} ${model.versions.length === 1 ? 'version' : 'versions'} registered.`;
  const archivedSummary = html`<summary>${archived.length} archived ${archived.length === 1 ? 'version' : 'versions'}</summary>`;
  return html`<section aria-labelledby="model-${model.name}">
<h2 id="model-${model.name}">${model.name}${about ? html` <span class="muted">(${about})</span>` : ''}</h2>
<p>${status} ${count} <a href="/record?model=${encodeURIComponent(model.name)}">Live record</a></p>
${current.map(versionCard)}
${archived.length ? html`<details>${archivedSummary}${archived.map(versionCard)}</details>` : ''}
${auditTrail(model)}
</section>`;
}

const INTRO = trusted(
  'The model registry as it stands: every registered version, its status and figures, and who changed what, when and why. ' +
    'Changes are made with the <code>nba-models</code> command, not here.',
);

const NO_MODEL = html`<p class="notice" role="status">No model is registered yet: the daily pipeline trains, registers and promotes one.</p>`;

/**
 * The registry, read-only: each model's versions with status, training range and metrics, and its
 * audit trail; then, with `dataQuality`, what the ingestion checks kept out of the inputs.
 */
export function modelsView(models: readonly RegisteredModel[], demo: boolean, dataQuality?: DataQualityReport): string {
  const body = html`<h1>Models</h1>
<p>${INTRO}</p>
${models.length === 0 ? NO_MODEL : models.map(modelSection)}
${dataQuality ? dataQualitySection(dataQuality) : ''}`;
  return layout({ title: 'Models', active: 'models', demo, body });
}
