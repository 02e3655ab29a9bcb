import { Kind, type DocumentNode, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import { checkReportDocument, InvalidReportDocument, reportSchema } from '../saved/report-document.js';
import { EXPORT_LOCALES, type ExportLocale } from './labels.js';
import { leafKinds, localizeTable } from './localize.js';
import { findList, tabulate, toCsv, toXlsx } from './table.js';

export const MAX_EXPORT_ROWS = 100_000;

export interface ExportRequest {
  document: string;
  variables?: Record<string, unknown>;
  format: 'csv' | 'xlsx';
  /** File name without extension. */
  name?: string;
  /** The language of headers and values; Chinese when not given. */
  locale?: ExportLocale;
}

export class ExportRefused extends Error {
  constructor(
    readonly code: 'INVALID_DOCUMENT' | 'QUERY_FAILED' | 'NO_LIST' | 'TOO_MANY_ROWS' | 'INVALID_VALUE',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * Runs one GraphQL operation as the exporting user. The server hands in the gateway's (gateway.ts
 * `operationsAs`), so the export runs through the whole supergraph without importing the gateway.
 */
export type RunOperation = (query: string, variables: Record<string, unknown>) => Promise<FormattedExecutionResult>;

/**
 * Export of any report or list as CSV or XLSX. The query runs through the gateway with the
 * exporter's own credentials, exactly as the portal would run it, so an export can never hold
 * more than its user may see. When the query takes an `$after` variable and its list is a
 * connection, every page is fetched (up to MAX_EXPORT_ROWS rows), so "export" means the whole list.
 */
export async function exportReport(run: RunOperation, request: ExportRequest) {
  if (request.format !== 'csv' && request.format !== 'xlsx') throw new ExportRefused('INVALID_VALUE', 'format must be csv or xlsx.');
  const locale = request.locale ?? 'zh-CN';
  if (!EXPORT_LOCALES.includes(locale)) throw new ExportRefused('INVALID_VALUE', `locale must be one of ${EXPORT_LOCALES.join(', ')}.`);
  let document: DocumentNode;
  let operation: OperationDefinitionNode;
  try {
    document = checkReportDocument(request.document);
    operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  } catch (error) {
    if (error instanceof InvalidReportDocument) throw new ExportRefused('INVALID_DOCUMENT', error.message);
    throw error;
  }
  const pages = operation.variableDefinitions?.some((v) => v.variable.name.value === 'after') ?? false;
  const items: unknown[] = [];
  let listPath: string[] = [];
  let variables = { ...request.variables };
  for (;;) {
    const { data, errors } = await run(request.document, variables);
    if (errors?.length) throw new ExportRefused('QUERY_FAILED', errors.map((e) => e.message).join(' '), errors);
    const list = findList(data);
    if (!list) throw new ExportRefused('NO_LIST', 'The query returns no list to export.');
    items.push(...list.items);
    listPath = list.path;
    if (items.length > MAX_EXPORT_ROWS) throw new ExportRefused('TOO_MANY_ROWS', `More than ${MAX_EXPORT_ROWS} rows: narrow the filter.`);
    if (!pages || !list.pageInfo?.hasNextPage || !list.pageInfo.endCursor) break;
    variables = { ...variables, after: list.pageInfo.endCursor };
  }
  const table = localizeTable(tabulate(items), listPath, leafKinds(reportSchema(), document), locale);
  const name = (request.name ?? '').trim() || 'report';
  return request.format === 'csv'
    ? { body: toCsv(table), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv`, rows: table.rows.length }
    : {
        body: await toXlsx(table, name),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${name}.xlsx`,
        rows: table.rows.length,
      };
}
