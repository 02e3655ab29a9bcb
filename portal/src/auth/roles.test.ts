import { describe, expect, it } from 'vitest';
import { can } from './roles';

describe('can', () => {
  it('lets district staff review and registrars import', () => {
    expect(can('DISTRICT_ADMIN', 'review')).toBe(true);
    expect(can('DISTRICT_ADMIN', 'import')).toBe(false);
    expect(can('SCHOOL_REGISTRAR', 'import')).toBe(true);
    expect(can('SCHOOL_REGISTRAR', 'review')).toBe(false);
  });

  it('shows the dashboard to region staff only', () => {
    for (const role of ['DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'] as const) expect(can(role, 'dashboard')).toBe(true);
    expect(can('SCHOOL_REGISTRAR', 'dashboard')).toBe(false);
  });

  it('keeps registrars to their own school', () => {
    expect(can('SCHOOL_REGISTRAR', 'importIntoOwnSchool')).toBe(true);
    expect(can('SYSTEM_ADMIN', 'importIntoOwnSchool')).toBe(false);
    expect(can('SCHOOL_REGISTRAR', 'reportOnRegion')).toBe(false);
    expect(can('CITY_ADMIN', 'reportOnRegion')).toBe(true);
  });

  it('lets only registrars ask for a transfer, and district staff see the transfers they decide', () => {
    expect(can('SCHOOL_REGISTRAR', 'requestTransfer')).toBe(true);
    expect(can('DISTRICT_ADMIN', 'requestTransfer')).toBe(false);
    expect(can('SYSTEM_ADMIN', 'requestTransfer')).toBe(false);
    expect(can('DISTRICT_ADMIN', 'transfers')).toBe(true);
    expect(can('CITY_ADMIN', 'transfers')).toBe(false);
  });

  it('allows nothing before the role is known', () => {
    expect(can(null, 'review')).toBe(false);
    expect(can(undefined, 'beWaitedFor')).toBe(false);
  });
});
