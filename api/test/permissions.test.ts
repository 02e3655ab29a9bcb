import { describe, expect, it } from 'vitest';
import type { Caller } from '../src/core/auth/caller.js';
import { authorize, can, PERMISSIONS } from '../src/core/auth/permissions.js';

const registrar: Caller = { userId: '1', username: 'reg', role: 'SCHOOL_REGISTRAR', schoolId: '10' };
const district: Caller = { userId: '2', username: 'dist', role: 'DISTRICT_ADMIN', regionPrefix: '330106' };
const city: Caller = { userId: '3', username: 'city', role: 'CITY_ADMIN', regionPrefix: '3301' };
const admin: Caller = { userId: '4', username: 'root', role: 'SYSTEM_ADMIN' };

describe('can: one table of who may do what, and whether it reaches the resource', () => {
  it('grants a permission only to the roles the table lists', () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS) as [keyof typeof PERMISSIONS, readonly string[]][]) {
      for (const caller of [registrar, district, city, admin]) expect(can(caller, permission), `${caller.role} ${permission}`).toBe(roles.includes(caller.role));
    }
  });

  it("a registrar reaches its own school's records, not another school's", () => {
    expect(can(registrar, 'record.act', { schoolId: '10' })).toBe(true);
    expect(can(registrar, 'record.act', { schoolId: '11' })).toBe(false);
    expect(can(registrar, 'problem.negotiate', { schoolIds: ['11', '10'] })).toBe(true);
    expect(can(registrar, 'problem.negotiate', { schoolIds: ['11', '12'] })).toBe(false);
  });

  it('district staff reach schools and regions inside their region only; a system admin reaches all', () => {
    expect(can(district, 'student.restore', { schoolId: '11', regionCode: '330106' })).toBe(true);
    expect(can(district, 'student.restore', { schoolId: '11', regionCode: '330108' })).toBe(false);
    expect(can(district, 'student.restore', { schoolId: '11' })).toBe(false);
    expect(can(district, 'problem.review', { region: '330106' })).toBe(true);
    expect(can(district, 'problem.review', { region: '3301' })).toBe(false);
    expect(can(admin, 'problem.review', { region: '' })).toBe(true);
    expect(can(admin, 'students.import', { schoolId: '99' })).toBe(true);
  });

  it('a caller whose claims do not fit its role reaches nothing', () => {
    const broken: Caller = { userId: '5', username: 'odd', role: 'DISTRICT_ADMIN' };
    expect(can(broken, 'problem.review', { region: '33' })).toBe(false);
    expect(can({ ...registrar, schoolId: undefined }, 'record.act', { schoolId: '10' })).toBe(false);
  });

  it('authorize refuses with the stable codes', () => {
    expect(() => authorize(null, 'record.act')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
    expect(() => authorize(district, 'record.act')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    expect(authorize(registrar, 'record.act')).toBe(registrar);
  });
});
