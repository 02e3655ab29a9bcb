import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import type { DataSource } from 'typeorm';
import { scopeCoversSchool, scopeSql, type Caller, type Scope } from '../../core/auth/caller.js';
import { appendEvents } from '../../core/events.js';
import type { BlobStorage } from '../../core/files/storage.js';
import { receive } from '../../core/files/uploads.js';
import { MaterialKind, type Material, type MaterialType } from './material.entity.js';
import { pdfActiveContent, reencodeImage } from './sanitise.js';

export type MaterialRefusal = 'UNSUPPORTED_TYPE' | 'FILE_TOO_LARGE' | 'EMPTY_FILE' | 'BAD_KIND' | 'ACTIVE_CONTENT' | 'UNREADABLE_IMAGE';

export class MaterialRefused extends Error {
  constructor(
    readonly code: MaterialRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** The file's type by its first bytes, never by its name or the browser's word for it. */
export function sniffMaterialType(head: Buffer): MaterialType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

const FIELDS = `m.id::text, m.sha256, m.content_type AS "contentType", m.size, m.kind, m.file_name AS "fileName",
  m.school_id::text AS "schoolId", m.uploaded_by::text AS "uploadedBy", m.created_at AS "createdAt"`;

export class MaterialService {
  constructor(
    private readonly db: DataSource,
    private readonly storage: BlobStorage,
    private readonly tempDir: string,
    private readonly maxBytes: number,
  ) {}

  /**
   * Stores an uploaded scan: checked by magic bytes and size while it streams to a temporary file,
   * hashed, then kept under its hash. A refused file leaves nothing behind, in the database or on disk.
   */
  async upload(body: Readable, meta: { caller: Caller; kind: string; fileName: string }): Promise<Material> {
    if (!Object.values(MaterialKind).includes(meta.kind as MaterialKind)) {
      throw new MaterialRefused('BAD_KIND', `kind must be one of ${Object.values(MaterialKind).join(', ')}`);
    }
    await mkdir(this.tempDir, { recursive: true, mode: 0o700 });
    const temp = path.join(this.tempDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    const maxBytes = this.maxBytes;
    let size = 0;
    let head = Buffer.alloc(0);
    let type: MaterialType | null = null;
    const check = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new MaterialRefused('FILE_TOO_LARGE', `the file is larger than ${Math.round(maxBytes / 1048576)} MB`));
        if (head.length < 8) {
          head = Buffer.concat([head, chunk]).subarray(0, 8);
          if (head.length >= 8 || size >= 8) {
            type = sniffMaterialType(head);
            if (!type) return done(new MaterialRefused('UNSUPPORTED_TYPE', 'only JPEG, PNG and PDF files are accepted (checked by content, not by name)'));
          }
        }
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done) {
        if (size === 0) return done(new MaterialRefused('EMPTY_FILE', 'the file is empty'));
        type ??= sniffMaterialType(head);
        done(type ? null : new MaterialRefused('UNSUPPORTED_TYPE', 'only JPEG, PNG and PDF files are accepted (checked by content, not by name)'));
      },
    });
    await receive(body, check, temp);
    const { file, sha256, size: storedSize } = await this.sanitised(temp, type!, hash.digest('hex'), size);
    size = storedSize;
    await this.storage.adopt(sha256, file);
    return this.db.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO materials (sha256, content_type, size, kind, file_name, school_id, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${FIELDS.replaceAll('m.', '')}`,
        [sha256, type, size, meta.kind, meta.fileName, meta.caller.schoolId ?? null, meta.caller.userId],
      )) as Material[];
      await appendEvents(manager, [
        { type: 'MATERIAL_UPLOADED', actorId: meta.caller.userId, subjectType: 'material', subjectId: row!.id, data: { sha256, kind: meta.kind, size, contentType: type } },
      ]);
      return row!;
    });
  }

  /**
   * What is kept of an upload: PDFs only without active content; images re-encoded without their
   * metadata (so the stored bytes, and the hash they are kept under, are those of the clean image).
   */
  private async sanitised(temp: string, type: MaterialType, sha256: string, size: number) {
    if (type === 'application/pdf') {
      const active = await pdfActiveContent(temp);
      if (active) {
        await rm(temp, { force: true });
        throw new MaterialRefused('ACTIVE_CONTENT', `PDFs with active content (${active}) are refused: print it to a new PDF, or scan the paper again`);
      }
      return { file: temp, sha256, size };
    }
    const clean = `${temp}.clean`;
    try {
      const cleanSize = await reencodeImage(temp, type, clean);
      return { file: clean, sha256: createHash('sha256').update(await readFile(clean)).digest('hex'), size: cleanSize };
    } catch {
      await rm(clean, { force: true });
      throw new MaterialRefused('UNREADABLE_IMAGE', 'the image could not be read; take the photo or scan again');
    } finally {
      await rm(temp, { force: true });
    }
  }

  /**
   * A material is readable by the school that uploaded it (and staff over that school), and by the
   * staff who may see a problem it was cited for (its reviewers). Not by the other school of that
   * problem: a scan of a household register or a birth certificate shows every value the
   * disclosure model keeps from it (README, "Disclosure model").
   */
  async readable(scope: Scope, id: string): Promise<{ material: Material | null; allowed: boolean }> {
    if (!/^\d{1,18}$/.test(id)) return { material: null, allowed: false };
    const params: unknown[] = [id];
    const [row] = (await this.db.query(
      `SELECT ${FIELDS}, us.region_code AS "uploaderRegion",
              EXISTS (SELECT 1 FROM problem_materials pmat JOIN problem_members vm ON vm.problem_id = pmat.problem_id
                      JOIN schools vs ON vs.id = vm.school_id
                      WHERE pmat.material_id = m.id AND ${scopeSql(scope, { schoolId: 'vm.school_id', regionCode: 'vs.region_code' }, params)}) AS cited
       FROM materials m LEFT JOIN schools us ON us.id = m.school_id WHERE m.id = $1`,
      params,
    )) as (Material & { uploaderRegion: string | null; cited: boolean })[];
    if (!row) return { material: null, allowed: false };
    const { uploaderRegion, cited, ...material } = row;
    const ownSchool = material.schoolId !== null && uploaderRegion !== null && scopeCoversSchool(scope, { id: material.schoolId, regionCode: uploaderRegion });
    return { material, allowed: ownSchool || (cited && scope.kind !== 'school') };
  }

  content(material: Material): Promise<Readable> {
    return this.storage.read(material.sha256);
  }
}
