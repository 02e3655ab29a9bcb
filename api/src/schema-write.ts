import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { composeSchemas } from './gateway/compose.js';
import { API_SCHEMA_FILE, SUPERGRAPH_FILE, subgraphFile } from './gateway/schema-files.js';

/** `pnpm schema:write`: regenerates the published SDL in schema/ from the code. */
const { subgraphs, supergraph, api } = await composeSchemas();
for (const { name, sdl } of subgraphs) writeFileSync(subgraphFile(name), sdl);
writeFileSync(SUPERGRAPH_FILE, supergraph);
writeFileSync(API_SCHEMA_FILE, api);
console.log(`wrote ${subgraphs.map((s) => `${s.name}.graphql`).join(', ')} supergraph.graphql and api.graphql to schema/`);
