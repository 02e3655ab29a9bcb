import { getNamedType, isEnumType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { EXPORT_CATALOGUES, type ExportLocale } from './labels.js';
import type { Cell, Table } from './table.js';

/** What a selected leaf holds, as far as the file is concerned. */
type LeafKind = { enumName: string } | 'datetime' | 'date' | 'other';

/** Fields typed String that hold a calendar day (`YYYY-MM-DD`): date cells in a workbook. */
const DAY_FIELDS = new Set(['birthDate']);

/**
 * Each leaf the document selects, by its path of response keys (aliases as the result names them;
 * lists add no level), with what it holds. Fields inside named fragments keep their own paths and
 * stay unlabelled: report documents are written inline.
 */
export function leafKinds(schema: GraphQLSchema, document: DocumentNode): Map<string, LeafKind> {
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  const kinds = new Map<string, LeafKind>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          path.push(node.alias?.value ?? node.name.value);
          if (node.selectionSet) return;
          const type = getNamedType(typeInfo.getType());
          if (!type) return;
          const kind: LeafKind = isEnumType(type) ? { enumName: type.name } : type.name === 'DateTimeISO' ? 'datetime' : DAY_FIELDS.has(node.name.value) ? 'date' : 'other';
          kinds.set(path.join('.'), kind);
        },
        leave() {
          path.pop();
        },
      },
    }),
  );
  return kinds;
}

/** China has one time zone and no daylight saving: a moment's wall-clock time there. */
const CHINA_OFFSET_MS = 8 * 3600_000;

function cellOf(value: Cell, kind: LeafKind | undefined, locale: ExportLocale): Cell {
  if (value === null) return null;
  const words = EXPORT_CATALOGUES[locale];
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value !== 'string' || !kind || kind === 'other') return value;
  if (kind === 'datetime') {
    const moment = Date.parse(value);
    return Number.isNaN(moment) ? value : new Date(moment + CHINA_OFFSET_MS);
  }
  if (kind === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value;
  const labels = words.enums[kind.enumName];
  // A list of values shares one cell (`A; B`): each is said on its own.
  return labels ? value.split('; ').map((v) => labels[v] ?? v).join('; ') : value;
}

/**
 * A column's header from its path: each field's name in words, a trailing `name` dropped when it
 * names its parent (`school.name` is the school: 学校; `school.region.name`: 学校 · 行政区划).
 */
function header(column: string, locale: ExportLocale): string {
  const words = EXPORT_CATALOGUES[locale];
  const parts = column.split('.').filter((part) => part !== 'nodes' && part !== 'edges' && part !== 'node');
  if (parts.length > 1 && parts.at(-1) === 'name') parts.pop();
  return parts.map((part) => words.fields[part] ?? part).join(words.separator);
}

/**
 * The table in a language: headers from the fields' names, enum values and yes/no in words, times
 * as China's wall-clock time and days as dates (date cells in a workbook, `2026-12-01 09:30` in a
 * CSV). `listPath` is where the rows were found in the result, so a column's full path is known.
 */
export function localizeTable(table: Table, listPath: readonly string[], kinds: ReadonlyMap<string, LeafKind>, locale: ExportLocale): Table {
  const columnKinds = table.columns.map((column) => kinds.get([...listPath, column].join('.')));
  return {
    columns: table.columns.map((column) => header(column, locale)),
    rows: table.rows.map((row) => row.map((value, i) => cellOf(value, columnKinds[i], locale))),
    formats: columnKinds.map((kind) => (kind === 'datetime' ? 'datetime' : kind === 'date' ? 'date' : null)),
  };
}
