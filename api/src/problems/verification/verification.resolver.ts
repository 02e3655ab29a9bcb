import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { authorize } from '../../core/auth/permissions.js';
import { codeEnum } from '../../core/graphql/code-enum.js';
import { requireCaller, type Context } from '../../core/graphql/context.js';
import { StudentChangesInput } from '../../registry/index.js';
import { SchoolRef, StudentRef } from '../problem/references.js';
import { VERIFICATION_ERROR_CODES, type CampaignRow, type ClassProgress, type SchoolProgress, type VerificationOutcome } from './verification.service.js';

enum CampaignStatusEnum {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(CampaignStatusEnum, {
  name: 'CampaignStatus',
  description: 'Whether schools still confirm their classes.',
  valuesConfig: { OPEN: { description: 'Schools confirm their classes.' }, CLOSED: { description: 'Closed by district staff.' } },
});

enum PupilMarkKind {
  LEFT = 'LEFT',
  CHANGED = 'CHANGED',
}
registerEnumType(PupilMarkKind, {
  name: 'PupilMarkKind',
  description: 'What a school says of a pupil when it confirms a class (unmarked pupils are present).',
  valuesConfig: {
    LEFT: { description: 'No longer studying here: with the school it went to, that school is told to ask for the transfer; without one, the record is deleted as NOT_STUDYING_HERE.' },
    CHANGED: { description: 'Details changed: correct the record with materials.' },
  },
});

const VerificationErrorCode = codeEnum('VerificationErrorCode', 'Why a campaign step was not taken: what a client translates.', VERIFICATION_ERROR_CODES);

@ObjectType('VerificationError', { description: 'Why a campaign step was not taken; nothing was changed.' })
class VerificationErrorType {
  @Field(() => VerificationErrorCode, { description: 'Why, as a stable code.' }) code: keyof typeof VERIFICATION_ERROR_CODES;
  @Field(() => String, { description: 'What went wrong, for people.' }) message: string;
  @Field(() => String, { nullable: true, description: 'The input field to correct, when one is at fault.' }) field?: string | null;
}

@ObjectType('VerificationPayload', { description: 'The result of a campaign step.' })
class VerificationPayload {
  @Field(() => Boolean, { description: 'True when it was done.' }) ok: boolean;
  @Field(() => ID, { nullable: true, description: 'The campaign.' }) campaignId: string | null;
  @Field(() => VerificationErrorType, { nullable: true, description: 'Why it was not done; null on success.' }) error: VerificationErrorType | null;
}

@ObjectType('CampaignSchoolRow', { description: 'One school in a campaign: its classes and how far it got.' })
class CampaignSchoolRow {
  @Field(() => SchoolRef, { description: 'The school.' }) school: SchoolRef;
  @Field(() => Int, { description: 'Its classes (年级 and 班级 of its active pupils).' }) classes: number;
  @Field(() => Int, { description: 'Classes confirmed.' }) classesDone: number;
  @Field(() => Int, { description: 'Its active pupils.' }) pupils: number;
  @Field(() => Int, { description: 'Pupils marked as left.' }) left: number;
  @Field(() => Int, { description: 'Pupils marked as changed.' }) changed: number;
  @Field(() => Boolean, { description: 'Every class confirmed.' }) done: boolean;
  @Field(() => Boolean, { description: 'Not done and past the deadline: the district follows it up.' }) overdue: boolean;
  @Field(() => Date, { nullable: true, description: 'When the hourly deadline check escalated it to the district, not done past the deadline; null while it has not been.' }) escalatedAt: Date | null;
}

@ObjectType('CampaignClassRow', { description: 'One class of your school in a campaign.' })
class CampaignClassRow {
  @Field(() => String, { description: '年级 as the records have it (empty when none).' }) grade: string;
  @Field(() => String, { description: '班级 as the records have it (empty when none).' }) className: string;
  @Field(() => Int, { description: 'Pupils (when confirmed: as confirmed).' }) pupils: number;
  @Field(() => Date, { nullable: true, description: 'When it was confirmed; null while not.' }) confirmedAt: Date | null;
  @Field(() => Int, { description: 'Marked as left.' }) left: number;
  @Field(() => Int, { description: 'Marked as changed.' }) changed: number;
}

@ObjectType('ChangedPupilRow', { description: 'A pupil of your school marked as changed in a campaign: correct the record with materials (correctRecord).' })
class ChangedPupilRow {
  @Field(() => StudentRef, { description: 'The record.' }) student: StudentRef;
  @Field(() => String, { nullable: true, description: 'The note made with the mark.' }) note: string | null;
  @Field(() => Date, { description: 'When it was marked.' }) markedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the record was last corrected in this campaign; null while it has not been.' }) correctedAt: Date | null;
}

@ObjectType('ExpectedArrivalRow', { description: 'A pupil another school marked as gone to yours, not yet transferred: ask for the transfer (requestTransferIn).' })
class ExpectedArrivalRow {
  @Field(() => ID, { description: 'The campaign the mark was made in.' }) campaignId: string;
  @Field(() => String, { description: 'The pupil’s name.' }) pupilName: string;
  @Field(() => SchoolRef, { description: 'The school the pupil left.' }) fromSchool: SchoolRef;
  @Field(() => String, { nullable: true, description: 'The old school’s note.' }) note: string | null;
  @Field(() => Date, { description: 'When it was marked.' }) markedAt: Date;
}

@ObjectType('VerificationCampaign', { description: '学期核查: a semester’s verification of every school’s roster in a region.' })
class CampaignType {
  @Field(() => ID, { description: 'The campaign.' }) id: string;
  @Field(() => String, { description: 'The region it covers (significant prefix of its code: 2, 4 or 6 digits).' }) regionPrefix: string;
  @Field(() => String, { description: 'The school year and term, e.g. 2026-2027-1.' }) semester: string;
  @Field(() => String, { description: 'Its title.' }) title: string;
  @Field(() => Date, { description: 'The deadline (end of its day, China time).' }) dueAt: Date;
  @Field(() => CampaignStatusEnum, { description: 'Open or closed.' }) status: CampaignStatusEnum;
  @Field(() => Date, { description: 'When it was opened.' }) openedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was closed.' }) closedAt: Date | null;
  @Field(() => Boolean, { description: 'Open and past its deadline.' }) overdue: boolean;
}

@InputType('OpenCampaignInput', { description: 'A semester verification for your region.' })
class OpenCampaignInput {
  @Field(() => String, { description: 'School year and term: 2026-2027-1 (autumn) or 2026-2027-2 (spring).' }) semester: string;
  @Field(() => String, { description: 'The last day schools confirm (YYYY-MM-DD, China time).' }) dueDate: string;
  @Field(() => String, { nullable: true, description: 'A title; “<semester> 学期学籍核查” when left out.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'A region inside yours; your own when left out.' }) regionCode?: string | null;
}

@InputType('PupilMarkInput', { description: 'What a school says of one pupil of the class.' })
class PupilMarkInput {
  @Field(() => ID, { description: 'The record.' }) studentId: string;
  @Field(() => PupilMarkKind, { description: 'Left, or details changed.' }) mark: PupilMarkKind;
  @Field(() => String, { nullable: true, description: 'LEFT: the 10-digit code of the school the pupil went to, when known.' }) leftToSchoolCode?: string | null;
  @Field(() => String, { nullable: true, description: 'A note (where to, since when, what changed).' }) note?: string | null;
}

@InputType('ConfirmClassInput', { description: 'One class of your school confirmed: every active pupil of it is there, except those marked.' })
class ConfirmClassInput {
  @Field(() => ID, { description: 'The campaign.' }) campaignId: string;
  @Field(() => String, { description: '年级 as the records have it (empty for none).' }) grade: string;
  @Field(() => String, { description: '班级 as the records have it (empty for none).' }) className: string;
  @Field(() => [PupilMarkInput], { defaultValue: [], description: 'The pupils who left or whose details changed.' }) marks: PupilMarkInput[];
}

@InputType('CorrectRecordInput', { description: 'A correction of one of your school’s records found in a campaign.' })
class CorrectRecordInput {
  @Field(() => ID, { description: 'The campaign it was found in.' }) campaignId: string;
  @Field(() => ID, { description: 'The record.' }) studentId: string;
  @Field(() => Int, { description: 'The record’s version you saw.' }) version: number;
  @Field(() => StudentChangesInput, { description: 'The new values.' }) changes: StudentChangesInput;
  @Field(() => [ID], { description: 'At least one material (from POST /materials): the corrected household register or ID card.' }) materialIds: string[];
  @Field(() => String, { nullable: true, description: 'A note kept in the record’s history.' }) comment?: string | null;
}

function payload(outcome: VerificationOutcome): VerificationPayload {
  return outcome.ok ? { ok: true, campaignId: outcome.id, error: null } : { ok: false, campaignId: null, error: outcome.error };
}

@Resolver(() => CampaignType)
export class VerificationResolver {
  @Query(() => [CampaignType], { description: 'Semester verification campaigns covering your school or region, newest first.' })
  verificationCampaigns(
    @Ctx() ctx: Context,
    @Arg('status', () => CampaignStatusEnum, { nullable: true, description: 'Only open or only closed ones.' }) status?: CampaignStatusEnum | null,
  ): Promise<CampaignRow[]> {
    requireCaller(ctx);
    return ctx.app.services.verification.list(status ?? null);
  }

  @FieldResolver(() => [CampaignSchoolRow], { description: 'Its schools in your scope, unfinished first.' })
  async schools(@Root() campaign: CampaignType, @Ctx() ctx: Context): Promise<CampaignSchoolRow[]> {
    const rows: SchoolProgress[] = await ctx.loaders.campaignSchools.load(campaign.id);
    return rows.map(({ schoolId, ...row }) => ({ ...row, school: { id: schoolId }, overdue: campaign.overdue && !row.done }));
  }

  @FieldResolver(() => [CampaignClassRow], { description: 'Your school’s classes in it (school registrars).' })
  myClasses(@Root() campaign: CampaignType, @Ctx() ctx: Context): Promise<ClassProgress[]> | ClassProgress[] {
    const caller = requireCaller(ctx);
    return caller.schoolId ? ctx.app.services.verification.classesOf(caller, campaign.id) : [];
  }

  @FieldResolver(() => [StudentRef], { description: 'The active pupils of one of your classes, to confirm it (school registrars).' })
  async classRoster(
    @Arg('grade', () => String, { description: '年级.' }) grade: string,
    @Arg('className', () => String, { description: '班级.' }) className: string,
    @Ctx() ctx: Context,
  ): Promise<StudentRef[]> {
    const caller = requireCaller(ctx);
    return caller.schoolId ? ctx.app.services.verification.rosterOf(caller, grade, className) : [];
  }

  @FieldResolver(() => [ChangedPupilRow], { description: 'Your school’s pupils marked as changed in it, the ones not yet corrected first (school registrars).' })
  async changedPupils(@Root() campaign: CampaignType, @Ctx() ctx: Context): Promise<ChangedPupilRow[]> {
    const caller = requireCaller(ctx);
    if (!caller.schoolId) return [];
    return (await ctx.app.services.verification.changedPupilsOf(caller, campaign.id)).map(({ studentId, ...row }) => ({ ...row, student: { id: studentId } }));
  }

  @Query(() => [ExpectedArrivalRow], { description: 'Pupils other schools marked as gone to yours in a campaign, not yet transferred (school registrars).' })
  async expectedArrivals(@Ctx() ctx: Context): Promise<ExpectedArrivalRow[]> {
    const caller = authorize(ctx.caller, 'transfer.request');
    return (await ctx.app.services.verification.expectedArrivals(caller)).map(({ fromSchoolId, ...row }) => ({ ...row, fromSchool: { id: fromSchoolId } }));
  }

  @Mutation(() => VerificationPayload, { description: 'Open a semester verification for your region, with a deadline (district staff).' })
  async openVerificationCampaign(@Arg('input', () => OpenCampaignInput, { description: 'The semester and deadline.' }) input: OpenCampaignInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'campaign.manage');
    return payload(await ctx.app.services.verification.open(caller, input));
  }

  @Mutation(() => VerificationPayload, { description: 'Close a campaign of your region (district staff).' })
  async closeVerificationCampaign(@Arg('campaignId', () => ID, { description: 'The campaign.' }) campaignId: string, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'campaign.manage');
    return payload(await ctx.app.services.verification.close(caller, campaignId));
  }

  @Mutation(() => VerificationPayload, { description: 'Correct one of your school’s records outside a problem (a campaign found its details changed), with at least one material; one event, and detection runs.' })
  async correctRecord(@Arg('input', () => CorrectRecordInput, { description: 'The record, its changes and the materials.' }) input: CorrectRecordInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'record.act');
    return payload(await ctx.app.services.verification.correct(caller, input));
  }

  @Mutation(() => VerificationPayload, { description: 'Confirm one class of your school in a campaign, marking the pupils who left or whose details changed.' })
  async confirmClass(@Arg('input', () => ConfirmClassInput, { description: 'The class and its marks.' }) input: ConfirmClassInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'campaign.confirm');
    return payload(await ctx.app.services.verification.confirmClass(caller, input));
  }
}
