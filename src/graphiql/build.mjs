// Bundles the offline GraphiQL page into src/main/resources/graphiql-bundle/ (committed, so that
// `mvn test` needs neither npm nor a network). Run `npm ci && npm run build` here after changing
// package.json, app/ or examples/, and commit the result.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../main/resources/graphiql-bundle');
const common = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  target: ['es2022', 'chrome111', 'firefox111', 'safari16.4'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

await build({
  ...common,
  entryPoints: { graphiql: path.join(here, 'app/main.jsx') },
  outdir: out,
  // One script: GraphiQL imports Monaco and Prettier lazily, but split chunks would lose the CSS
  // those imports bring (esbuild does not load a chunk's CSS), so everything goes in graphiql.js/.css.
  format: 'iife',
  jsx: 'automatic',
  loader: { '.graphql': 'text', '.ttf': 'file' },
  assetNames: '[name]',
});

// Monaco's web workers: the editor's, JSON's (variables, headers) and GraphQL's language service.
await build({
  ...common,
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir: out,
  format: 'iife',
  absWorkingDir: here,
});

await copyFile(path.join(here, 'app/index.html'), path.join(out, 'index.html'));

let total = 0;
for (const file of (await readdir(out, { recursive: true })).sort()) {
  const { size, isFile } = await stat(path.join(out, file)).then(s => ({ size: s.size, isFile: s.isFile() }));
  if (isFile) {
    total += size;
    console.log(`${file.padEnd(40)} ${(size / 1024).toFixed(0).padStart(6)} KiB`);
  }
}
console.log(`${'total'.padEnd(40)} ${(total / 1024).toFixed(0).padStart(6)} KiB`);
