import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import type { Context } from '../../core/graphql/context.js';
import type { ImportJob } from './import-jobs.js';
import { authorize, can } from '../../core/auth/permissions.js';
import { ImportRowError, MessageParam } from '../../core/graphql/import-row-error.js';

enum ImportJobStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ImportJobStatus, {
  name: 'ImportJobStatus',
  description: 'FAILED means an internal error; a refused file is DONE with result.ok false.',
  valuesConfig: {
    RUNNING: { description: 'Still reading, saving or detecting; see progress.' },
    DONE: { description: 'Finished: the result says what was imported or why the file was refused.' },
    FAILED: { description: 'Stopped by an internal error; nothing was imported.' },
  },
});

enum ImportPhase {
  READING = 'READING',
  SAVING = 'SAVING',
  DETECTING = 'DETECTING',
  DONE = 'DONE',
}
registerEnumType(ImportPhase, {
  name: 'ImportPhase',
  description: 'The step an import is at, in order.',
  valuesConfig: {
    READING: { description: 'Reading and checking the rows of the file.' },
    SAVING: { description: 'Writing the records.' },
    DETECTING: { description: 'Looking for problem records (问题学籍) among the new records and the existing ones.' },
    DONE: { description: 'Finished.' },
  },
});

@ObjectType('ImportProgress', { description: 'How far a running import has got.' })
class ImportProgressType {
  @Field(() => ImportPhase, { description: 'The step the import is at.' })
  phase: ImportPhase;

  @Field(() => Int, { description: 'Rows handled so far in this step.' })
  rowsDone: number;

  @Field(() => Int, { nullable: true, description: 'Known up front for CSV; null for xlsx while reading.' })
  rowsTotal: number | null;
}

@ObjectType('DetectionSummary', { description: 'What problem detection changed after the import.' })
class DetectionSummary {
  @Field(() => Int, { description: 'New problems opened.' })
  opened: number;

  @Field(() => Int, { description: 'Problems that no longer have a collision and left the open list.' })
  closed: number;

  @Field(() => Int, { description: 'Records that joined an existing or new problem.' })
  joined: number;

  @Field(() => Int, { description: 'Records that left a problem.' })
  left: number;
}

@ObjectType('ImportPreviewRow', { description: 'A dry run: one row of the file that an import would put in a problem.' })
class ImportPreviewRowType {
  @Field(() => Int, { description: 'Row of the file (the header is row 1).' })
  row: number;

  @Field(() => String, { description: 'DUPLICATE_ID, DUPLICATE_IDENTITY or INVALID_ID.' })
  problemType: string;

  @Field(() => String, { description: 'WITHIN_SCHOOL (another row of the file, or a record of the school) or CROSS_SCHOOL (another school’s record, never named).' })
  scope: string;

  @Field(() => Boolean, { description: 'True when the import would open the problem; false when the row would join an open one.' })
  opens: boolean;
}

@ObjectType('ImportResult', { description: 'The outcome of an import: counts, row errors and what detection found.' })
export class ImportResultType {
  @Field(() => Boolean, { description: 'A dry run: nothing was written; the counts say what an import would do.' })
  dryRun: boolean;

  @Field(() => [ImportPreviewRowType], { nullable: true, description: 'A dry run: the rows an import would put in problems, in file order; null for an import.' })
  preview: ImportPreviewRowType[] | null;

