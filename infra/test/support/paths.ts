import path from 'node:path';

/** Repository root (infra/test/support -> ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const K8S_DIR = path.join(REPO_ROOT, 'infra', 'k8s');
export const DOCKERFILE = path.join(REPO_ROOT, 'infra', 'docker', 'Dockerfile');
export const DEPLOY_SCRIPT = path.join(REPO_ROOT, 'infra', 'docker', 'deploy-app.sh');

/** Where each Dockerfile target's app lives, and its package name. */
export const APPS = {
  api: { dir: path.join(REPO_ROOT, 'apps', 'api'), pkg: '@nba/api' },
  'pipeline-runner': { dir: path.join(REPO_ROOT, 'apps', 'pipeline-runner'), pkg: '@nba/pipeline-runner' },
  'model-cli': { dir: path.join(REPO_ROOT, 'apps', 'model-cli'), pkg: '@nba/model-cli' },
} as const;

export type AppTarget = keyof typeof APPS;
