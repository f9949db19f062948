import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../common/user-error.js';
import { ApiScope } from '../api-key/api-key.entity.js';
import type { Viewer } from './viewer.js';
import { Role } from './user.entity.js';

/** Who is signed in (or which API key is in use). Resolved from the domain Viewer. */
@ObjectType('Viewer')
export class ViewerType {
  /** The domain viewer behind it, for the field resolvers. */
  viewer!: Viewer;

  @Field(() => Role)
  role!: Role;

  @Field(() => [ApiScope], {
    description: 'Scopes of the API key in use; empty for a signed-in person.',
  })
  scopes!: ApiScope[];
}

export function viewerType(viewer: Viewer): ViewerType {
  return Object.assign(new ViewerType(), { viewer, role: viewer.role, scopes: viewer.scopes });
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String, { nullable: true })
  token?: string | null;

  @Field(() => ViewerType, { nullable: true })
  viewer?: ViewerType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
