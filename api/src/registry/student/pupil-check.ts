import type { DataSource } from 'typeorm';
import type { AccessLog } from '../../core/audit/access-log.js';
import { scopeOf, type Caller } from '../../core/auth/caller.js';
import { widened } from '../../core/db/row-scope.js';
import { parseDateText } from '../import/cells.js';
import { matchesDisclosedToday, recordDisclosure } from '../import/import-screening.js';
import { comparisonKeys } from './comparison-keys.js';
import type { IdProblemReason } from './id-number.js';
import { ACTIVE_STATUSES, Gender, IdType } from './student.entity.js';

/**
 * What a check before enrolling (新生查重) found, in the order it is decided: the school's own
 * active record first, then another school's record of the same ID number and name, then the
 * weaker matches, which name no school.
 */
export const PUPIL_VERDICTS = {
  ALREADY_HERE: 'Your school already has an active record of this pupil (same ID number, or same name, gender and birth date): do not add another.',
  ACTIVE_ELSEWHERE: 'Another school has an active record with this ID number and name: the pupil is enrolled there; request a transfer (转入申请) from that school.',
  ID_ELSEWHERE_OTHER_NAME:
    'Another school has an active record with this ID number under a different name: check the number against the household register; if it is right, enrol the pupil and the two schools settle the duplicate ID number.',
  SAME_IDENTITY_ELSEWHERE:
    'Another school has an active record with the same name, gender and birth date but not this ID number: if it is the same pupil, ask the family for the old school and request a transfer; if not, enrol the pupil and corroborate them as different pupils when the problem opens.',
  NEW_PUPIL: 'No active record anywhere matches: enrol the pupil.',
} as const;
export type PupilVerdict = keyof typeof PUPIL_VERDICTS;

export const PUPIL_CHECK_ERROR_CODES = {
  INVALID_VALUE: 'A value is missing or not valid; `field` names it.',
  DAILY_CAP: 'You have learned of as many pupils at other schools today as the daily limit allows (IMPORT_DAILY_MATCH_CAP): ask your district, or check again tomorrow.',
} as const;

export interface PupilCheckInput {
  name: string;
  gender: Gender;
  birthDate: string;
  idType?: IdType | null;
  idNumber?: string | null;
}

export interface PupilCheck {
  verdict: PupilVerdict;
  /** What is wrong with the ID number typed (GB 11643), whatever the verdict. */
  idProblems: IdProblemReason[];
  /** ALREADY_HERE: the school's own record; ACTIVE_ELSEWHERE: the other school (its record stays unnamed). */
  schoolId: string | null;
  studentId: string | null;
}

export type PupilCheckOutcome = { ok: true; check: PupilCheck } | { ok: false; error: { code: keyof typeof PUPIL_CHECK_ERROR_CODES; message: string; field?: string } };

interface Match {
  id: string;
  schoolId: string;
  sameId: boolean;
  sameName: boolean;
  sameIdentity: boolean;
}

function verdictOf(caller: Caller, matches: Match[]): { verdict: PupilVerdict; match: Match | null } {
  const here = matches.find((m) => m.schoolId === caller.schoolId);
  if (here) return { verdict: 'ALREADY_HERE', match: here };
  const elsewhere = matches.find((m) => m.sameId && m.sameName);
  if (elsewhere) return { verdict: 'ACTIVE_ELSEWHERE', match: elsewhere };
  const otherName = matches.find((m) => m.sameId);
  if (otherName) return { verdict: 'ID_ELSEWHERE_OTHER_NAME', match: otherName };
  const identity = matches.find((m) => m.sameIdentity);
  return identity ? { verdict: 'SAME_IDENTITY_ELSEWHERE', match: identity } : { verdict: 'NEW_PUPIL', match: null };
}

/**
 * Checks a pupil before a school enrols them, against every active record of the registry, with
 * the keys detection compares. It tells the school what an import would: that another school has
 * the pupil, and which school only when the ID number and the name both match (the school needs
 * it to ask for a transfer, and whoever typed both knows the pupil). Each check that learns of
 * another school's record counts towards the importer's daily cap and goes to the read log.
 */
export class PupilCheckService {
  constructor(
    private readonly db: DataSource,
    private readonly dailyCap: number,
    private readonly accessLog: AccessLog,
  ) {}

  async check(caller: Caller, input: PupilCheckInput, requestId: string | null = null): Promise<PupilCheckOutcome> {
    const invalid = (field: string, message: string): PupilCheckOutcome => ({ ok: false, error: { code: 'INVALID_VALUE', message, field } });
    const name = input.name.trim();
    if (!name) return invalid('name', 'the name is required');
    const birthDate = parseDateText(input.birthDate.trim());
    if (!birthDate) return invalid('birthDate', 'not a date: write it as 2014-03-05');
    const idType = input.idType ?? IdType.RESIDENT_ID;
    const idNumber = input.idNumber?.trim() || null;
    const keys = comparisonKeys({ name, gender: input.gender, birthDate, idType, idNumber });
    const outcome = await this.db.transaction(async (manager): Promise<PupilCheckOutcome & { disclosed?: string }> => {
      // Other schools' records are beyond a registrar's row scope: compared here, never shown.
      const matches = (await widened(manager, 'all', () =>
        manager.query(
          `SELECT id::text, school_id::text AS "schoolId", coalesce(id_key = $1, false) AS "sameId", name_key = $2 AS "sameName", identity_key = $3 AS "sameIdentity"
           FROM students WHERE status = ANY($4::text[]) AND (id_key = $1 OR identity_key = $3) ORDER BY id`,
          [keys.idKey, keys.nameKey, keys.identityKey, ACTIVE_STATUSES],
        ),
      )) as Match[];
      const { verdict, match } = verdictOf(caller, matches);
      if (match && verdict !== 'ALREADY_HERE' && scopeOf(caller).kind !== 'all') {
        if ((await matchesDisclosedToday(manager, caller.userId)) + 1 > this.dailyCap) {
          return { ok: false, error: { code: 'DAILY_CAP', message: PUPIL_CHECK_ERROR_CODES.DAILY_CAP } };
        }
        await recordDisclosure(manager, caller.userId, 'PUPIL_CHECK', 1);
      }
      const check: PupilCheck = {
        verdict,
        idProblems: keys.idProblems,
        schoolId: verdict === 'ALREADY_HERE' || verdict === 'ACTIVE_ELSEWHERE' ? match!.schoolId : null,
        studentId: verdict === 'ALREADY_HERE' ? match!.id : null,
      };
      return { ok: true, check, ...(match ? { disclosed: match.id } : {}) };
    });
    if (outcome.ok && outcome.disclosed) await this.accessLog.record(caller, 'student', [outcome.disclosed], 'check-pupil', requestId);
    const { disclosed: _disclosed, ...answer } = outcome as PupilCheckOutcome & { disclosed?: string };
    return answer;
  }
}
