import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A real photo-like JPEG carrying EXIF (an author and a description), as a phone would write it. */
export function jpegWithExif(seed = 0): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 180 - seed, b: 150 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: '张老师的手机', ImageDescription: '户口簿 第3页 杭州市上城区' } })
    .toBuffer();
}

export function png(): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 1 } } })
    .png()
    .withMetadata({ density: 300 })
    .toBuffer();
}

export const PLAIN_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** PDFs that would run something when opened: in the open, spelt with #xx escapes, and hidden in a compressed object stream. */
export const ACTIVE_PDFS = {
  plain: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n'),
  escaped: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >> endobj\n%%EOF\n'),
  compressed: Buffer.concat([
    Buffer.from('%PDF-1.7\n5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n'),
    deflateSync(Buffer.from('1 0 << /Type /Action /S /Launch /F (cmd.exe) >>')),
    Buffer.from('\nendstream\nendobj\n%%EOF\n'),
  ]),
};
