import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The thread two schools use to settle a cross-school problem: messages, some of them proposals. */
export class Negotiation1764547200002 implements MigrationInterface {
  name = 'Negotiation1764547200002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE problem_messages (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        problem_id       bigint NOT NULL REFERENCES problems (id),
        author_id        bigint NOT NULL REFERENCES users (id),
        school_id        bigint NOT NULL REFERENCES schools (id),
        body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        -- KEEP_ONE: "this record is the real one; the others should be deleted as not studying there".
        -- DIFFERENT_PUPILS: "these are different pupils: each school corroborates its record".
        proposal         text CHECK (proposal IN ('KEEP_ONE', 'DIFFERENT_PUPILS')),
        keep_student_id  bigint REFERENCES students (id),
        proposal_status  text CHECK (proposal_status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
        answered_by      bigint REFERENCES users (id),
        answered_at      timestamptz,
        answer_reason    text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CHECK ((proposal IS NULL) = (proposal_status IS NULL)),
        CHECK ((proposal = 'KEEP_ONE') = (keep_student_id IS NOT NULL))
      );
      CREATE INDEX problem_messages_problem_idx ON problem_messages (problem_id, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE problem_messages`);
  }
}
