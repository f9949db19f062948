import { Migration } from '@mikro-orm/migrations';

export class Migration20261124010847_create_order_idempotency extends Migration {
  override name = 'Migration20261124010847_create_order_idempotency';

  override up(): void | Promise<void> {
    // createChangeOrder claims its idempotency key before the order it makes is inserted.
    this.addSql(
      `alter table "idempotency_record" drop constraint "idempotency_record_order_id_foreign";`,
    );
    this.addSql(
      `alter table "idempotency_record" add constraint "idempotency_record_order_id_foreign" foreign key ("order_id") references "change_order" ("id") deferrable initially deferred;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "idempotency_record" drop constraint "idempotency_record_order_id_foreign";`,
    );
    this.addSql(
      `alter table "idempotency_record" add constraint "idempotency_record_order_id_foreign" foreign key ("order_id") references "change_order" ("id") on update no action on delete no action;`,
    );
  }
}
