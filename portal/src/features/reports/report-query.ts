import { Kind, parse, print, type FieldNode, type OperationDefinitionNode } from 'graphql';
import {
  DIMENSION_SELECTION,
  FILTER_KEYS,
  STATS_MEASURES,
  isDimension,
  isMeasure,
  type ReportFilter,
  type StatsDimension,
  type StatsMeasure,
} from './report-fields';

/** What the user picked in the builder. */
export interface ReportSpec {
  /** In the order picked: the first one is the chart's axis. */
  dimensions: StatsDimension[];
  measures: StatsMeasure[];
  filter: ReportFilter;
}

export interface ReportVariables {
  groupBy: StatsDimension[];
  filter?: ReportFilter;
  [key: string]: unknown;
}

/** A report's query as run, exported and saved: the builder's, or one written by hand. */
export interface ReportQuery {
  document: string;
  variables: Record<string, unknown>;
}

export interface BuiltReportQuery extends ReportQuery {
  variables: ReportVariables;
}

export const REPORT_OPERATION_NAME = 'ProblemStatsReport';

/** The filter as sent: only the fields that are set, in a fixed order, trimmed. */
export function compactFilter(filter: ReportFilter): ReportFilter | undefined {
  const compact: ReportFilter = {};
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (typeof value === 'string' && value.trim() !== '') (compact as Record<string, string>)[key] = value.trim();
  }
  return Object.keys(compact).length > 0 ? compact : undefined;
}

/**
 * The GraphQL query of a report. Dimensions and filter travel as variables, so a saved report's
 * variables say what it shows and the same document serves every filter; the selection (the
 * dimension fields, then the measures in the schema's order) is what the document fixes. The text
 * is printed from its parsed form, so it is always well formed and formatted the same way.
 */
export function buildReportQuery(spec: ReportSpec): BuiltReportQuery {
  const dimensions = [...new Set(spec.dimensions)];
  const measures = STATS_MEASURES.filter((m) => spec.measures.includes(m));
  const fields = [...dimensions.flatMap((d) => DIMENSION_SELECTION[d]), ...measures];
  // An empty selection is not a query; a report with nothing ticked still counts.
  if (measures.length === 0) fields.push('count');
  const text = `query ${REPORT_OPERATION_NAME}($groupBy: [StatsDimension!]!, $filter: ProblemStatsFilter) {
    problemStats(groupBy: $groupBy, filter: $filter) { ${fields.join(' ')} }
  }`;
  const variables: ReportVariables = { groupBy: dimensions };
  const filter = compactFilter(spec.filter);
  if (filter) variables.filter = filter;
  return { document: print(parse(text)), variables };
}

function asFilter(value: unknown): ReportFilter | null {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  const filter: Record<string, string> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key) || (inner !== null && typeof inner !== 'string')) return null;
    if (inner) filter[key] = inner;
  }
  return filter as ReportFilter;
}

/**
 * The builder's selections for a saved report, or null when its query is not one the builder
 * writes (someone wrote it by hand, e.g. in the explorer): such a report is run and exported as
 * it is. The check is exact: rebuilding from the selections must give back the same query.
 */
export function specFromSaved(document: string, variables: Record<string, unknown>): ReportSpec | null {
  let operation: OperationDefinitionNode | undefined;
  try {
    const parsed = parse(document);
    if (parsed.definitions.length !== 1) return null;
    const [definition] = parsed.definitions;
    if (definition?.kind !== Kind.OPERATION_DEFINITION) return null;
    operation = definition;
  } catch {
    return null;
  }
  const root = operation.selectionSet.selections[0];
  if (operation.selectionSet.selections.length !== 1 || root?.kind !== Kind.FIELD || !root.selectionSet) return null;
  const measures = root.selectionSet.selections
    .filter((s): s is FieldNode => s.kind === Kind.FIELD)
    .map((s) => s.name.value)
    .filter(isMeasure);

  const groupBy = variables.groupBy ?? [];
  if (!Array.isArray(groupBy) || !groupBy.every(isDimension)) return null;
  const filter = asFilter(variables.filter);
  if (!filter) return null;

  const spec: ReportSpec = { dimensions: groupBy, measures, filter };
  const rebuilt = buildReportQuery(spec);
  if (rebuilt.document !== print(parse(document))) return null;
  if (Object.keys(variables).some((key) => key !== 'groupBy' && key !== 'filter')) return null;
  return spec;
}
