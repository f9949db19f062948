import {
  Arg,
  Ctx,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { forbidden } from '../../app/auth-gate.js';
import { requireViewer, type Context } from '../../app/context.js';
import { UserError } from '../../common/user-error.js';
import { can } from '../auth/viewer.js';
import { ApiKey, ApiScope } from './api-key.entity.js';

@InputType('CreateApiKeyInput')
export class CreateApiKeyInput {
  @Field(() => String)
  name!: string;

  @Field(() => [ApiScope])
  scopes!: ApiScope[];
}

@ObjectType('CreateApiKeyPayload')
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true })
  apiKey?: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description: "Shown once; send as 'Authorization: Bearer <secret>'.",
  })
  secret?: string | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('ApiKeyPayload')
export class ApiKeyPayload {
  @Field(() => ApiKey, { nullable: true })
  apiKey?: ApiKey | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  /** The organisation's keys, for its administrators. */
  @Query(() => [ApiKey])
  apiKeys(@Ctx() context: Context) {
    const viewer = requireViewer(context);
    if (!can(viewer, 'manageApiKeys')) throw forbidden('Only an administrator may see API keys.');
    return context.services.apiKeys.list(context.em, viewer);
  }

  @Mutation(() => CreateApiKeyPayload)
  async createApiKey(
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
    @Ctx() context: Context,
  ) {
    const outcome = await context.services.apiKeys.create(
      context.em,
      requireViewer(context),
      input,
    );
    return Object.assign(new CreateApiKeyPayload(), {
      apiKey: outcome.value?.apiKey ?? null,
      secret: outcome.value?.secret ?? null,
      userErrors: outcome.userErrors,
    });
  }

  @Mutation(() => ApiKeyPayload)
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    const outcome = await context.services.apiKeys.revoke(context.em, requireViewer(context), id);
    return Object.assign(new ApiKeyPayload(), {
      apiKey: outcome.value,
      userErrors: outcome.userErrors,
    });
  }
}
