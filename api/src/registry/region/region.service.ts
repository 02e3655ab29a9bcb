import { In, type DataSource } from 'typeorm';
import { Region } from './region.entity.js';

export class RegionService {
  constructor(private readonly db: DataSource) {}

  byCodes(codes: readonly string[]): Promise<Region[]> {
    return this.db.getRepository(Region).findBy({ code: In([...codes]) });
  }

  /** Top-level provinces when `parentCode` is null. */
  children(parentCode: string | null): Promise<Region[]> {
    const repo = this.db.getRepository(Region);
    return parentCode === null
      ? repo.createQueryBuilder('r').where('r.parent_code IS NULL').orderBy('r.code').getMany()
      : repo.find({ where: { parentCode }, order: { code: 'ASC' } });
  }
}
