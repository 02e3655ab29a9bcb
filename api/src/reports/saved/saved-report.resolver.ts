import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { forbidden, notFound } from '../../core/errors.js';
import { requireCaller, type Context } from '../../core/graphql/context.js';
import { RegionRef } from '../references.js';
import { ReportForbidden, ReportNotFound, type SavedReport } from './saved-report.service.js';

@ObjectType('SavedReport', { description: 'A report someone built: its query runs with the permissions of whoever runs it.' })
class SavedReportType {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String) description: string;
  @Field(() => String, { description: 'The GraphQL query.' }) document: string;
  @Field(() => GraphQLJSONObject) variables: Record<string, unknown>;
  @Field(() => String) ownerName: string;
  @Field(() => Boolean, { description: 'You own it: you may edit and delete it.' }) mine: boolean;
  @Field(() => String, { nullable: true, description: 'Shared with everyone whose scope lies inside this region; null: private.' }) sharedRegionCode: string | null;
  @Field(() => RegionRef, { nullable: true }) sharedWithRegion: RegionRef | null;
  @Field(() => Int, { description: 'Pass back when saving changes.' }) version: number;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
}

@InputType('SaveReportInput')
class SaveReportInput {
  @Field(() => ID, { nullable: true, description: 'Leave out to create a report.' }) id?: string | null;
  @Field(() => Int, { nullable: true, description: 'With id: the version you opened.' }) version?: number | null;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String) document: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) variables?: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) sharedRegionCode?: string | null;
}

@ObjectType('ReportError')
class ReportError {
  @Field(() => String, { description: 'INVALID_DOCUMENT, INVALID_VALUE, SHARING_NOT_ALLOWED or STALE_VERSION.' }) code: string;
  @Field(() => String) message: string;
  @Field(() => String, { nullable: true }) field?: string;
}

@ObjectType('SaveReportPayload')
class SaveReportPayload {
  @Field(() => Boolean) ok: boolean;
  @Field(() => SavedReportType, { nullable: true }) report?: SavedReportType | null;
  @Field(() => ReportError, { nullable: true }) error?: ReportError | null;
}

@ObjectType('DeleteReportPayload')
class DeleteReportPayload {
  @Field(() => Boolean) ok: boolean;
}

const present = (report: SavedReport, userId: string): SavedReportType => ({
  ...report,
  mine: report.ownerId === userId,
  sharedWithRegion: report.sharedRegionCode ? { code: report.sharedRegionCode } : null,
});

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReportNotFound) throw notFound(error.message);
    if (error instanceof ReportForbidden) throw forbidden(error.message);
    throw error;
  }
}

@Resolver()
export class SavedReportResolver {
  @Query(() => [SavedReportType], { description: 'Your reports and those shared with your region, last changed first.' })
  async savedReports(@Ctx() ctx: Context): Promise<SavedReportType[]> {
    const caller = requireCaller(ctx);
    return (await ctx.app.services.reports.list(caller)).map((r) => present(r, caller.userId));
  }

  @Query(() => SavedReportType)
  async savedReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SavedReportType> {
    const caller = requireCaller(ctx);
    return present(await guarded(() => ctx.app.services.reports.get(caller, id)), caller.userId);
  }

  @Mutation(() => SaveReportPayload, { description: 'Create a report, or change your own (name, query, variables, sharing).' })
  async saveReport(@Arg('input', () => SaveReportInput) input: SaveReportInput, @Ctx() ctx: Context): Promise<SaveReportPayload> {
    const caller = requireCaller(ctx);
    const outcome = await guarded(() => ctx.app.services.reports.save(caller, input));
    return outcome.ok ? { ok: true, report: present(outcome.report, caller.userId) } : { ok: false, error: outcome.error };
  }

  @Mutation(() => DeleteReportPayload, { description: 'Delete your own report (kept in the database, no longer listed).' })
  async deleteReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DeleteReportPayload> {
    const caller = requireCaller(ctx);
    await guarded(() => ctx.app.services.reports.remove(caller, id));
    return { ok: true };
  }
}
