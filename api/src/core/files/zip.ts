import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32, createInflateRaw } from 'node:zlib';

/** Why a zip file (an .xlsx workbook) cannot be read, in words for the person who sent it. */
export class ZipError extends Error {}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;
const STORED = 0;
const DEFLATED = 8;
/** Deflate can shrink a run of one byte about a thousandfold; real workbooks stay far below this. */
const MAX_EXPANSION = 200;

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead < length) throw new ZipError('the file ends in the middle of its contents (was it cut short while copying or downloading?)');
  return buffer;
}

/** The end-of-directory record: the last 22 bytes, or further back when the zip carries a comment. */
function findEnd(tail: Buffer): number {
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === END_OF_DIRECTORY && at + 22 + tail.readUInt16LE(at + 20) === tail.length) return at;
  }
  return -1;
}

function readDirectory(directory: Buffer, count: number): Entry[] {
  const entries: Entry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER) throw new ZipError('its table of contents is damaged');
    const nameLength = directory.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (next > directory.length) throw new ZipError('its table of contents is damaged');
    entries.push({
      // Shown in messages: a damaged name must not bring control characters along.
      name: directory.toString('utf8', at + 46, at + 46 + nameLength).replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?'),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42),
    });
    at = next;
  }
  if (at !== directory.length) throw new ZipError('its table of contents is damaged');
  return entries;
}

/** Inflates one entry and compares what comes out with the size and CRC-32 the directory promises. */
async function checkContent(path: string, entry: Entry, dataStart: number): Promise<void> {
  if (entry.compressedSize === 0) {
    if (entry.size !== 0) throw new ZipError(`${entry.name} is damaged`);
    return;
  }
  const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  const source = entry.method === DEFLATED ? raw.pipe(createInflateRaw()) : raw;
  raw.on('error', (error) => source.destroy(error));
  let size = 0;
  let crc = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      // A lying directory must not make us inflate a bomb to the end.
      if (size > entry.size) break;
      crc = crc32(chunk, crc);
    }
  } catch {
    throw new ZipError(`${entry.name} is damaged (its compressed data cannot be unpacked)`);
  } finally {
    raw.destroy();
    source.destroy();
  }
  if (size !== entry.size || crc >>> 0 !== entry.crc) throw new ZipError(`${entry.name} is damaged (its contents fail their checksum)`);
}

/** The table of contents (central directory), found through the end record in the file's last bytes. */
async function readTableOfContents(handle: FileHandle, fileSize: number): Promise<{ entries: Entry[]; directoryOffset: number }> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  const endAt = findEnd(tail);
  if (endAt < 0) throw new ZipError('it has no table of contents at its end (was it cut short while copying or downloading?)');
  const end = tail.subarray(endAt);
  const count = end.readUInt16LE(10);
  const directorySize = end.readUInt32LE(12);
  const directoryOffset = end.readUInt32LE(16);
  if (end.readUInt16LE(4) !== 0 || end.readUInt16LE(6) !== 0 || end.readUInt16LE(8) !== count) throw new ZipError('it is split over several files');
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw new ZipError('it is larger than 4 GB (zip64), far beyond any school template');
  if (directoryOffset + directorySize !== fileSize - tailLength + endAt) throw new ZipError('its table of contents is not where it says');
  return { entries: readDirectory(await readAt(handle, directoryOffset, directorySize), count), directoryOffset };
}

/** Refuses a file whose entries promise to unpack far beyond what real workbooks do (a zip bomb). */
function checkExpansion(entries: readonly Entry[], fileSize: number): void {
  let declared = 0;
  for (const entry of entries) declared += entry.size;
  if (declared > MAX_EXPANSION * fileSize + 10 * 1048576) {
    throw new ZipError(`it unpacks to ${Math.round(declared / 1048576)} MB from ${Math.ceil(fileSize / 1048576)} MB, which no real workbook does`);
  }
}

/**
 * One entry, `expected` being where the previous one ended: its kind, its local header against the
 * table of contents, and its data descriptor if any. Returns where its data starts and where the
 * next entry must start.
 */
