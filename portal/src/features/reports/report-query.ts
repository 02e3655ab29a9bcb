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

/** A plain copy (the builder's state is reactive, which `structuredClone` refuses). */
export function cloneSpec(spec: ReportSpec): ReportSpec {
  return { dimensions: [...spec.dimensions], measures: [...spec.measures], filter: { ...spec.filter } };
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
 * The GraphQL query of a report, as text: the server parses and validates it (the portal does not
 * ship a GraphQL parser for this). Dimensions and filter travel as variables, so a saved report's
 * variables say what it shows and one document serves every filter; the document fixes the
 * selection: the dimension fields, then the measures in the schema's order, laid out as
 * graphql-js prints a query.
 */
export function buildReportQuery(spec: ReportSpec): BuiltReportQuery {
  const dimensions = [...new Set(spec.dimensions)];
  const measures = STATS_MEASURES.filter((m) => spec.measures.includes(m));
  // An empty selection is not a query; a report with nothing ticked still counts.
  const lines = [...dimensions.flatMap((d) => DIMENSION_SELECTION[d]), ...(measures.length > 0 ? measures : ['count'])];
  const document = [
    `query ${REPORT_OPERATION_NAME}($groupBy: [StatsDimension!]!, $filter: ProblemStatsFilter) {`,
    '  problemStats(groupBy: $groupBy, filter: $filter) {',
    ...lines.map((line) => `    ${line}`),
    '  }',
    '}',
  ].join('\n');
  const variables: ReportVariables = { groupBy: dimensions };
  const filter = compactFilter(spec.filter);
  if (filter) variables.filter = filter;
  return { document, variables };
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
 * wrote (someone wrote or edited it by hand, e.g. in the explorer): such a report is run and
 * exported as it is. The check is exact: rebuilding from the selections must give back the same
 * text, so nothing of a hand-written query is ever lost by opening it in the builder.
 */
export function specFromSaved(document: string, variables: Record<string, unknown>): ReportSpec | null {
  if (Object.keys(variables).some((key) => key !== 'groupBy' && key !== 'filter')) return null;
  const groupBy = variables.groupBy ?? [];
  if (!Array.isArray(groupBy) || !groupBy.every(isDimension)) return null;
  const filter = asFilter(variables.filter);
  if (!filter) return null;
  const lines = new Set(document.split('\n').map((line) => line.trim()));
  const measures = STATS_MEASURES.filter((m) => lines.has(m) && isMeasure(m));
  const spec: ReportSpec = { dimensions: groupBy, measures, filter };
  return buildReportQuery(spec).document === document.trim() ? spec : null;
}
