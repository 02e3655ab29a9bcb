import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireCaller, type Context } from '../../core/graphql/context.js';
import { Region } from '../region/region.entity.js';
import { School } from '../school/school.entity.js';
import { User } from './user.entity.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './user.service.js';

@ObjectType('UserError', { description: 'A failure the user can fix, returned as data.' })
export class UserError {
  @Field(() => String, { description: 'Stable reason code: INVALID_CREDENTIALS, TOO_MANY_ATTEMPTS, TOO_MANY_ATTEMPTS_FROM_ADDRESS, WRONG_PASSWORD or WEAK_PASSWORD.' })
  code: string;

  @Field(() => String, { description: 'What went wrong, for people.' })
  message: string;

  @Field(() => String, { nullable: true, description: 'The argument to correct, when one is at fault.' })
  field?: string | null;
}

@ObjectType('LoginPayload', { description: 'The result of signing in: a session token, or an error.' })
class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Send as `Authorization: Bearer <token>`.' })
  token: string | null;

  @Field(() => Date, { nullable: true, description: 'When the session token stops working.' })
  expiresAt: Date | null;

  @Field(() => User, { nullable: true, description: 'The signed-in user.' })
  user: User | null;

  @Field(() => UserError, { nullable: true, description: 'Why sign-in was refused; null on success.' })
  error: UserError | null;
}

@ObjectType('LogoutPayload', { description: 'The result of signing out.' })
class LogoutPayload {
  @Field(() => Boolean, { description: 'True once the session has ended; the token is refused from now on.' })
  ok: boolean;
}

@ObjectType('ChangePasswordPayload', { description: 'The result of a password change: a new session token, or an error.' })
class ChangePasswordPayload {
  @Field(() => String, { nullable: true, description: 'A new session token: every earlier session of the user has ended.' })
  token: string | null;

  @Field(() => Date, { nullable: true, description: 'When the new session token stops working.' })
  expiresAt: Date | null;

  @Field(() => UserError, { nullable: true, description: 'Why the change was refused; null on success.' })
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
  @Mutation(() => LoginPayload, { description: 'Signs in with a username and password. Wrong credentials come back as `error`; repeated failures are throttled.' })
  async login(
    @Arg('username', () => String, { description: 'The name used to sign in.' }) username: string,
    @Arg('password', () => String, { description: 'The password.' }) password: string,
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
    @Arg('currentPassword', () => String, { description: 'Your password now.' }) currentPassword: string,
    @Arg('newPassword', () => String, { description: 'The new password.' }) newPassword: string,
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
