import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { AgencyProfileError, parseAgencyProfile } from '../agencies/agency-profile.loader.ts';
import { findIndicator } from '../../domain/standard-figures/index.ts';

const vsaaFile = new URL('../../../agencies/vsaa.yaml', import.meta.url);
const kaseFile = new URL('../../../agencies/kase.yaml', import.meta.url);

function errorOf(text: string, file = 'agencies/vsaa.yaml'): AgencyProfileError {
  try {
    parseAgencyProfile(text, file);
  } catch (error) {
    if (error instanceof AgencyProfileError) return error;
    throw error;
  }
  assert.fail('the profile was accepted');
}

describe('promises in the agency profile', () => {
  it('both agencies: every promise quotes LV and EN words; measured ones name a known indicator with a target of its unit', async () => {
    for (const [file, slug] of [[vsaaFile, 'vsaa'], [kaseFile, 'kase']] as const) {
      const profile = parseAgencyProfile(await readFile(file, 'utf8'), `agencies/${slug}.yaml`);
      assert.ok(profile.promises.length >= 10, slug);
      const measured = profile.promises.filter((p) => p.indicator);
      assert.ok(measured.length >= 8, slug);
      assert.ok(profile.promises.some((p) => !p.indicator), `${slug} lists promises not measurable from records`);
      for (const p of measured) assert.equal(findIndicator(p.indicator ?? '')?.unit, p.target?.unit, p.id);
    }
    const kase = parseAgencyProfile(await readFile(kaseFile, 'utf8'), 'agencies/kase.yaml');
    assert.deepEqual(kase.promises.find((p) => p.indicator === 'digital.takeUp')?.words.lv, 'Pieejamība – pakalpojumus sniedzam elektroniskajā vidē.');
    assert.deepEqual(kase.promises.find((p) => p.id === 'atri')?.target, { atMost: 20, unit: 'minutes' });
  });

  it('an unknown indicator stops the start with the file, the path and the problem (and the line)', async () => {
    const text = (await readFile(vsaaFile, 'utf8')).replace('indicator: survey.competence', 'indicator: survey.competance');
    const error = errorOf(text);
    assert.equal(error.file, 'agencies/vsaa.yaml');
    const issue = error.issues.find((i) => i.path === 'promises[0].indicator');
    assert.ok(issue, JSON.stringify(error.issues));
    assert.match(issue.message, /Unknown indicator "survey.competance"/);
    assert.ok(issue.line && issue.line > 400);
    assert.match(error.message, /agencies\/vsaa\.yaml: promises\[0\]\.indicator: Unknown indicator/);
  });

  it('a target of the wrong kind, out of range, or with two comparisons is refused', async () => {
    const original = await readFile(vsaaFile, 'utf8');
    const wrongUnit = errorOf(original.replace('target: { atLeast: 4.5, unit: score }', 'target: { atLeast: 4.5, unit: minutes }'));
    assert.ok(wrongUnit.issues.some((i) => i.path === 'promises[0].target.unit' && /measured in score, the target is in minutes/.test(i.message)), JSON.stringify(wrongUnit.issues));
    const outOfRange = errorOf(original.replace('target: { atLeast: 4.5, unit: score }', 'target: { atLeast: 7, unit: score }'));
    assert.ok(outOfRange.issues.some((i) => i.path === 'promises[0].target.atLeast' && /between 1 and 5/.test(i.message)));
    const two = errorOf(original.replace('target: { atLeast: 4.5, unit: score }', 'target: { atLeast: 4.5, atMost: 5, unit: score }'));
    assert.ok(two.issues.some((i) => i.path === 'promises[0].target' && /exactly one/.test(i.message)));
    const noTarget = errorOf(original.replace('    target: { atLeast: 4.5, unit: score }\n', ''));
    assert.ok(noTarget.issues.some((i) => i.path === 'promises[0].target'));
    const percentAsText = errorOf(original.replace('target: { exactly: 100, unit: percent }', 'target: { exactly: "100%", unit: percent }'));
    assert.ok(percentAsText.issues.some((i) => i.path.startsWith('promises[1].target')));
  });
});
