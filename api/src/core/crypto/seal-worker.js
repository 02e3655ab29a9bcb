// The sealing thread of batch.ts: seals columns of values and blinds others, batch by batch, so a
// large import's main thread keeps parsing while this one encrypts (README, "Encryption at rest").
import { parentPort, workerData } from 'node:worker_threads';
import { blindWith, sealWith } from './aead.js';

/** @type {{ key: Uint8Array; keyId: string; blindIndexKey: Uint8Array }} */
const { key, keyId, blindIndexKey } = workerData;
const sealKey = Buffer.from(key);
const indexKey = Buffer.from(blindIndexKey);

/** @param {{ id: number; sealed: { place: string; values: (string | null)[] }[]; blinded: { kind: string; values: (string | null)[] }[] }} batch */
function run(batch) {
  return {
    id: batch.id,
    sealed: batch.sealed.map(({ place, values }) => values.map((v) => (v === null || v === '' ? v : sealWith(sealKey, keyId, v, place)))),
    blinded: batch.blinded.map(({ kind, values }) => values.map((v) => (v === null ? null : blindWith(indexKey, kind, v)))),
  };
}

parentPort?.on('message', (batch) => {
  try {
    parentPort?.postMessage(run(batch));
  } catch (error) {
    parentPort?.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) });
  }
});
