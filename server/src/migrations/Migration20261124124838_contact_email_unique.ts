import { Migration } from '@mikro-orm/migrations';

export class Migration20261124124838_contact_email_unique extends Migration {

  override name = 'Migration20261124124838_contact_email_unique';

  override up(): void | Promise<void> {
    // addContact refuses a second contact with the same address at a customer (trimmed, any
    // case) under a lock on the customer; this holds it for every other writer as well.
    this.addSql(`create unique index "contact_customer_id_email_unique" on "contact" ("customer_id", lower(btrim("email")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "contact_customer_id_email_unique";`);
  }

}
