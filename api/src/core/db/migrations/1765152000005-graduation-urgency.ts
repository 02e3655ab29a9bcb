import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What kind of school a name says it is, for schools that were not told (the school list has no such column). */
const KIND_FROM_NAME = `CASE
  WHEN name LIKE '%九年一贯%' THEN 'NINE_YEAR'
  WHEN name LIKE '%十二年一贯%' THEN 'TWELVE_YEAR'
  WHEN name LIKE '%小学%' THEN 'PRIMARY'
  WHEN name LIKE '%初级中学%' OR name LIKE '%初中%' THEN 'JUNIOR'
  WHEN name LIKE '%高级中学%' OR name LIKE '%高中%' THEN 'SENIOR'
  WHEN name LIKE '%中学%' THEN 'COMPLETE'
  ELSE 'OTHER' END`;

/** Sets `urgency` of the problems `problemIds` (a subquery): 1 while a current active member is in a graduating grade of its school's kind. */
const URGENCY_OF = (problemIds: string) => `
  UPDATE problems p SET urgency = u.urgency
  FROM (SELECT q.id, CASE WHEN EXISTS (
          SELECT 1 FROM problem_members m JOIN students st ON st.id = m.student_id JOIN schools sc ON sc.id = st.school_id
          JOIN graduating_grades g ON g.school_kind = sc.kind AND g.grade = st.grade
          WHERE m.problem_id = q.id AND m.left_at IS NULL AND st.status IN ('ENROLLED', 'SUSPENDED')) THEN 1 ELSE 0 END AS urgency
        FROM problems q WHERE q.id IN (${problemIds})) u
  WHERE p.id = u.id AND p.urgency <> u.urgency`;

/**
 * Graduation urgency: a pupil in a graduating grade (六年级 of a primary school, 九年级 of a junior
 * or nine-year school, …) cannot graduate or move on while a problem holds their record, so such
 * problems are flagged and listed first. Which grades graduate is configurable per kind of school
 * (`graduating_grades`, `pnpm cli graduation:grades`); a school's kind comes from its name unless
 * set. Each problem carries `urgency` (1 or 0), kept by statement-level triggers like its scope
 * keys, so that every list can order by it through an index.
 */
export class GraduationUrgency1765152000005 implements MigrationInterface {
  name = 'GraduationUrgency1765152000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE schools ADD COLUMN kind text CHECK (kind IN ('PRIMARY', 'JUNIOR', 'NINE_YEAR', 'SENIOR', 'COMPLETE', 'TWELVE_YEAR', 'OTHER'));
      UPDATE schools SET kind = ${KIND_FROM_NAME};
      ALTER TABLE schools ALTER COLUMN kind SET NOT NULL;
      CREATE FUNCTION schools_kind_from_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.kind IS NULL THEN NEW.kind := (SELECT ${KIND_FROM_NAME} FROM (SELECT NEW.name AS name) n); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER schools_kind BEFORE INSERT ON schools FOR EACH ROW EXECUTE FUNCTION schools_kind_from_name();

      CREATE TABLE graduating_grades (
        school_kind text NOT NULL CHECK (school_kind IN ('PRIMARY', 'JUNIOR', 'NINE_YEAR', 'SENIOR', 'COMPLETE', 'TWELVE_YEAR', 'OTHER')),
        grade       text NOT NULL,
        PRIMARY KEY (school_kind, grade)
      );
      INSERT INTO graduating_grades (school_kind, grade) VALUES
        ('PRIMARY', '六年级'), ('JUNIOR', '九年级'), ('JUNIOR', '初三'), ('NINE_YEAR', '九年级'), ('NINE_YEAR', '初三'),
        ('SENIOR', '高三'), ('COMPLETE', '九年级'), ('COMPLETE', '初三'), ('COMPLETE', '高三'), ('TWELVE_YEAR', '高三');

