import { Migration } from '@mikro-orm/migrations';

export class Migration20261124124838_contact_email_unique extends Migration {

  override name = 'Migration20261124124838_contact_email_unique';

  override up(): void | Promise<void> {
    // One contact per address at a customer (trimmed, any case), for every writer: addContact
    // names the holder when it can, and this index settles two adds at once.
    this.addSql(`create unique index "contact_customer_id_email_unique" on "contact" ("customer_id", lower(btrim("email")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "contact_customer_id_email_unique";`);
  }

}