async function checkEntry(handle: FileHandle, entry: Entry, expected: number, directoryOffset: number): Promise<{ dataStart: number; next: number }> {
  if (entry.flags & 0x1) throw new ZipError(`${entry.name} is encrypted`);
  if (entry.method !== STORED && entry.method !== DEFLATED) throw new ZipError(`${entry.name} uses a compression method that workbooks do not use (${entry.method})`);
  if (entry.method === STORED && entry.compressedSize !== entry.size) throw new ZipError(`${entry.name} is damaged`);
  // Entries laid end to end: no bytes hidden between them, no entry sharing another's data.
  if (entry.localOffset !== expected) throw new ZipError(`${entry.name} is not where the table of contents says`);
  const dataStart = await checkLocalHeader(handle, entry);
  let next = dataStart + entry.compressedSize;
  if ((entry.flags & 0x8) !== 0) next += await checkDataDescriptor(handle, entry, next, directoryOffset);
  if (next > directoryOffset) throw new ZipError(`${entry.name} runs into the table of contents`);
  return { dataStart, next };
}

/** The entry's local header agrees with the table of contents; returns where its data starts. */
async function checkLocalHeader(handle: FileHandle, entry: Entry): Promise<number> {
  const local = await readAt(handle, entry.localOffset, 30);
  const nameLength = local.readUInt16LE(26);
  const name = (await readAt(handle, entry.localOffset + 30, nameLength)).toString('utf8').replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?');
  const deferred = (entry.flags & 0x8) !== 0;
  if (
    local.readUInt32LE(0) !== LOCAL_HEADER ||
    name !== entry.name ||
    local.readUInt16LE(8) !== entry.method ||
    (local.readUInt16LE(6) & 0x8) !== (entry.flags & 0x8) ||
    (!deferred && (local.readUInt32LE(14) !== entry.crc || local.readUInt32LE(18) !== entry.compressedSize || local.readUInt32LE(22) !== entry.size))
  ) {
    throw new ZipError(`the header of ${entry.name} disagrees with the table of contents`);
  }
  return entry.localOffset + 30 + nameLength + local.readUInt16LE(28);
}

/**
 * Sizes and CRC that follow the data (bit 3), with or without the optional signature, agree with
 * the table of contents; returns the descriptor's length.
 */
async function checkDataDescriptor(handle: FileHandle, entry: Entry, at: number, directoryOffset: number): Promise<number> {
  const room = directoryOffset - at;
  if (room < 12) throw new ZipError(`${entry.name} runs into the table of contents`);
  const descriptor = await readAt(handle, at, Math.min(16, room));
  const signed = descriptor.length >= 16 && descriptor.readUInt32LE(0) === DATA_DESCRIPTOR;
  const from = signed ? 4 : 0;
  if (descriptor.length < from + 12 || descriptor.readUInt32LE(from) !== entry.crc || descriptor.readUInt32LE(from + 4) !== entry.compressedSize || descriptor.readUInt32LE(from + 8) !== entry.size) {
    throw new ZipError(`the data descriptor of ${entry.name} disagrees with the table of contents`);
  }
  return from + 12;
}

/**
 * Checks a zip file the way a careful reader would before trusting it: the table of contents at
 * its end, every entry's local header agreeing with it, the entries laid end to end from the first
 * byte to the table, and every entry unpacking to the promised size and CRC-32.
 *
 * Why: the workbook reader (xlsx.ts) finds each part through the table of contents and streams it
 * with yauzl, which stops an entry at its declared size but checks neither its CRC-32 nor how far
 * it inflates. A damaged or crafted file (a flipped byte, a zip bomb, parts overlapping or hidden
 * between entries) is refused here, with a reason, before any of it is parsed.
 */
export async function checkZip(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const { entries, directoryOffset } = await readTableOfContents(handle, fileSize);
    checkExpansion(entries, fileSize);
    let expected = 0;
    for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
      const { dataStart, next } = await checkEntry(handle, entry, expected, directoryOffset);
      await checkContent(path, entry, dataStart);
      expected = next;
    }
    if (expected !== directoryOffset) throw new ZipError('there are unlisted bytes before its table of contents');
  } finally {
    await handle.close();
  }
}
