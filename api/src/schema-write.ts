import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { API_SCHEMA_FILE, SUPERGRAPH_FILE, subgraphFile } from './core/graphql/schema-files.js';
import { composeSchemas } from './gateway/compose.js';
import { SUBGRAPHS } from './subgraphs.js';
import { lifecycleDiagram } from './problems/index.js';

/** `pnpm schema:write`: regenerates the published SDL in schema/ from the code. */
const { subgraphs, supergraph, api } = await composeSchemas(SUBGRAPHS);
for (const { name, sdl } of subgraphs) writeFileSync(subgraphFile(name), sdl);
writeFileSync(SUPERGRAPH_FILE, supergraph);
writeFileSync(API_SCHEMA_FILE, api);
console.log(`wrote ${subgraphs.map((s) => `${s.name}.graphql`).join(', ')} supergraph.graphql and api.graphql to schema/`);

// The README's lifecycle diagram is drawn from the transition table, so the picture cannot drift.
const README = new URL('../../README.md', import.meta.url);
const readme = readFileSync(README, 'utf8');
const diagram = '<!-- lifecycle:start -->\n```mermaid\n' + lifecycleDiagram() + '\n```\n<!-- lifecycle:end -->';
writeFileSync(README, readme.replace(/<!-- lifecycle:start -->[\s\S]*?<!-- lifecycle:end -->/, diagram));
console.log('wrote the lifecycle diagram to README.md');
