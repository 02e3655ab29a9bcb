import { readFile, stat } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Images are decoded and encoded again: what is stored is pixels only, without EXIF (GPS position,
 * camera, the phone's owner), XMP or comments, and without anything a crafted file hides after its
 * image data. The picture is turned upright first, since its orientation lived in the EXIF.
 */
export async function reencodeImage(source: string, type: 'image/jpeg' | 'image/png', target: string): Promise<number> {
  const image = sharp(source, { failOn: 'error', limitInputPixels: 100_000_000 }).rotate();
  await (type === 'image/jpeg' ? image.jpeg({ quality: 90, mozjpeg: true }) : image.png({ compressionLevel: 9 })).toFile(target);
  return (await stat(target)).size;
}

// Names that make a PDF act rather than show: scripts, launching programs, embedded files and
// media, actions run on opening a page or field. A scan or a printed certificate needs none.
const ACTIVE = /\/(JavaScript|JS|Launch|RichMedia|EmbeddedFile|AA|OpenAction\s*<<[^>]*\/S\s*\/JavaScript)(?=[\s/<>[\]()%{}]|$)/;

/** PDF names may spell letters as #xx (`/J#61vaScript`); compare them spelt out. */
const spelledOut = (text: string) => text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The first active-content name in a PDF, looking in its plain text and inside every compressed
 * (Flate) stream, where object streams can hide dictionaries; null when there is none.
 */
export async function pdfActiveContent(file: string): Promise<string | null> {
  const bytes = await readFile(file);
  const found = (text: string) => ACTIVE.exec(spelledOut(text))?.[1] ?? null;
  const plain = found(bytes.toString('latin1'));
  if (plain) return plain;
  let from = 0;
  for (;;) {
    const start = bytes.indexOf('stream', from, 'latin1');
    if (start < 0) return null;
    let body = start + 'stream'.length;
    if (bytes[body] === 0x0d) body += 1;
    if (bytes[body] === 0x0a) body += 1;
    const end = bytes.indexOf('endstream', body, 'latin1');
    if (end < 0) return null;
    try {
      const inner = found(inflateSync(bytes.subarray(body, end)).toString('latin1'));
      if (inner) return inner;
    } catch {
      // Not a Flate stream (an image, say): nothing to read in it.
    }
    from = end + 'endstream'.length;
  }
}
