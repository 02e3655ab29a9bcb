import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSchemas } from '../src/gateway/compose.js';
import { API_SCHEMA_FILE, SUPERGRAPH_FILE, subgraphFile } from '../src/core/graphql/schema-files.js';
import { SUBGRAPHS } from '../src/subgraphs.js';

describe('published SDL in schema/', () => {
  it('matches what the code produces (run `pnpm schema:write` after changing the API)', async () => {
    const { subgraphs, supergraph, api } = await composeSchemas(SUBGRAPHS);
    expect(subgraphs.map((s) => s.name)).toEqual(['registry', 'problems', 'reports']);
    for (const { name, sdl } of subgraphs) {
      expect(readFileSync(subgraphFile(name), 'utf8'), `schema/${name}.graphql is stale`).toBe(sdl);
    }
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8'), 'schema/supergraph.graphql is stale').toBe(supergraph);
    expect(readFileSync(API_SCHEMA_FILE, 'utf8'), 'schema/api.graphql is stale').toBe(api);
  });

  it('keeps Student, School and Region owned by registry and extended elsewhere', async () => {
    const { subgraphs } = await composeSchemas(SUBGRAPHS);
    const sdl = Object.fromEntries(subgraphs.map((s) => [s.name, s.sdl]));
    for (const entity of ['Student', 'School', 'Region']) {
      expect(sdl.registry).toMatch(new RegExp(`type ${entity}\\s+@key`));
    }
    expect(sdl.problems).toMatch(/type Student\s+@key\(fields: "id"\)\s*\{\s*(?:"""[^"]*"""\s*)?id: ID!\s*"""[^"]*"""\s*problems: \[Problem!\]!/);
    // Problems adds openProblemCount to School; the registry's fields it names there are @external,
    // answered only where ProblemMember.school @provides them.
    const school = /type School\s+@key\(fields: "id"\)\s*\{([^}]*)\}/.exec(sdl.problems!)?.[1] ?? '';
    expect(school).toMatch(/openProblemCount: Int\n/);
    for (const field of ['code: String!', 'name: String!', 'region: Region!']) expect(school).toContain(`${field} @external`);
    expect(sdl.problems).toMatch(/school: School! @provides\(fields: "code name region \{ name parent \{ name \} \}"\)/);
  });
});
