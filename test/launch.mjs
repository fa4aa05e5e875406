// `npm test`: the suite runs as JavaScript. esbuild compiles the runner (test/run.ts) and every test file, each with
// what it imports, into a scratch folder in one pass (under a second); each test process then loads plain modules.
// Loading the same code through tsx's loader hooks cost each process about 1 s more of CPU (159 processes).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE } from '../bin/build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') return [];
    if (statSync(path).isDirectory()) return findTests(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

// Bundled code keeps what its source file sees: `import.meta.url` is the source's own address (fixtures, agencies/,
// the project root and the signature worker are found from it), so a module behaves as it does under tsx.
const ownAddress = {
  name: 'own-address',
  setup(builder) {
    builder.onLoad({ filter: /\.tsx?$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
      loader: path.endsWith('.tsx') ? 'tsx' : 'ts',
    }));
  },
};

const patterns = process.argv.slice(2);
const files = [...findTests(join(root, 'src')), ...findTests(join(root, 'test'))]
  .map((file) => relative(root, file))
  .filter((file) => patterns.length === 0 || patterns.some((pattern) => file.includes(pattern)));

mkdirSync(join(root, '.test-build'), { recursive: true });
const outdir = mkdtempSync(join(root, '.test-build', 'run-'));
process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));
// Stopped with Ctrl-C or by CI: exit (the test processes get the same signal), so that the compiled files go too.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
await build({
  absWorkingDir: root,
  entryPoints: ['test/run.ts', ...files],
  outdir,
  outbase: root,
  outExtension: { '.js': '.mjs' },
  ...NODE_BUNDLE,
  packages: 'external', // the suite loads the npm packages from node_modules, as tsx does for one file alone
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [ownAddress],
});
const compiled = (file) => join(outdir, file.replace(/\.tsx?$/, '.mjs'));
const { runSuite } = await import(pathToFileURL(compiled('test/run.ts')).href);
await runSuite(files.map((source) => ({ source, compiled: compiled(source) })));
