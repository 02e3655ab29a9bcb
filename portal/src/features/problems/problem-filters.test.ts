import { describe, expect, it } from 'vitest';
import { listViewFilter, listViewQuery, parseListView } from './problem-filters';

describe('problem list view in the URL', () => {
  it('reads every filter, the order and the page size', () => {
    const view = parseListView({ type: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', status: 'OPEN', waiting: '1', sort: 'UPDATED_DESC', size: '50' });
    expect(view).toEqual({ type: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', status: 'OPEN', waitingForMe: true, schoolId: null, regionCode: null, order: 'UPDATED_DESC', pageSize: 50 });
    expect(listViewQuery(view)).toEqual({ type: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', status: 'OPEN', waiting: '1', sort: 'UPDATED_DESC', size: '50' });
    expect(listViewFilter(view)).toEqual({ type: 'DUPLICATE_ID', scope: 'CROSS_SCHOOL', status: 'OPEN', waitingForMe: true });
  });

  it('ignores unknown values and leaves defaults out of the URL', () => {
    const view = parseListView({ type: 'NOPE', status: ['RESOLVED', 'OPEN'], sort: 'name', size: '7', waiting: 'yes' });
    expect(view).toEqual({ type: null, scope: null, status: 'RESOLVED', waitingForMe: false, schoolId: null, regionCode: null, order: 'OPENED_DESC', pageSize: 20 });
    expect(listViewQuery(view)).toEqual({ status: 'RESOLVED' });
    expect(listViewFilter(parseListView({}))).toBeNull();
  });

  it('keeps a school or region chosen on the dashboard, and ignores malformed ones', () => {
    const view = parseListView({ school: '42', region: '330102', status: 'OPEN' });
    expect(listViewFilter(view)).toEqual({ status: 'OPEN', schoolId: '42', regionId: '330102' });
    expect(listViewQuery(view)).toEqual({ status: 'OPEN', school: '42', region: '330102' });
    expect(listViewFilter(parseListView({ school: 'x1', region: '3301' }))).toBeNull();
  });
});
