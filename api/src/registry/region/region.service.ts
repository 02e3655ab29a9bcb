import type { DataSource } from 'typeorm';
import { Region } from './region.entity.js';

/**
 * The GB/T 2260 regions, read once and then answered from memory: the table is reference data that
 * only migrations write (1764374400001), a few thousand rows, asked for on nearly every page (each
 * school's district and city, each ID number's address code).
 */
export class RegionService {
  private directory: Promise<Map<string, Region>> | null = null;

  constructor(private readonly db: DataSource) {}

  private regions(): Promise<Map<string, Region>> {
    this.directory ??= this.db
      .getRepository(Region)
      .find({ order: { code: 'ASC' } })
      .then((rows) => new Map(rows.map((region) => [region.code, region])))
      .catch((error: unknown) => {
        // A failed read (a lost connection at start) is tried again by the next caller.
        this.directory = null;
        throw error;
      });
    return this.directory;
  }

  async byCodes(codes: readonly string[]): Promise<Region[]> {
    const regions = await this.regions();
    return [...new Set(codes)].flatMap((code) => regions.get(code) ?? []);
  }

  /** Which of `codes` are regions. */
  async knownCodes(codes: readonly string[]): Promise<Set<string>> {
    const regions = await this.regions();
    return new Set(codes.filter((code) => regions.has(code)));
  }

  /** Top-level provinces when `parentCode` is null; in code order. */
  async children(parentCode: string | null): Promise<Region[]> {
    return [...(await this.regions()).values()].filter((region) => region.parentCode === parentCode);
  }
}
