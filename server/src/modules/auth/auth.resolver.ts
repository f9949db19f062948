import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { inTransaction } from '../../common/transaction.js';
import { Organization } from '../organization/organization.entity.js';
import { TooManySignInAttempts } from './auth.service.js';
import { AuthPayload, ViewerType, viewerType } from './auth.types.js';
import { User } from './user.entity.js';

@Resolver(() => ViewerType)
export class AuthResolver {
  @Mutation(() => AuthPayload)
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() { em, services }: Context,
  ): Promise<AuthPayload> {
    const outcome = await inTransaction(em, (tx) => services.auth.login(tx, email, password)).catch(
      (error: unknown) => {
        if (!(error instanceof TooManySignInAttempts)) throw error;
        throw new GraphQLError(error.message, {
          extensions: {
            code: 'RATE_LIMITED',
            retryAfterSeconds: error.retryAfterSeconds,
            http: {
              status: 429,
              headers: new Map([['retry-after', String(error.retryAfterSeconds)]]),
            },
          },
        });
      },
    );
    return Object.assign(new AuthPayload(), {
      token: outcome.value?.token ?? null,
      viewer: outcome.value ? viewerType(outcome.value.viewer) : null,
      userErrors: outcome.userErrors,
    });
  }

  @Query(() => ViewerType, { nullable: true })
  viewer(@Ctx() context: Context): ViewerType {
    return viewerType(requireViewer(context));
  }

  @FieldResolver(() => User, { nullable: true })
  user(@Root() root: ViewerType, @Ctx() { loaders }: Context): Promise<User | null> | null {
    return root.viewer.userId ? loaders.entity(User, root.viewer.userId) : null;
  }

  @FieldResolver(() => Organization)
  async organization(@Root() root: ViewerType, @Ctx() { loaders }: Context): Promise<Organization> {
    return (await loaders.entity(Organization, root.viewer.organizationId))!;
  }
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() user: User, @Ctx() { loaders }: Context): Promise<Organization> {
    return (await loaders.entity(Organization, user.organization.id))!;
  }
}
