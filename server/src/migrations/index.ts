import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { Migration20261123184059 } from './Migration20261123184059.js';
import { Migration20261123185222_domain } from './Migration20261123185222_domain.js';
import { Migration20261123193019_held_at_submission } from './Migration20261123193019_held_at_submission.js';
import { Migration20261123194152_documents_and_mail } from './Migration20261123194152_documents_and_mail.js';
import { Migration20261124010847_create_order_idempotency } from './Migration20261124010847_create_order_idempotency.js';
import { Migration20261124115111_read_versions } from './Migration20261124115111_read_versions.js';
import { Migration20261124124838_contact_email_unique } from './Migration20261124124838_contact_email_unique.js';

/**
 * Migrations in the order they run; written by `pnpm db:migration`, do not edit by hand.
 * Listed rather than discovered so src/ (tsx, vitest) and dist/ (node) behave the same.
 */
export const migrationsList: { name: string; class: Constructor<Migration> }[] = [
  { name: 'Migration20261123184059', class: Migration20261123184059 },
  { name: 'Migration20261123185222_domain', class: Migration20261123185222_domain },
  {
    name: 'Migration20261123193019_held_at_submission',
    class: Migration20261123193019_held_at_submission,
  },
  {
    name: 'Migration20261123194152_documents_and_mail',
    class: Migration20261123194152_documents_and_mail,
  },
  {
    name: 'Migration20261124010847_create_order_idempotency',
    class: Migration20261124010847_create_order_idempotency,
  },
  { name: 'Migration20261124115111_read_versions', class: Migration20261124115111_read_versions },
  {
    name: 'Migration20261124124838_contact_email_unique',
    class: Migration20261124124838_contact_email_unique,
  },
];
