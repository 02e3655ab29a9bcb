import { Args, ArgsType, Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { authorize } from '../../core/auth/permissions.js';
import { Connection, PageArgs, pageRequest } from '../../core/graphql/connection.js';
import { requireCaller, type Context } from '../../core/graphql/context.js';
import { School } from '../school/school.entity.js';
import type { HeldImportView } from './held-import.service.js';
import { ImportResultType } from './import.resolver.js';

enum HeldImportStatus {
  HELD = 'HELD',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(HeldImportStatus, {
  name: 'HeldImportStatus',
  description: 'Where a held import stands.',
  valuesConfig: {
    HELD: { description: 'Waiting for the district: nothing of the file is imported.' },
    APPROVED: { description: 'The district approved it and the file was imported (see result).' },
    REJECTED: { description: 'The district rejected it; the file was deleted and nothing was imported.' },
  },
});

enum HoldReasonKind {
  THRESHOLD = 'THRESHOLD',
  DAILY_CAP = 'DAILY_CAP',
}
registerEnumType(HoldReasonKind, {
  name: 'ImportHoldReason',
  description: 'Which rule held an import.',
  valuesConfig: {
    THRESHOLD: { description: 'The file alone matched other schools’ pupils at least IMPORT_HOLD_MATCHES times, or at least IMPORT_HOLD_SHARE of its rows (from 5 matches).' },
    DAILY_CAP: { description: 'With this file, the user’s imports today would match other schools’ pupils more than IMPORT_DAILY_MATCH_CAP times.' },
  },
});

@ObjectType('HeldImport', { description: 'An import held because its rows matched pupils of other schools too often; the district approves or rejects it.' })
class HeldImportType {
  @Field(() => ID, { description: 'The held import.' })
  id: string;

  @Field(() => ID, { description: 'The school the file was imported into.' })
  schoolId: string;

  @Field(() => String, { description: 'Username of the user who imported the file.' })
  importedBy: string;

  @Field(() => String, { description: 'Name of the uploaded file.' })
  fileName: string;

  @Field(() => Int, { description: 'Data rows in the file.' })
  rowsRead: number;

  @Field(() => Int, { nullable: true, description: 'Rows that matched a pupil of another school. Null for school registrars: the number would tell them where pupils are at school.' })
  crossSchoolMatches: number | null;

  @Field(() => HoldReasonKind, { nullable: true, description: 'The rule that held it. Null for school registrars, like crossSchoolMatches.' })
  reason: HoldReasonKind | null;

  @Field(() => HeldImportStatus, { description: 'Held, approved or rejected.' })
  status: HeldImportStatus;

  @Field(() => Date, { description: 'When the import was held.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the district decided.' })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The district's reason (required to reject)." })
  decisionReason: string | null;

  @Field(() => ID, { nullable: true, description: 'The import the approval landed; null while held, when rejected, or when the approved file was refused.' })
  importId: string | null;

  @Field(() => ImportResultType, { nullable: true, description: 'What the approved import did, as the importer would have seen it.' })
  result: ImportResultType | null;
}

@ObjectType('HeldImportConnection', { description: 'A page of held imports (Relay cursor connection).' })
class HeldImportConnection extends Connection(HeldImportType, 'HeldImport') {}

@ArgsType()
class HeldImportsArgs extends PageArgs {
  @Field(() => HeldImportStatus, { nullable: true, description: 'Only held imports in this status; all when left out.' })
  status?: HeldImportStatus | null;
}

@InputType('DecideHeldImportInput', { description: "The district's decision on a held import." })
class DecideHeldImportInput {
  @Field(() => ID, { description: 'The held import.' })
  id: string;

  @Field(() => Boolean, { description: 'True imports the file now, as its importer; false deletes it.' })
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Why; required to reject (at most 500 characters). The school sees it.' })
  reason?: string | null;
}

@ObjectType('HeldImportError', { description: 'Why a decision was not taken; nothing was changed.' })
class HeldImportErrorType {
  @Field(() => String, { description: 'REASON_REQUIRED, ALREADY_DECIDED or TOO_LONG (`field` names the input).' })
  code: string;

  @Field(() => String, { description: 'What went wrong, for people.' })
  message: string;

  @Field(() => String, { nullable: true, description: 'The input field to correct, when one is at fault.' })
  field?: string | null;
}

@ObjectType('DecideHeldImportPayload', { description: 'The held import after the decision, or why it was not taken.' })
class DecideHeldImportPayload {
  @Field(() => Boolean, { description: 'True when the decision was taken.' })
  ok: boolean;

  @Field(() => HeldImportErrorType, { nullable: true, description: 'Why it was not taken; null on success.' })
  error: HeldImportErrorType | null;

  @Field(() => HeldImportType, { nullable: true, description: 'The held import as it is now (with the approved import’s result).' })
  heldImport: HeldImportType | null;
}

@Resolver(() => HeldImportType)
export class HeldImportResolver {
  @Query(() => HeldImportConnection, { description: 'Imports held for review in your scope, newest first: a registrar sees its own school’s, district staff those of their region.' })
  heldImports(@Args(() => HeldImportsArgs) args: HeldImportsArgs, @Ctx() ctx: Context) {
    return ctx.app.services.heldImports.list(requireCaller(ctx), { status: args.status }, pageRequest(args));
  }

  @Mutation(() => DecideHeldImportPayload, { description: 'District staff over the school approve a held import (the file is imported as its importer) or reject it (the file is deleted).' })
  async decideHeldImport(@Arg('input', () => DecideHeldImportInput, { description: 'The held import and the decision.' }) input: DecideHeldImportInput, @Ctx() ctx: Context): Promise<DecideHeldImportPayload> {
    const caller = authorize(ctx.caller, 'import.approve');
    const outcome = await ctx.app.services.heldImports.decide(caller, input, ctx.requestId);
    return outcome.ok ? { ok: true, error: null, heldImport: outcome.heldImport as HeldImportType } : { ok: false, error: outcome.error, heldImport: null };
  }

  @FieldResolver(() => School, { nullable: true, description: 'The school the file was imported into.' })
  school(@Root() hold: HeldImportView, @Ctx() ctx: Context): Promise<School | null> {
    return ctx.loaders.school.load(hold.schoolId);
  }
}
