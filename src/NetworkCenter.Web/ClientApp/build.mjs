// Bundles the pages' ES modules and CSS into ../wwwroot/dist. Run by MSBuild (ClientApp.targets) during
// `dotnet build`; `node build.mjs --dev` skips minification for debugging.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, '../wwwroot/dist');
const dev = process.argv.includes('--dev');
const require = createRequire(import.meta.url);

// bpmnlint resolves its rules in Node; the browser needs them compiled into the bundle. This is what
// bpmnlint-loader (webpack) and rollup-plugin-bpmnlint do, done for esbuild with bpmnlint's own compiler.
const bpmnlintConfig = {
  name: 'bpmnlint-config',
  setup(b) {
    b.onResolve({ filter: /\.bpmnlintrc$/ }, args => ({
      path: path.resolve(args.resolveDir, args.path),
      namespace: 'bpmnlint'
    }));
    b.onLoad({ filter: /.*/, namespace: 'bpmnlint' }, async args => {
      const compileConfig = require('bpmnlint/lib/support/compile-config');
      const config = JSON.parse(await readFile(args.path, 'utf8'));
      return { contents: await compileConfig(config), loader: 'js', resolveDir: here, watchFiles: [ args.path ] };
    });
  }
};

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: here,
  entryPoints: {
    login: 'src/pages/login.js',
    home: 'src/pages/home.js',
    designer: 'src/pages/designer.js',
    forms: 'src/pages/forms.js',
    inbox: 'src/pages/inbox.js',
    instance: 'src/pages/instance.js',
    portal: 'src/pages/portal.js',
    clues: 'src/pages/clues.js',
    clue: 'src/pages/clue.js',
    poster: 'src/pages/poster.js',
    network: 'src/pages/network.js',
    register: 'src/pages/register.js',
    merge: 'src/pages/merge.js',
    holidays: 'src/pages/holidays.js',
    statistics: 'src/pages/statistics.js'
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: [ 'es2022', 'chrome110', 'firefox110', 'safari16' ],
  minify: !dev,
  sourcemap: 'linked',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
  define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
  plugins: [ bpmnlintConfig ]
});
// MSBuild's incremental check compares against this file.
await writeFile(path.join(outdir, '.stamp'), new Date().toISOString());
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`ClientApp: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${path.relative(process.cwd(), outdir)}`);
