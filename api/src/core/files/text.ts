/**
 * Decodes a text file the way a Chinese school's spreadsheet tool may have saved it: UTF-8 (with or
 * without BOM) or GB18030/GBK (Excel's "CSV" on a Chinese Windows). Valid UTF-8 wins; anything else
 * is read as GB18030, a superset of GBK and GB2312. Node's ICU provides both decoders.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
