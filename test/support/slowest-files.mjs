// A test reporter for `node --test` that prints, at the end of the run, the test files whose top-level tests and
// suites took longest (their durations summed per file; a suite's includes its before/after hooks): the suite is
// something the team waits on all day, and this shows where the wait is.
// `sourceOf` names each compiled test file by its source (test/launch.mjs compiles them).
export default async function* slowestFiles(source, sourceOf = new Map()) {
  const perFile = new Map();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      perFile.set(event.data.file, (perFile.get(event.data.file) ?? 0) + (event.data.details?.duration_ms ?? 0));
    }
  }
  if (perFile.size === 0) return;
  const root = process.cwd() + '/';
  const nameOf = (file) => sourceOf.get(file) ?? file.replace(root, '');
  const total = [...perFile.values()].reduce((sum, ms) => sum + ms, 0);
  yield `\nSlowest test files (of ${perFile.size}; ${(total / 1000).toFixed(0)} s of tests in all, run ${process.env.TEST_CONCURRENCY ?? 'several'} at a time):\n`;
  for (const [file, ms] of [...perFile].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    yield `${(ms / 1000).toFixed(1).padStart(7)} s  ${nameOf(file)}\n`;
  }
}
