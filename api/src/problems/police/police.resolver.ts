import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { authorize } from '../../core/auth/permissions.js';
import { badInput, notFound } from '../../core/errors.js';
import type { Context } from '../../core/graphql/context.js';
import { ImportRowError } from '../../core/graphql/import-row-error.js';
import type { LocatedError } from '../../core/files/located-error.js';

@InputType('ImportPoliceResultsInput', { description: 'A police verification file (公安核查结果) uploaded with POST /uploads.' })
class ImportPoliceResultsInput {
  @Field(() => ID, { description: 'From POST /uploads.' }) uploadId: string;
}

@ObjectType('PoliceImportResult', { description: 'What a police verification file changed: its rows matched to your region’s records, and the problems opened.' })
class PoliceImportResultType {
  @Field(() => Boolean, { description: 'True when the file was imported; false with `errors` (then nothing was).' }) ok: boolean;
  @Field(() => Int, { description: 'Data rows read.' }) rowsRead: number;
  @Field(() => Int, { description: 'Records of your region the rows matched (by ID number).' }) matched: number;
  @Field(() => Int, { description: 'Of those, 一致: consistent.' }) consistent: number;
  @Field(() => Int, { description: 'Of those, 身份证号不存在: no such ID number.' }) notFound: number;
  @Field(() => Int, { description: 'Of those, 姓名与身份证号不匹配: the name does not match.' }) nameMismatch: number;
  @Field(() => [Int], { description: 'Rows whose ID number no active record of your region carries.' }) unmatchedRows: number[];
  @Field(() => Int, { description: 'INVALID_ID problems opened.' }) problemsOpened: number;
  @Field(() => [ImportRowError], { description: 'Why the file was refused, each with its place.' }) errors: LocatedError[];
}

@Resolver()
export class PoliceResolver {
  @Mutation(() => PoliceImportResultType, {
    description: 'District staff import the public security office’s verification results for their region; each mismatch becomes an INVALID_ID problem (POLICE_NOT_FOUND, POLICE_NAME_MISMATCH) for the school to settle by CHANGE.',
  })
  async importPoliceResults(@Arg('input', () => ImportPoliceResultsInput, { description: 'The uploaded file.' }) input: ImportPoliceResultsInput, @Ctx() ctx: Context) {
    const caller = authorize(ctx.caller, 'police.import');
    const upload = await ctx.app.uploads.open(input.uploadId, caller.userId);
    if (upload === 'expired') throw badInput('the uploaded file has expired; upload it again', 'uploadId');
    if (!upload) throw notFound('Upload');
    try {
      return await ctx.app.services.police.importResults(caller, upload);
    } finally {
      await ctx.app.uploads.remove(input.uploadId);
    }
  }
}
