/**
 * How a Chinese school's spreadsheet tool may have saved a text file: UTF-8 (with or without BOM)
 * or GB18030/GBK (Excel's "CSV" on a Chinese Windows). Valid UTF-8 wins (a character cut at the
 * end of a sample is fine); anything else is GB18030, a superset of GBK and GB2312. Node's ICU
 * provides both decoders.
 */
export function detectEncoding(sample: Uint8Array): 'utf-8' | 'gb18030' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** A whole small file, by the same rule: valid UTF-8, else GB18030. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
