/**
 * The registry's own normalisation, reused so that "the same ID" and "the same name" mean here
 * exactly what they mean to the exact duplicate detector.
 */
export { residentIdCheckChar, residentIdKey, upgradeLegacyId, normalizeName } from '../../../registry/identity-rules.js';
