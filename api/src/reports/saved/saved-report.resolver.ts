import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireCaller, type Context } from '../../core/graphql/context.js';
import { RegionRef } from '../references.js';
import type { SavedReport } from './saved-report.service.js';

@ObjectType('SavedReport', { description: 'A report someone built: its query runs with the permissions of whoever runs it.' })
class SavedReportType {
  @Field(() => ID, { description: 'The report.' }) id: string;
  @Field(() => String, { description: 'Its title.' }) name: string;
  @Field(() => String, { description: 'What it shows, in the words of whoever saved it; empty when none.' }) description: string;
  @Field(() => String, { description: 'The GraphQL query.' }) document: string;
  @Field(() => GraphQLJSONObject, { description: 'The values of the query variables.' }) variables: Record<string, unknown>;
  @Field(() => String, { description: 'Who saved it.' }) ownerName: string;
  @Field(() => Boolean, { description: 'You own it: you may edit and delete it.' }) mine: boolean;
  @Field(() => String, { nullable: true, description: 'Shared with everyone whose scope lies inside this region; null: private.' }) sharedRegionCode: string | null;
  @Field(() => RegionRef, { nullable: true, description: 'The region it is shared with; null when private.' }) sharedWithRegion: RegionRef | null;
  @Field(() => Int, { description: 'Pass back when saving changes.' }) version: number;
  @Field(() => Date, { description: 'When it was first saved.' }) createdAt: Date;
  @Field(() => Date, { description: 'When it was last changed.' }) updatedAt: Date;
}

@InputType('SaveReportInput', { description: 'A report to create, or the new state of one of yours.' })
class SaveReportInput {
  @Field(() => ID, { nullable: true, description: 'Leave out to create a report.' }) id?: string | null;
  @Field(() => Int, { nullable: true, description: 'With id: the version you opened.' }) version?: number | null;
  @Field(() => String, { description: 'Its title.' }) name: string;
  @Field(() => String, { nullable: true, description: 'What it shows.' }) description?: string | null;
  @Field(() => String, { description: 'The GraphQL query: one query operation, valid against this API (no mutations).' }) document: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The values of the query variables.' }) variables?: Record<string, unknown> | null;
  @Field(() => String, { nullable: true, description: 'Share with everyone whose scope lies inside this region (your own region or one inside it); leave out to keep it private.' }) sharedRegionCode?: string | null;
}

@ObjectType('ReportError', { description: 'Why a report was not saved; nothing was changed.' })
class ReportError {
  @Field(() => String, { description: 'INVALID_DOCUMENT, INVALID_VALUE, SHARING_NOT_ALLOWED, REVEALING_FIELD_NOT_SHAREABLE (a shared report may not select full ID numbers, phone numbers, household addresses or problem history data) or STALE_VERSION.' }) code: string;
  @Field(() => String, { description: 'What went wrong, for people.' }) message: string;
  @Field(() => String, { nullable: true, description: 'The input field to correct, when one is at fault.' }) field?: string;
}

@ObjectType('SaveReportPayload', { description: 'The result of saving a report: the report as saved, or an error.' })
class SaveReportPayload {
  @Field(() => Boolean, { description: 'True when the report was saved.' }) ok: boolean;
  @Field(() => SavedReportType, { nullable: true, description: 'The report as saved.' }) report?: SavedReportType | null;
  @Field(() => ReportError, { nullable: true, description: 'Why it was not saved; null on success.' }) error?: ReportError | null;
}

@ObjectType('DeleteReportPayload', { description: 'The result of deleting a report.' })
class DeleteReportPayload {
  @Field(() => Boolean, { description: 'True when the report was deleted.' }) ok: boolean;
}

const present = (report: SavedReport, userId: string): SavedReportType => ({
  ...report,
  mine: report.ownerId === userId,
  sharedWithRegion: report.sharedRegionCode ? { code: report.sharedRegionCode } : null,
});

@Resolver()
export class SavedReportResolver {
  @Query(() => [SavedReportType], { description: 'Your reports and those shared with your region, last changed first.' })
  async savedReports(@Ctx() ctx: Context): Promise<SavedReportType[]> {
    const caller = requireCaller(ctx);
    return (await ctx.app.services.reports.list(caller)).map((r) => present(r, caller.userId));
  }

  @Query(() => SavedReportType, { description: 'One report you own or that is shared with your region.' })
  async savedReport(@Arg('id', () => ID, { description: 'The report.' }) id: string, @Ctx() ctx: Context): Promise<SavedReportType> {
    const caller = requireCaller(ctx);
    return present(await ctx.app.services.reports.get(caller, id), caller.userId);
  }

  @Mutation(() => SaveReportPayload, { description: 'Create a report, or change your own (name, query, variables, sharing).' })
  async saveReport(@Arg('input', () => SaveReportInput, { description: 'The report.' }) input: SaveReportInput, @Ctx() ctx: Context): Promise<SaveReportPayload> {
    const caller = requireCaller(ctx);
    const outcome = await ctx.app.services.reports.save(caller, input);
    return outcome.ok ? { ok: true, report: present(outcome.report, caller.userId) } : { ok: false, error: outcome.error };
  }

  @Mutation(() => DeleteReportPayload, { description: 'Delete your own report (kept in the database, no longer listed).' })
  async deleteReport(@Arg('id', () => ID, { description: 'The report.' }) id: string, @Ctx() ctx: Context): Promise<DeleteReportPayload> {
    const caller = requireCaller(ctx);
    await ctx.app.services.reports.remove(caller, id);
    return { ok: true };
  }
}
