// Layering rules, checked by `npm test` (src/app/layering.test.ts). See docs/architecture.md, "The parts".
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds pure rules: it imports nothing of ours outside itself.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'platform-knows-no-feature',
      comment: 'src/platform is what every feature stands on: it imports no feature, no page layer and not the composition root.',
      severity: 'error',
      from: { path: '^src/platform/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/(features|web|app)/|^src/(main|cli)\\.ts$' },
    },
    {
      name: 'web-knows-no-feature',
      comment: 'src/web is the shared page layer: layout, components, formatting.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(features|app)/' },
    },
    {
      name: 'features-do-not-reach-the-root',
      comment: 'Features are composed by src/app; they never import it (tests may, to build the app).',
      severity: 'error',
      from: { path: '^src/features/', pathNot: '\\.test\\.tsx?$|\\.testing\\.tsx?$' },
      to: { path: '^src/app/|^src/(main|cli)\\.ts$' },
    },
    {
      name: 'production-code-has-no-test-support',
      comment: 'Test support lives in test/support; production code never imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$|\\.testing\\.tsx?$' },
      to: { path: '^test/|\\.test\\.tsx?$|\\.testing\\.tsx?$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
