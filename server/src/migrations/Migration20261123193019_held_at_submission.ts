import { Migration } from '@mikro-orm/migrations';

export class Migration20261123193019_held_at_submission extends Migration {
  override name = 'Migration20261123193019_held_at_submission';

  override up(): void | Promise<void> {
    this.addSql(`alter table "change_order" add "held_at_submission" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "change_order" drop column "held_at_submission";`);
  }
}
