import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import type { Context } from '../../core/graphql/context.js';
import type { ImportJob } from './import-jobs.js';
import { authorize, can } from '../../core/auth/permissions.js';

enum ImportJobStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ImportJobStatus, { name: 'ImportJobStatus', description: 'FAILED means an internal error; a refused file is DONE with result.ok false.' });

enum ImportPhase {
  READING = 'READING',
  SAVING = 'SAVING',
  DETECTING = 'DETECTING',
  DONE = 'DONE',
}
registerEnumType(ImportPhase, { name: 'ImportPhase' });

@ObjectType('ImportProgress')
class ImportProgressType {
  @Field(() => ImportPhase)
  phase: ImportPhase;

  @Field(() => Int)
  rowsDone: number;

  @Field(() => Int, { nullable: true, description: 'Known up front for CSV; null for xlsx while reading.' })
  rowsTotal: number | null;
}

@ObjectType('ImportRowError', { description: 'One problem in the file: where it is and why.' })
class ImportRowError {
  @Field(() => String)
  file: string;

  @Field(() => Int, { description: 'Row of the file (the header is row 1); 0 for the file as a whole.' })
  row: number;

  @Field(() => String, { description: 'Column header (or letter for an unknown column).' })
  column: string;

  @Field(() => String)
  value: string;

  @Field(() => String)
  reason: string;
}

@ObjectType('DetectionSummary')
class DetectionSummary {
  @Field(() => Int)
  opened: number;

  @Field(() => Int)
  closed: number;

  @Field(() => Int)
  joined: number;

  @Field(() => Int)
  left: number;
}

@ObjectType('ImportResult')
class ImportResultType {
  @Field(() => Boolean)
  ok: boolean;

  @Field(() => String, { nullable: true, description: 'INVALID_ROWS, DUPLICATE_FILE, FILE_TOO_LARGE, NOT_A_SPREADSHEET or UNKNOWN_SCHOOL.' })
  failure: string | null;

  @Field(() => String)
  message: string;

  @Field(() => ID, { nullable: true })
  importId: string | null;

  @Field(() => String, { nullable: true })
  format: string | null;

  @Field(() => String, { nullable: true })
  encoding: string | null;

  @Field(() => Int)
  rowsRead: number;

  @Field(() => Int)
  rowsImported: number;

  @Field(() => Int)
  rowsSkipped: number;

  @Field(() => Int, { description: 'All problems found; `errors` lists the first 10,000.' })
  errorCount: number;

  @Field(() => [ImportRowError])
  errors: ImportRowError[];

  @Field(() => DetectionSummary, { nullable: true })
  problems: DetectionSummary | null;
}

@ObjectType('ImportJob')
class ImportJobType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  schoolId: string;

  @Field(() => String)
  fileName: string;

  @Field(() => ImportJobStatus)
  status: ImportJobStatus;

  @Field(() => ImportProgressType)
  progress: ImportProgressType;

  @Field(() => ImportResultType, { nullable: true, description: 'Set when status is DONE.' })
  result: ImportResultType | null;
}

@InputType('ImportStudentsInput')
class ImportStudentsInput {
  @Field(() => ID, { description: 'From POST /uploads.' })
  uploadId: string;

  @Field(() => ID)
  schoolId: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Import the valid rows and report the rest.' })
  skipInvalid: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Import even if this school already imported the same file.' })
  force: boolean;
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportJobType, { description: "Starts importing an uploaded template into a school; poll importJob for progress." })
  async importStudents(@Arg('input', () => ImportStudentsInput) input: ImportStudentsInput, @Ctx() ctx: Context): Promise<ImportJob> {
    const caller = authorize(ctx.caller, 'students.import');
    if (!can(caller, 'students.import', { schoolId: input.schoolId })) throw forbidden('A registrar imports into its own school only.');
    const school = await ctx.loaders.school.load(input.schoolId);
    if (!school || school.deletedAt) throw notFound('School');
    const upload = await ctx.app.uploads.open(input.uploadId, caller.userId);
    if (upload === 'expired') throw badInput('the uploaded file has expired; upload it again', 'uploadId');
    if (!upload) throw notFound('Upload');
    return ctx.app.importJobs.start(
      caller.userId,
      { schoolId: input.schoolId, filePath: upload.path, fileName: upload.fileName, skipInvalid: input.skipInvalid, force: input.force, actorId: caller.userId },
      () => void ctx.app.uploads.remove(input.uploadId),
    );
  }

  @Query(() => ImportJobType, { description: 'An import started by you in this server process.' })
  importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): ImportJob {
    const caller = authorize(ctx.caller, 'students.import');
    const job = ctx.app.importJobs.get(id);
    if (!job) throw notFound('Import job');
    if (job.ownerId !== caller.userId) throw forbidden('This import was started by someone else.');
    return job;
  }
}
