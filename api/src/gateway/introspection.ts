import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import { requestUnauthenticated } from '../core/errors.js';
import type { GatewayContext } from './context.js';

function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The schema is for signed-in users only: it tells an attacker what to ask for. */
export const introspectionForSignedInUsers: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, document }) {
        if (!contextValue.caller && asksForSchema(document)) throw requestUnauthenticated('Sign in to read the schema.');
      },
    };
  },
};
