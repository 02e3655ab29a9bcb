#!/usr/bin/env node
// Typed GraphQL documents for the portal: GraphQL Code Generator's client preset, run through
// @graphql-codegen/core. (The `graphql-codegen` CLI is not used: its current releases pull in
// packages that require Node 22, and this workspace supports Node 20.19+.)
//
// Input:  ../schema/api.graphql (the client-facing gateway schema) and every `*.graphql` document
//         under src/ (each beside the component that uses it, operations named `<Component>_<Op>`).
// Output: src/gql/ (committed). `--check` fails instead of writing when the output is stale.
//
// Usage: pnpm run codegen            regenerate src/gql/
//        pnpm run codegen -- --check exit 1 if src/gql/ differs from what would be generated
import { codegen } from '@graphql-codegen/core';
import * as clientPreset from '@graphql-codegen/client-preset';
import { GraphQLFileLoader } from '@graphql-tools/graphql-file-loader';
import { loadDocuments, loadSchema } from '@graphql-tools/load';
import { parse, printSchema } from 'graphql';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const portalDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = path.resolve(portalDir, '../schema/api.graphql');
const outputDir = 'src/gql/';
const documentGlobs = ['src/**/*.graphql'];

/** Options for the client preset and the plugins it drives. */
const config = {
  useTypeImports: true,
  enumsAsTypes: true,
  skipTypename: false,
  scalars: { DateTimeISO: 'string' },
  // Same default as the CLI: import specifiers without an extension (fine for the Bundler resolution).
  emitLegacyCommonJSImports: true,
};
const presetConfig = { fragmentMasking: false };

async function generate() {
  const schemaAst = await loadSchema(schemaFile, {
    loaders: [new GraphQLFileLoader()],
    assumeValidSDL: true,
    sort: true,
    convertExtensions: true,
    includeSources: true,
  });
  const documents = await loadDocuments(documentGlobs, {
    loaders: [new GraphQLFileLoader()],
    cwd: portalDir,
    sort: true,
    skipGraphQLImport: true,
    ignore: [path.join(portalDir, outputDir, '**')],
  });
  // Report document paths relative to the portal, so the output does not depend on the checkout path.
  for (const doc of documents) if (doc.location) doc.location = path.relative(portalDir, doc.location);

  const outputs = await clientPreset.preset.buildGeneratesSection({
    baseOutputDir: outputDir,
    presetConfig,
    plugins: [],
    schema: parse(printSchema(schemaAst)),
    schemaAst,
    documents,
    config,
    pluginMap: {},
    pluginContext: {},
    documentTransforms: [],
  });

  const files = new Map();
  for (const output of outputs) {
    const content = await codegen({ ...output, emitLegacyCommonJSImports: true, importExtension: '' });
    files.set(output.filename, content);
  }
  return files;
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await generate();
  const absOut = path.join(portalDir, outputDir);
  const existing = new Set((await readdir(absOut).catch(() => [])).map((name) => path.join(outputDir, name)));

  if (check) {
    const stale = [];
    for (const [filename, content] of files) {
      const current = await readFile(path.join(portalDir, filename), 'utf8').catch(() => null);
      if (current !== content) stale.push(filename);
      existing.delete(filename);
    }
    stale.push(...[...existing].map((f) => `${f} (no longer generated)`));
    if (stale.length > 0) {
      console.error(`GraphQL types are out of date; run \`pnpm --filter portal run codegen\`:\n  ${stale.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`src/gql/ is up to date (${files.size} files).`);
    return;
  }

  await mkdir(absOut, { recursive: true });
  for (const [filename, content] of files) {
    await writeFile(path.join(portalDir, filename), content);
    existing.delete(filename);
  }
  for (const leftover of existing) await rm(path.join(portalDir, leftover));
  console.log(`Generated ${[...files.keys()].join(', ')}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
