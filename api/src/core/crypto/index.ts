export { blindKey, blindText, keyRing, openText, sealText, useKeyRing } from './active.js';
export { sealBatch, type SealBatch, type SealedBatch } from './batch.js';
export { blindIndex, isSealed, keyIdOf, open, seal, SealedValueError } from './cipher.js';
export { key32, KEY_ID_PATTERN, parseDataKeys, resolveKeyRing, type KeyRing, type KeySettings } from './key-ring.js';
