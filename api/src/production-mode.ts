// graphql-js reads NODE_ENV once, when it is first loaded: outside production it runs extra checks
// on every type test (its `instanceOf` looks for a second copy of graphql-js each time a test fails),
// a share of every request's CPU. So the server runs in production mode unless told otherwise, and
// this module comes first among the entry point's imports, before anything loads graphql-js.
process.env.NODE_ENV ??= 'production';
