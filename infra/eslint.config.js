// The infra tests read parsed YAML (manifests, kustomizations) by path through one deliberate `any`
// (`Yaml` in test/support/manifests.ts; what the manifests hold is checked by the tests and by the
// Kubernetes schemas in schemas.test.ts, not by TypeScript types). The type-aware rules that only
// restate that choice at every use (no-unsafe-*) are off for these tests; every other rule holds.
const config = require('@nba/eslint-config')('package');

module.exports = [
  ...config,
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
];
