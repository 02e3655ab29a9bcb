/**
 * The registry's second door, for code that compares records without a database: how names and
 * resident ID numbers are normalised and checked (GB 11643). Pure functions only — no entities,
 * decorators or connections — so a matching run or a bare benchmark loads them without the rest
 * of the subgraph. What "the same ID" and "the same name" mean stays defined in one place.
 */
export { checkResidentId, residentIdCheckChar, residentIdKey, upgradeLegacyId } from './student/id-number.js';
export { normalizeIdNumber, normalizeName } from './student/normalize.js';