      ALTER TABLE problems ADD COLUMN urgency smallint NOT NULL DEFAULT 0 CHECK (urgency IN (0, 1));
      ${URGENCY_OF('SELECT problem_id FROM problem_members')};
      -- Every order of the problem list leads with urgency (problem.service.ts PROBLEM_ORDERS).
      CREATE INDEX problems_urgent_opened_idx ON problems (urgency, opened_at, id);
      CREATE INDEX problems_urgent_opened_asc_idx ON problems ((1 - urgency), opened_at, id);
      CREATE INDEX problems_urgent_updated_idx ON problems (urgency, updated_at, id);

      CREATE FUNCTION problem_urgency_of_members() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          ${URGENCY_OF('SELECT problem_id FROM urgency_old')};
        ELSE
          ${URGENCY_OF('SELECT problem_id FROM urgency_new')};
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER problem_members_urgency_insert AFTER INSERT ON problem_members
        REFERENCING NEW TABLE AS urgency_new FOR EACH STATEMENT EXECUTE FUNCTION problem_urgency_of_members();
      CREATE TRIGGER problem_members_urgency_update AFTER UPDATE ON problem_members
        REFERENCING NEW TABLE AS urgency_new FOR EACH STATEMENT EXECUTE FUNCTION problem_urgency_of_members();
      CREATE TRIGGER problem_members_urgency_delete AFTER DELETE ON problem_members
        REFERENCING OLD TABLE AS urgency_old FOR EACH STATEMENT EXECUTE FUNCTION problem_urgency_of_members();

      -- A pupil moving grade, leaving (deleted, transferred) or coming back; not a re-encryption.
      CREATE FUNCTION problem_urgency_of_students() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        ${URGENCY_OF(`SELECT m.problem_id FROM problem_members m JOIN urgency_new n ON n.id = m.student_id JOIN urgency_old o ON o.id = n.id
                      WHERE (n.grade, n.status, n.school_id) IS DISTINCT FROM (o.grade, o.status, o.school_id)`)};
        RETURN NULL;
      END $$;
      CREATE TRIGGER students_urgency AFTER UPDATE ON students
        REFERENCING OLD TABLE AS urgency_old NEW TABLE AS urgency_new FOR EACH STATEMENT EXECUTE FUNCTION problem_urgency_of_students();

      CREATE FUNCTION problem_urgency_of_schools() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        ${URGENCY_OF(`SELECT m.problem_id FROM problem_members m JOIN urgency_new n ON n.id = m.school_id JOIN urgency_old o ON o.id = n.id WHERE o.kind IS DISTINCT FROM n.kind`)};
        RETURN NULL;
      END $$;
      CREATE TRIGGER schools_urgency AFTER UPDATE ON schools
        REFERENCING OLD TABLE AS urgency_old NEW TABLE AS urgency_new FOR EACH STATEMENT EXECUTE FUNCTION problem_urgency_of_schools();

      CREATE FUNCTION problem_urgency_of_grades() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        ${URGENCY_OF(`SELECT problem_id FROM problem_members`)};
        RETURN NULL;
      END $$;
      CREATE TRIGGER graduating_grades_urgency AFTER INSERT OR UPDATE OR DELETE ON graduating_grades
        FOR EACH STATEMENT EXECUTE FUNCTION problem_urgency_of_grades();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER graduating_grades_urgency ON graduating_grades; DROP FUNCTION problem_urgency_of_grades();
      DROP TRIGGER schools_urgency ON schools; DROP FUNCTION problem_urgency_of_schools();
      DROP TRIGGER students_urgency ON students; DROP FUNCTION problem_urgency_of_students();
      DROP TRIGGER problem_members_urgency_insert ON problem_members; DROP TRIGGER problem_members_urgency_update ON problem_members;
      DROP TRIGGER problem_members_urgency_delete ON problem_members; DROP FUNCTION problem_urgency_of_members();
      ALTER TABLE problems DROP COLUMN urgency;
      DROP TABLE graduating_grades;
      DROP TRIGGER schools_kind ON schools; DROP FUNCTION schools_kind_from_name();
      ALTER TABLE schools DROP COLUMN kind;
    `);
  }
}
