import { Arg, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { authorize } from '../../core/auth/permissions.js';
import { codeEnum } from '../../core/graphql/code-enum.js';
import type { Context } from '../../core/graphql/context.js';
import { School } from '../school/school.entity.js';
import { IdProblemReason } from './id-number.js';
import { PUPIL_CHECK_ERROR_CODES, PUPIL_VERDICTS, type PupilVerdict } from './pupil-check.js';
import { Gender, IdType } from './student.entity.js';

const PupilVerdictEnum = codeEnum('PupilVerdict', 'What a check before enrolling (新生查重) found, and so what to do next.', PUPIL_VERDICTS);
const PupilCheckErrorCode = codeEnum('PupilCheckErrorCode', 'Why a check before enrolling was not answered.', PUPIL_CHECK_ERROR_CODES);

@InputType('CheckPupilInput', { description: 'The pupil a school is about to enrol, as on their documents.' })
class CheckPupilInput {
  @Field(() => String, { description: '姓名.' }) name: string;
  @Field(() => Gender, { description: '性别.' }) gender: Gender;
  @Field(() => String, { description: '出生日期: YYYY-MM-DD (also YYYYMMDD, YYYY/M/D).' }) birthDate: string;
  @Field(() => IdType, { nullable: true, description: 'The kind of document; RESIDENT_ID when left out.' }) idType?: IdType | null;
  @Field(() => String, { nullable: true, description: 'The document number; without one, only name, gender and birth date are compared.' }) idNumber?: string | null;
}

@ObjectType('PupilCheckResult', { description: 'The answer of a check before enrolling.' })
class PupilCheckType {
  @Field(() => PupilVerdictEnum, { description: 'What was found; its description says what to do next.' }) verdict: PupilVerdict;
  @Field(() => [IdProblemReason], { description: 'What is wrong with the resident ID number given (empty when it passes its checks or none was given).' })
  idProblems: IdProblemReason[];
  @Field(() => ID, { nullable: true, description: 'ALREADY_HERE: your school’s record of the pupil.' }) studentId: string | null;
  schoolId: string | null;
}

@ObjectType('PupilCheckError', { description: 'Why a check was not answered; nothing was disclosed.' })
class PupilCheckErrorType {
  @Field(() => PupilCheckErrorCode, { description: 'Why, as a stable code.' }) code: keyof typeof PUPIL_CHECK_ERROR_CODES;
  @Field(() => String, { description: 'What went wrong, for people.' }) message: string;
  @Field(() => String, { nullable: true, description: 'The input field to correct, when one is at fault.' }) field?: string | null;
}

@ObjectType('PupilCheckPayload', { description: 'The check, or why it was not answered.' })
class PupilCheckPayload {
  @Field(() => PupilCheckType, { nullable: true, description: 'What was found; null with an error.' }) check: PupilCheckType | null;
  @Field(() => PupilCheckErrorType, { nullable: true, description: 'Why the check was not answered; null on success.' }) error: PupilCheckErrorType | null;
}

@Resolver(() => PupilCheckType)
export class PupilCheckResolver {
  @Query(() => PupilCheckPayload, {
    description: '新生查重: before enrolling a pupil, whether an active record anywhere in the registry is the same pupil, and what to do. For school registrars; counts towards the daily cap of matches with other schools.',
  })
  async checkPupil(@Arg('input', () => CheckPupilInput, { description: 'The pupil as on their documents.' }) input: CheckPupilInput, @Ctx() ctx: Context): Promise<PupilCheckPayload> {
    const caller = authorize(ctx.caller, 'pupil.check');
    const outcome = await ctx.app.services.pupilChecks.check(caller, input, ctx.requestId);
    return outcome.ok ? { check: outcome.check, error: null } : { check: null, error: outcome.error };
  }

  @FieldResolver(() => School, { nullable: true, description: 'ALREADY_HERE: your school; ACTIVE_ELSEWHERE: the school that has the pupil, to ask for a transfer.' })
  school(@Root() check: PupilCheckType, @Ctx() ctx: Context): Promise<School | null> | null {
    return check.schoolId ? ctx.loaders.school.load(check.schoolId) : null;
  }
}
