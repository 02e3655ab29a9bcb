import { describe, expect, it } from 'vitest';
import { navItemsFor } from './nav-items';

const paths = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.path);

describe('navItemsFor', () => {
  it('shows the review queue to district staff and import to registrars', () => {
    expect(paths('DISTRICT_ADMIN')).toContain('/review');
    expect(paths('DISTRICT_ADMIN')).not.toContain('/import');
    expect(paths('SCHOOL_REGISTRAR')).toContain('/import');
    expect(paths('SCHOOL_REGISTRAR')).not.toContain('/review');
    expect(paths('SYSTEM_ADMIN')).toEqual(expect.arrayContaining(['/review', '/import']));
  });

  it('keeps role-limited entries out until the role is known', () => {
    expect(paths(null)).toEqual(['/problems', '/students']);
    expect(paths('CITY_ADMIN')).toEqual(['/problems', '/students', '/possible-duplicates', '/dashboard', '/reports', '/explorer']);
  });

  it('shows the dashboard, reports and the explorer to district staff and above; a registrar sees its work', () => {
    for (const role of ['DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'] as const) {
      expect(paths(role)).toEqual(expect.arrayContaining(['/dashboard', '/reports', '/explorer']));
    }
    expect(paths('SCHOOL_REGISTRAR')).toEqual(['/problems', '/students', '/transfers', '/verification', '/import']);
  });

  it('shows transfers to the registrars who ask and answer and the district staff who decide, not to city or province staff', () => {
    for (const role of ['SCHOOL_REGISTRAR', 'DISTRICT_ADMIN', 'SYSTEM_ADMIN'] as const) expect(paths(role)).toContain('/transfers');
    for (const role of ['CITY_ADMIN', 'PROVINCE_ADMIN'] as const) expect(paths(role)).not.toContain('/transfers');
  });

  it('shows the possible duplicates to district, city and province staff (the API’s suggestion.review), not to registrars', () => {
    for (const role of ['DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'] as const) expect(paths(role)).toContain('/possible-duplicates');
    expect(paths('SCHOOL_REGISTRAR')).not.toContain('/possible-duplicates');
    expect(navItemsFor('DISTRICT_ADMIN').find((item) => item.path === '/possible-duplicates')?.labelKey).toBe('nav.possibleDuplicates');
  });
});
