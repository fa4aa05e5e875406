import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';

const root = new URL('../../', import.meta.url).pathname;
const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');

async function violations(paths: string[], baseDir: string): Promise<IViolation[]> {
  const result = await cruise(paths, { ...rules.options, ruleSet: { forbidden: rules.forbidden }, baseDir, validate: true, tsConfig: undefined });
  return (result.output as ICruiseResult).summary.violations;
}

describe('layering (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  it('the code keeps the layers: pure domain, platform without features, features without the root, no test support in production', async () => {
    const found = await violations(['src', 'test', 'bench'], root);
    assert.deepEqual(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`), []);
  });

  it('catches a platform file that imports a feature and a domain file that imports the platform', async () => {
    const found = await violations(['src'], `${root}test/fixtures/layering`);
    assert.deepEqual(found.map((v) => v.rule.name).sort(), ['domain-is-pure', 'platform-knows-no-feature']);
  });
});
