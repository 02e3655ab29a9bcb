/**
 * The architecture, as rules that `pnpm lint:deps` checks (dependency-cruiser).
 *
 * api/src
 *   core/                         shared kernel: configuration, database, auth, files, GraphQL plumbing.
 *                                 It names no domain: what a request carries (services, loaders) is
 *                                 declared here as open interfaces that the composition root fills in.
 *   registry/ problems/ reports/  one folder per subgraph; each shows the others one door, its index.ts.
 *   gateway/                      composes and serves the supergraph; knows subgraphs only as schemas.
 *   server/                       HTTP: the gateway's and the subgraphs' servers and the plain routes.
 *   seed/                         synthetic data (demo database, import files) for the CLI and tests.
 *   app.ts, loaders.ts            the composition root: builds each domain's services and loaders.
 *   subgraphs.ts, cli.ts, main.ts, schema-write.ts   entry points and the list of subgraphs.
 * portal/src
 *   features/<feature>/           one folder per feature; shared code lives outside features/
 *                                 (components/, composables/, domain/, i18n/, apollo/, auth/, …).
 *   shell/                        the signed-in layout (header, menu): it composes features.
 *   router/                       the routes (they load the pages); pages import router/home.ts only.
 *
 * Type-only imports count (tsPreCompilationDeps): core's types must not depend on a domain either.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
const SUBGRAPH = '(registry|problems|reports)';
const COMPOSITION_ROOT = '^api/src/(app|loaders)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'core-names-no-domain',
      severity: 'error',
      comment:
        'core/ is the shared kernel every domain builds on, so it imports none of them: no subgraph ' +
        '(registry, problems, reports), nor gateway/, server/, seed/, nor the composition root and ' +
        'entry points at the top of api/src. What core needs from the application (the services and ' +
        'loaders a request carries) it declares as an interface or takes as a parameter.',
      from: { path: '^api/src/core/' },
      to: {
        path: [
          `^api/src/${SUBGRAPH}/`,
          '^api/src/(gateway|server|seed)/',
          '^api/src/(app|loaders|subgraphs|cli|main|schema-write)\\.ts$',
        ],
      },
    },
    {
      name: 'subgraph-only-through-its-index',
      severity: 'error',
      comment:
        'Each subgraph (registry, problems, reports) shows the rest of the code one door, its index.ts: ' +
        'another subgraph, server/, seed/ or an entry point imports that and nothing deeper, so a ' +
        "subgraph can rearrange its own folders freely. Only the composition root (app.ts, loaders.ts), " +
        "which constructs each domain's services and loaders, reaches inside. The registry has a second, " +
        'light door, identity-rules.ts: its pure name and ID-number rules, for matching without a database.',
      // $1 is the importer's top folder (or file): a subgraph's own files reach each other freely.
      from: { path: '^api/src/([^/]+)', pathNot: ['^api/src/core/', COMPOSITION_ROOT] },
      to: {
        path: `^api/src/${SUBGRAPH}/`,
        pathNot: ['^api/src/$1/', `^api/src/${SUBGRAPH}/index\\.ts$`, '^api/src/registry/identity-rules\\.ts$'],
      },
    },
    {
      name: 'subgraph-builds-on-core-only',
      severity: 'error',
      comment:
        "A subgraph builds on core/ and on other subgraphs' index.ts only. It imports nothing of what " +
        'is built on top of the subgraphs: gateway/, server/, seed/, the composition root or an entry ' +
        'point. What a subgraph needs from those (e.g. running a query through the gateway) is handed ' +
        'to it as a parameter.',
      from: { path: `^api/src/${SUBGRAPH}/` },
      to: { path: ['^api/src/(gateway|server|seed)/', '^api/src/[^/]+\\.ts$'] },
    },
    {
      name: 'gateway-knows-no-subgraph',
      severity: 'error',
      comment:
        'The gateway composes and serves the supergraph from its SDL and calls subgraphs over HTTP or ' +
        'in-process through a handle it is given; it imports no subgraph, nor the composition root ' +
        'or the list of subgraphs (whoever starts it passes in what it needs).',
      from: { path: '^api/src/gateway/' },
      to: {
        path: [`^api/src/${SUBGRAPH}/`, '^api/src/(server|seed)/', '^api/src/(app|loaders|subgraphs|cli|main)\\.ts$'],
      },
    },
    {
      name: 'seed-only-for-tools',
      severity: 'error',
      comment:
        'seed/ makes synthetic data (the demo database, generated import files). Only the CLI, the ' +
        'entry point and tests use it; no subgraph, core, gateway or server code depends on it, so ' +
        'demo data never becomes part of the product.',
      from: { path: '^api/src/', pathNot: ['^api/src/seed/', '^api/src/(cli|main)\\.ts$'] },
      to: { path: '^api/src/seed/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'No circular imports, type-only ones included: a cycle ties its modules into one unit that ' +
        'can be neither understood nor tested nor moved on its own, and at run time it loads modules ' +
        'half-initialised.',
      from: { path: '^(api|portal)/src/' },
      to: { circular: true },
    },
    {
      name: 'portal-feature-stays-in-its-folder',
      severity: 'error',
      comment:
        'A portal feature (portal/src/features/<feature>/) imports no other feature. What two features ' +
        'share moves out of features/ into components/, composables/ or another shared folder, so a ' +
        'feature can change or go without breaking another.',
      from: { path: '^portal/src/features/([^/]+)/' },
      to: { path: '^portal/src/features/', pathNot: ['^portal/src/features/$1/'] },
    },
    {
      name: 'imports-resolve',
      severity: 'error',
      comment:
        'Every relative or `@/` import resolves to a file: one the cruiser cannot follow would pass ' +
        'every rule above unseen.',
      from: { path: '^(api|portal)/src/' },
      to: { couldNotResolve: true, path: '^(\\.{1,2}/|@/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^portal/src/gql/', '^api/src/core/db/migrations/', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    // The portal's `@/…` alias (the API has none), in a tsconfig of its own: portal/tsconfig.json names no baseUrl.
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.vue', '.js', '.mjs', '.json'],
    },
    skipAnalysisNotInRules: true,
    cache: false,
  },
};
