/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation LoginForm_Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    user {\n      id\n      username\n      displayName\n      role\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.LoginForm_LoginDocument,
    "query AppLayout_Me {\n  me {\n    id\n    username\n    displayName\n    role\n    school {\n      id\n      name\n      code\n    }\n    region {\n      code\n      name\n    }\n  }\n}": typeof types.AppLayout_MeDocument,
    "query StudentsPage_Students($filter: StudentFilter, $first: Int!, $after: String) {\n  students(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      name\n      gender\n      birthDate\n      idNumberMasked\n      grade\n      className\n      status\n      school {\n        id\n        name\n        region {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    totalCount\n  }\n}": typeof types.StudentsPage_StudentsDocument,
};
const documents: Documents = {
    "mutation LoginForm_Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    user {\n      id\n      username\n      displayName\n      role\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}": types.LoginForm_LoginDocument,
    "query AppLayout_Me {\n  me {\n    id\n    username\n    displayName\n    role\n    school {\n      id\n      name\n      code\n    }\n    region {\n      code\n      name\n    }\n  }\n}": types.AppLayout_MeDocument,
    "query StudentsPage_Students($filter: StudentFilter, $first: Int!, $after: String) {\n  students(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      name\n      gender\n      birthDate\n      idNumberMasked\n      grade\n      className\n      status\n      school {\n        id\n        name\n        region {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    totalCount\n  }\n}": types.StudentsPage_StudentsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LoginForm_Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    user {\n      id\n      username\n      displayName\n      role\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}"): (typeof documents)["mutation LoginForm_Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    user {\n      id\n      username\n      displayName\n      role\n    }\n    error {\n      code\n      message\n      field\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AppLayout_Me {\n  me {\n    id\n    username\n    displayName\n    role\n    school {\n      id\n      name\n      code\n    }\n    region {\n      code\n      name\n    }\n  }\n}"): (typeof documents)["query AppLayout_Me {\n  me {\n    id\n    username\n    displayName\n    role\n    school {\n      id\n      name\n      code\n    }\n    region {\n      code\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StudentsPage_Students($filter: StudentFilter, $first: Int!, $after: String) {\n  students(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      name\n      gender\n      birthDate\n      idNumberMasked\n      grade\n      className\n      status\n      school {\n        id\n        name\n        region {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    totalCount\n  }\n}"): (typeof documents)["query StudentsPage_Students($filter: StudentFilter, $first: Int!, $after: String) {\n  students(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      name\n      gender\n      birthDate\n      idNumberMasked\n      grade\n      className\n      status\n      school {\n        id\n        name\n        region {\n          code\n          name\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    totalCount\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;