import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireCaller, type Context } from '../../core/graphql/context.js';
import { Region } from '../region/region.entity.js';
import { School } from '../school/school.entity.js';
import { User } from './user.entity.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './user.service.js';

@ObjectType('UserError', { description: 'A failure the user can fix, returned as data.' })
export class UserError {
  @Field(() => String)
  code: string;

  @Field(() => String)
  message: string;

  @Field(() => String, { nullable: true })
  field?: string | null;
}

@ObjectType('LoginPayload')
class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Send as `Authorization: Bearer <token>`.' })
  token: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => User, { nullable: true })
  user: User | null;

  @Field(() => UserError, { nullable: true })
  error: UserError | null;
}

@ObjectType('LogoutPayload')
class LogoutPayload {
  @Field(() => Boolean, { description: 'True once the session has ended; the token is refused from now on.' })
  ok: boolean;
}

@ObjectType('ChangePasswordPayload')
class ChangePasswordPayload {
  @Field(() => String, { nullable: true, description: 'A new session token: every earlier session of the user has ended.' })
  token: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => UserError, { nullable: true })
  error: UserError | null;
}

const REFUSALS: Record<string, (retryAfterSeconds: number) => string> = {
  TOO_MANY_ATTEMPTS: (s) => `Too many failed sign-ins for this username. Try again in ${Math.ceil(s / 60)} minutes.`,
  TOO_MANY_ATTEMPTS_FROM_ADDRESS: (s) => `Too many failed sign-ins from your network. Try again in ${Math.ceil(s / 60)} minutes.`,
};

function refusal(outcome: { code: string; retryAfterSeconds?: number }, messages: Record<string, string>): UserError {
  const message = outcome.retryAfterSeconds !== undefined ? REFUSALS[outcome.code]!(outcome.retryAfterSeconds) : messages[outcome.code]!;
  return { code: outcome.code, message };
}

@Resolver(() => User)
export class UserResolver {
  @Mutation(() => LoginPayload)
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<LoginPayload> {
    const session = await ctx.app.services.users.login(username, password, ctx.clientAddress);
    if (!session.ok) {
      ctx.log.info({ username, code: session.code, clientAddress: ctx.clientAddress }, 'login refused');
      return { token: null, expiresAt: null, user: null, error: refusal(session, { INVALID_CREDENTIALS: 'Wrong username or password.' }) };
    }
    ctx.log.info({ userId: session.user.id }, 'login');
    return { token: session.token, expiresAt: session.expiresAt, user: session.user, error: null };
  }

  @Mutation(() => LogoutPayload, { description: 'Ends the session this request came in on.' })
  async logout(@Ctx() ctx: Context): Promise<LogoutPayload> {
    await ctx.app.services.users.logout(requireCaller(ctx));
    return { ok: true };
  }

  @Mutation(() => ChangePasswordPayload, { description: 'Changes your own password; every session of yours ends and a new one is returned.' })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<ChangePasswordPayload> {
    const outcome = await ctx.app.services.users.changePassword(requireCaller(ctx), currentPassword, newPassword, ctx.clientAddress);
    if (!outcome.ok) {
      const error = refusal(outcome, {
        WRONG_PASSWORD: 'The current password is wrong.',
        WEAK_PASSWORD: `The new password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters and differ from the current one.`,
      });
      return { token: null, expiresAt: null, error: { ...error, field: outcome.code === 'WEAK_PASSWORD' ? 'newPassword' : 'currentPassword' } };
    }
    return { token: outcome.token, expiresAt: outcome.expiresAt, error: null };
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Ctx() ctx: Context): Promise<User | null> | null {
    return ctx.caller ? ctx.loaders.user.load(ctx.caller.userId) : null;
  }

  @FieldResolver(() => School, { nullable: true, description: "A registrar's school." })
  school(@Root() user: User, @Ctx() ctx: Context): Promise<School | null> | null {
    return user.schoolId ? ctx.loaders.school.load(user.schoolId) : null;
  }

  @FieldResolver(() => Region, { nullable: true, description: "The region a district, city or province admin administers." })
  region(@Root() user: User, @Ctx() ctx: Context): Promise<Region | null> | null {
    return user.regionCode ? ctx.loaders.region.load(user.regionCode) : null;
  }
}
