import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { TEMPLATE_COLUMNS } from '../registry/index.js';
import { birthDateForGrade, chineseName, ETHNICITIES, residentId } from './people.js';
import { createRandom } from './random.js';

export interface GeneratorOptions {
  students: number;
  seed?: number;
  /** Six-digit household region used in the ID numbers. */
  regionCode?: string;
  /** Share of rows that are planted problems, split between the kinds below. Default 0.03. */
  plantedShare?: number;
}

export interface GeneratedRow {
  name: string;
  gender: '男' | '女';
  birthDate: string;
  idType: string;
  idNumber: string;
  ethnicity: string;
  grade: string;
  className: string;
  enrollmentMonth: string;
  householdRegion: string;
  phone: string;
}

export interface PlantedCounts {
  /** Rows repeated (the template imported twice): each makes one within-file DUPLICATE_ID group. */
  repeated: number;
  /** Different pupils sharing name, gender and birth date: each makes one DUPLICATE_IDENTITY group. */
  sameIdentity: number;
  /** ID numbers with a wrong check character: each makes one INVALID_ID problem. */
  wrongCheck: number;
}

const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];

/**
 * A synthetic school template with a known number of planted problems of every kind, for tests
 * and benchmarks. Deterministic for a seed; planted rows are spread through the file.
 */
export function* generateRows(options: GeneratorOptions, planted: PlantedCounts = { repeated: 0, sameIdentity: 0, wrongCheck: 0 }): Generator<GeneratedRow> {
  const random = createRandom(options.seed ?? 1);
  const region = options.regionCode ?? '330106';
  const share = options.plantedShare ?? 0.03;
  const used = new Set<string>();
  const recent: GeneratedRow[] = [];
  const fresh = (): GeneratedRow => {
    const g = random.next() < 0.52 ? 'M' : 'F';
    const grade = random.int(1, 6);
    const birthDate = birthDateForGrade(random, grade, 2026);
    return {
      name: chineseName(random, g),
      gender: g === 'M' ? '男' : '女',
      birthDate,
      idType: '居民身份证',
      idNumber: residentId(random, region, birthDate, g, used),
      ethnicity: random.pick(ETHNICITIES),
      grade: GRADES[grade - 1]!,
      className: `${random.int(1, 8)}班`,
      enrollmentMonth: `${2026 - grade + 1}-09`,
      householdRegion: region,
      phone: `1${random.int(30, 99)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    };
  };
  for (let i = 0; i < options.students; i++) {
    let row: GeneratedRow;
    const roll = random.next();
    const source = recent.length > 0 ? recent[random.int(0, recent.length - 1)]! : null;
    if (source && roll < share / 3) {
      row = { ...source };
      planted.repeated += 1;
    } else if (source && roll < (2 * share) / 3) {
      const other = fresh();
      const g = source.gender === '男' ? 'M' : 'F';
      row = { ...other, name: source.name, gender: source.gender, birthDate: source.birthDate, idNumber: residentId(random, region, source.birthDate, g, used) };
      planted.sameIdentity += 1;
    } else if (roll < share) {
      row = fresh();
      const wrong = row.idNumber[17] === '0' ? '1' : '0';
      row.idNumber = row.idNumber.slice(0, 17) + wrong;
      planted.wrongCheck += 1;
    } else {
      row = fresh();
      // Planted copies refer only to clean rows, so each plant makes exactly one problem.
      if (recent.length < 1000) recent.push(row);
      else recent[random.int(0, 999)] = row;
    }
    yield row;
  }
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Writes generated rows as a UTF-8 CSV with the template's Chinese headers; returns the planted counts. */
export async function writeGeneratedCsv(file: string, options: GeneratorOptions): Promise<PlantedCounts> {
  const planted: PlantedCounts = { repeated: 0, sameIdentity: 0, wrongCheck: 0 };
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${TEMPLATE_COLUMNS.map((c) => c.header).join(',')}\n`);
  let buffer = '';
  for (const r of generateRows(options, planted)) {
    buffer += `${[r.name, r.gender, r.birthDate, r.idType, r.idNumber, r.ethnicity, r.grade, r.className, r.enrollmentMonth, r.householdRegion, r.phone].map(csvCell).join(',')}\n`;
    if (buffer.length > 1 << 16) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  out.end();
  await finished(out);
  return planted;
}