  @Field(() => Boolean, { description: 'True when the file was imported (with skipInvalid, the valid rows were).' })
  ok: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'INVALID_ROWS, DUPLICATE_FILE, FILE_TOO_LARGE, NOT_A_SPREADSHEET, UNKNOWN_SCHOOL, or HELD_FOR_REVIEW: the file matched pupils of other schools too often and waits for the district to approve it (nothing was imported; see heldImports); in a dry run WOULD_BE_HELD: an import would be held, so the dry run shows none of its matches.',
  })
  failure: string | null;

  @Field(() => String, { description: 'A one-line summary for people, in English.' })
  message: string;

  @Field(() => [MessageParam], {
    description: 'What the failure names, for clients to say in their language: DUPLICATE_FILE file, importId, importedAt; FILE_TOO_LARGE sizeMb, limitMb; UNKNOWN_SCHOOL schoolId.',
  })
  failureParams: MessageParam[];

  @Field(() => ID, { nullable: true, description: 'The import record, when rows were written.' })
  importId: string | null;

  @Field(() => String, { nullable: true, description: 'csv or xlsx, as read from the file itself.' })
  format: string | null;

  @Field(() => String, { nullable: true, description: 'Text encoding of a CSV file (e.g. utf-8, gb18030); null for xlsx.' })
  encoding: string | null;

  @Field(() => Int, { description: 'Data rows in the file (without the header).' })
  rowsRead: number;

  @Field(() => Int, { description: 'Records written.' })
  rowsImported: number;

  @Field(() => Int, { description: 'Invalid rows left out (with skipInvalid).' })
  rowsSkipped: number;

  @Field(() => Int, { description: 'All problems found; `errors` lists the first 10,000.' })
  errorCount: number;

  @Field(() => [ImportRowError], { description: 'The problems found in the file, at most 10,000.' })
  errors: ImportRowError[];

  @Field(() => DetectionSummary, { nullable: true, description: 'What detection changed; null when nothing was imported.' })
  problems: DetectionSummary | null;

  @Field(() => ID, { nullable: true, description: 'With HELD_FOR_REVIEW: the held import (see heldImports).' })
  heldImportId: string | null;
}

@ObjectType('ImportJob', { description: 'One import of a template into a school, running in the background.' })
class ImportJobType {
  @Field(() => ID, { description: 'The import job; pass to importJob to poll.' })
  id: string;

  @Field(() => ID, { description: 'The school the records are imported into.' })
  schoolId: string;

  @Field(() => String, { description: 'Name of the uploaded file.' })
  fileName: string;

  @Field(() => ImportJobStatus, { description: 'Running, done or failed.' })
  status: ImportJobStatus;

  @Field(() => ImportProgressType, { description: 'The step and rows done so far.' })
  progress: ImportProgressType;

  @Field(() => ImportResultType, { nullable: true, description: 'Set when status is DONE.' })
  result: ImportResultType | null;
}

@InputType('ImportStudentsInput', { description: 'Which upload to import into which school, and how strictly.' })
class ImportStudentsInput {
  @Field(() => ID, { description: 'From POST /uploads.' })
  uploadId: string;

  @Field(() => ID, { description: 'The school the records belong to; a registrar imports into its own school only.' })
  schoolId: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Import the valid rows and report the rest.' })
  skipInvalid: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Import even if this school already imported the same file.' })
  force: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Check the file and report per row the problems it would open, writing nothing.' })
  dryRun: boolean;
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportJobType, { description: "Starts importing an uploaded template into a school; poll importJob for progress." })
  async importStudents(@Arg('input', () => ImportStudentsInput, { description: 'The upload, the school and the import options.' }) input: ImportStudentsInput, @Ctx() ctx: Context): Promise<ImportJob> {
    const caller = authorize(ctx.caller, 'students.import');
    if (!can(caller, 'students.import', { schoolId: input.schoolId })) throw forbidden('A registrar imports into its own school only.');
    const school = await ctx.loaders.school.load(input.schoolId);
    if (!school || school.deletedAt) throw notFound('School');
    const upload = await ctx.app.uploads.open(input.uploadId, caller.userId);
    if (upload === 'expired') throw badInput('the uploaded file has expired; upload it again', 'uploadId');
    if (!upload) throw notFound('Upload');
    return ctx.app.importJobs.start(
      caller.userId,
      {
        schoolId: input.schoolId, filePath: upload.path, fileName: upload.fileName, skipInvalid: input.skipInvalid, force: input.force, dryRun: input.dryRun,
        actorId: caller.userId, importer: caller, requestId: ctx.requestId,
      },
      () => void ctx.app.uploads.remove(input.uploadId),
    );
  }

  @Query(() => ImportJobType, { description: 'An import started by you in this server process.' })
  importJob(@Arg('id', () => ID, { description: 'The id returned by importStudents.' }) id: string, @Ctx() ctx: Context): ImportJob {
    const caller = authorize(ctx.caller, 'students.import');
    const job = ctx.app.importJobs.get(id);
    // Someone else's job answers like a missing one: job ids cannot be probed.
    if (!job || job.ownerId !== caller.userId) throw notFound('Import job');
    return job;
  }
}
