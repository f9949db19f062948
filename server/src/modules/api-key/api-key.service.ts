import type { EntityManager } from '@mikro-orm/postgresql';
import { idOfType } from '../../common/global-id.js';
import { inTransaction } from '../../common/transaction.js';
import { refuse, UserErrorCode } from '../../common/user-error.js';
import { demand } from '../auth/access.js';
import { User } from '../auth/user.entity.js';
import type { Viewer } from '../auth/viewer.js';
import { Organization } from '../organization/organization.entity.js';
import { ApiKey, type ApiScope } from './api-key.entity.js';
import { newApiKeySecret } from './api-key-secret.js';

const MAX_NAME_LENGTH = 200;

/** API keys of an organisation, managed by its administrators (people, not keys). */
export class ApiKeyService {
  list(em: EntityManager, viewer: Viewer): Promise<ApiKey[]> {
    return em.find(
      ApiKey,
      { organization: viewer.organizationId },
      { orderBy: { createdAt: 'desc', id: 'asc' } },
    );
  }

  /** Makes a key and returns its secret, which is shown this once and stored only hashed. */
  create(em: EntityManager, viewer: Viewer, input: { name: string; scopes: ApiScope[] }) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'manageApiKeys');
      const name = input.name.trim();
      if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
        refuse(
          UserErrorCode.VALIDATION,
          `Give the key a name of 1 to ${MAX_NAME_LENGTH} characters.`,
          ['name'],
        );
      }
      const scopes = [...new Set(input.scopes)];
      if (scopes.length === 0)
        refuse(UserErrorCode.VALIDATION, 'Give the key at least one scope.', ['scopes']);
      const { prefix, secret, secretHash } = newApiKeySecret();
      const apiKey = tx.create(ApiKey, {
        organization: tx.getReference(Organization, viewer.organizationId),
        createdBy: tx.getReference(User, viewer.actingUserId),
        name,
        scopes,
        prefix,
        secretHash,
      });
      await tx.flush();
      return { apiKey, secret };
    });
  }

  /** Of these keys, those revoked (or gone): open sockets opened with them must close. */
  async revokedAmong(em: EntityManager, apiKeyIds: string[]): Promise<Set<string>> {
    const valid = await em.find(
      ApiKey,
      { id: { $in: apiKeyIds }, revokedAt: null },
      { fields: ['id'] },
    );
    const stillValid = new Set(valid.map((key) => key.id));
    return new Set(apiKeyIds.filter((id) => !stillValid.has(id)));
  }

  /** Revokes a key of the viewer's organisation; it stops working at once. */
  revoke(em: EntityManager, viewer: Viewer, apiKeyId: string) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'manageApiKeys');
      const id = idOfType(apiKeyId, 'ApiKey');
      const apiKey = id
        ? await tx.findOne(ApiKey, { id, organization: viewer.organizationId })
        : null;
      if (!apiKey) refuse(UserErrorCode.NOT_FOUND, 'No such API key.', ['id']);
      apiKey.revokedAt ??= new Date();
      await tx.flush();
      return apiKey;
    });
  }
}
