import { Migration } from '@mikro-orm/migrations';

export class Migration20261123184059 extends Migration {

  override name = 'Migration20261123184059';

  override up(): void | Promise<void> {
    this.addSql(`create type "organization_kind" as enum ('VENDOR', 'RESELLER');`);
    this.addSql(`create table "organization" ("id" uuid not null, "name" varchar(200) not null, "kind" "organization_kind" not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "organization" add constraint "organization_name_unique" unique ("name");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop type "organization_kind";`);
  }

}
