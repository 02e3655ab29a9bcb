import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The public API the gateway serves, and each subgraph's own SDL (federation directives included). */
const FILES = ['schema/api.graphql', 'schema/registry.graphql', 'schema/problems.graphql', 'schema/reports.graphql'];

const RULES: Linter.RulesRecord = {
  ...graphqlPlugin.configs['flat/schema-recommended'].rules,
  // Descriptions on everything a client sees: types, fields, arguments, input fields and enum values,
  // not only the types and root fields that the recommended set asks for.
  '@graphql-eslint/require-description': [
    'error',
    {
      types: true,
      rootField: true,
      DirectiveDefinition: true,
      FieldDefinition: true,
      InputValueDefinition: true,
      EnumValueDefinition: true,
    },
  ],
  // Entities have one `id: ID!` (Region: its GB/T 2260 `code`, the federation key). Results, errors,
  // pages and values nested in one entity have no identity of their own: a payload is the answer to
  // one mutation, a stats row is one group of a query, a member is a record *in a problem* (its
  // record is `student`), and abilities and ID checks belong to the object that carries them.
  // Giving them made-up ids would only let Apollo's cache merge things that are not the same.
  '@graphql-eslint/strict-id-in-types': [
    'error',
    {
      acceptedIdNames: ['id', 'code'],
      acceptedIdTypes: ['ID'],
      exceptions: {
        suffixes: ['Payload', 'Error', 'Connection', 'Edge', 'Result', 'Row', 'Progress', 'Summary'],
        types: ['PageInfo', 'ProblemAbilities', 'ProblemMember', 'MemberComparison', 'IdCheck', 'MessageParam', 'NextStep', 'SuggestedAction'],
      },
    },
  ],
  // Flags `User.username` only: it is the sign-in name, one word, not a `User`-prefixed field (the rule
  // compares case-insensitively and takes no exceptions). Renaming it would break every client's sign-in.
  '@graphql-eslint/no-typename-prefix': 'off',
};

function configFor(file: string): Linter.Config {
  return {
    files: [file],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: join(ROOT, file) } } },
    plugins: { '@graphql-eslint': graphqlPlugin as unknown as ESLint.Plugin },
    rules: RULES,
  };
}

describe('schema conventions (graphql-eslint schema-recommended)', () => {
  it('finds no errors in the published SDL', async () => {
    // graphql-eslint keeps the first schema it loads for the whole process unless NODE_ENV is "test";
    // each file here has its own schema (a subgraph's includes the federation directives), so make sure.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'test';
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: FILES.map(configFor) });
    const results = await eslint.lintFiles(FILES).finally(() => {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    });
    const messages = results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath.slice(ROOT.length)}:${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`),
    );
    expect(messages, messages.join('\n')).toEqual([]);
  }, 60_000);
});
