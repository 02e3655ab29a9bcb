import { buildSchema, parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
// The published client schema, which the server checks every report against.
import schemaText from '../../../../schema/api.graphql?raw';
import { STATS_DIMENSIONS, STATS_MEASURES } from './report-fields';
import { buildReportQuery, specFromSaved } from './report-query';

const apiSchema = buildSchema(schemaText);

describe('buildReportQuery', () => {
  it('writes the query for a dimension and measures, the dimension as a variable', () => {
    const { document, variables } = buildReportQuery({ dimensions: ['SCHOOL'], measures: ['unresolved', 'count'], filter: {} });
    expect(document).toBe(
      [
        'query ProblemStatsReport($groupBy: [StatsDimension!]!, $filter: ProblemStatsFilter) {',
        '  problemStats(groupBy: $groupBy, filter: $filter) {',
        '    schoolId',
        '    school {',
        '      name',
        '    }',
        '    count',
        '    unresolved',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(variables).toEqual({ groupBy: ['SCHOOL'] });
  });

  it('keeps the dimensions in the order picked and sends only the filters that are set', () => {
    const { document, variables } = buildReportQuery({
      dimensions: ['OPENED_WEEK', 'REGION', 'TYPE'],
      measures: ['medianDaysToResolve', 'overdue'],
      filter: { openedTo: '2025-06-30', status: null, type: 'DUPLICATE_ID', regionCode: '330106', openedFrom: ' 2025-01-01 ', scope: undefined },
    });
    expect(document).toContain('    openedWeek\n    regionCode\n    region {\n      name\n    }\n    type\n    overdue\n    medianDaysToResolve\n  }');
    expect(JSON.stringify(variables)).toBe(
      JSON.stringify({
        groupBy: ['OPENED_WEEK', 'REGION', 'TYPE'],
        filter: { type: 'DUPLICATE_ID', regionCode: '330106', openedFrom: '2025-01-01', openedTo: '2025-06-30' },
      }),
    );
  });

  it('totals without a dimension', () => {
    expect(buildReportQuery({ dimensions: [], measures: ['count'], filter: {} })).toEqual({
      document: expect.stringContaining('problemStats(groupBy: $groupBy, filter: $filter) {\n    count\n  }'),
      variables: { groupBy: [] },
    });
  });

  it('writes queries the published schema accepts, for every dimension and measure, laid out as graphql-js prints them', () => {
    const { document } = buildReportQuery({ dimensions: [...STATS_DIMENSIONS], measures: [...STATS_MEASURES], filter: {} });
    expect(validate(apiSchema, parse(document))).toEqual([]);
    expect(print(parse(document))).toBe(document);
  });
});

describe('specFromSaved', () => {
  it('reopens what the builder wrote', () => {
    const spec = { dimensions: ['TYPE' as const, 'STATUS' as const], measures: ['count' as const, 'overdue' as const], filter: { scope: 'CROSS_SCHOOL' as const } };
    const { document, variables } = buildReportQuery(spec);
    expect(specFromSaved(document, variables)).toEqual(spec);
  });

  it('treats a reformatted query as written by hand, so opening it never rewrites it', () => {
    const document = 'query ProblemStatsReport($groupBy:[StatsDimension!]!,$filter:ProblemStatsFilter){problemStats(groupBy:$groupBy,filter:$filter){type count}}';
    expect(specFromSaved(document, { groupBy: ['TYPE'] })).toBeNull();
  });

  it('leaves hand-written queries alone', () => {
    expect(specFromSaved('{ problems(first: 5) { nodes { id } } }', {})).toBeNull();
    expect(specFromSaved('query { problemStats(groupBy: [TYPE]) { type count } }', { groupBy: ['TYPE'] })).toBeNull();
    const { document } = buildReportQuery({ dimensions: ['TYPE'], measures: ['count'], filter: {} });
    expect(specFromSaved(document, { groupBy: ['SHOE_SIZE'] })).toBeNull();
    expect(specFromSaved(document, { groupBy: ['TYPE'], filter: { schoolId: '5' } })).toBeNull();
    expect(specFromSaved(document, { groupBy: ['TYPE'], extra: 1 })).toBeNull();
    expect(specFromSaved('not graphql', {})).toBeNull();
  });
});
