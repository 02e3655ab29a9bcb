import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { API_SCHEMA_FILE } from '../../core/graphql/schema-files.js';
import { revealingSelections } from './revealing-fields.js';

let apiSchema: GraphQLSchema | undefined;

/** The published client schema, which every report document must be valid against. */
export function reportSchema(): GraphQLSchema {
  apiSchema ??= buildSchema(readFileSync(API_SCHEMA_FILE, 'utf8'));
  return apiSchema;
}

export class InvalidReportDocument extends Error {}

const where = (error: GraphQLError) => {
  const location = error.locations?.[0];
  return location ? ` (line ${location.line}, column ${location.column})` : '';
};

/**
 * Checks a report's GraphQL document: it must parse, be valid against the API, and only read
 * (query operations). It runs later with the permissions of whoever runs it, so it can never show
 * more than that person may see; refusing mutations keeps "run a report" from changing anything.
 */
export function checkReportDocument(text: string): DocumentNode {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    throw new InvalidReportDocument(`The query does not parse: ${(error as GraphQLError).message}`);
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new InvalidReportDocument('A report holds exactly one query.');
  if (operations[0]!.operation !== 'query') throw new InvalidReportDocument('A report only reads: use a query, not a mutation or subscription.');
  const errors = validate(reportSchema(), document);
  if (errors.length > 0) throw new InvalidReportDocument(errors.map((e) => `${e.message}${where(e)}`).join(' '));
  return document;
}

/** The revealing fields (see revealing-fields.ts) a document checked by checkReportDocument selects. */
export function revealingFields(document: DocumentNode): string[] {
  return revealingSelections(reportSchema(), document);
}

/**
 * Whether a stored report's document selects a revealing field. Reports saved before the rule
 * may no longer be valid against today's schema; they are walked anyway (an unknown field simply
 * has no type), and one that does not even parse cannot run, so reveals nothing.
 */
export function storedDocumentReveals(text: string): boolean {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    return false;
  }
  return revealingSelections(reportSchema(), document).length > 0;
}
