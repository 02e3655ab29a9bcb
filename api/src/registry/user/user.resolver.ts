import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../core/graphql/context.js';
import { Region } from '../region/region.entity.js';
import { School } from '../school/school.entity.js';
import { User } from './user.entity.js';

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

@Resolver(() => User)
export class UserResolver {
  @Mutation(() => LoginPayload)
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<LoginPayload> {
    const session = await ctx.app.services.users.login(username, password);
    if (!session.ok) {
      ctx.log.info({ username, code: session.code }, 'login refused');
      const error =
        session.code === 'TOO_MANY_ATTEMPTS'
          ? { code: session.code, message: `Too many failed sign-ins for this username. Try again in ${Math.ceil(session.retryAfterSeconds / 60)} minutes.` }
          : { code: session.code, message: 'Wrong username or password.' };
      return { token: null, expiresAt: null, user: null, error };
    }
    ctx.log.info({ userId: session.user.id }, 'login');
    return { token: session.token, expiresAt: session.expiresAt, user: session.user, error: null };
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
