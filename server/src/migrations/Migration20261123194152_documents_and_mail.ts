import { Migration } from '@mikro-orm/migrations';

export class Migration20261123194152_documents_and_mail extends Migration {

  override name = 'Migration20261123194152_documents_and_mail';

  override up(): void | Promise<void> {
    this.addSql(`create type "attachment_kind" as enum ('ADDENDUM', 'APPROVAL_SHEET');`);
    this.addSql(`create type "mail_status" as enum ('PENDING', 'SENDING', 'SENT', 'FAILED');`);
    this.addSql(`create table "attachment" ("id" uuid not null, "customer_id" uuid not null, "order_id" uuid null, "kind" "attachment_kind" not null, "file_name" varchar(300) not null, "content_type" varchar(100) not null, "byte_size" int not null, "content" bytea not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "attachment_order_id_index" on "attachment" ("order_id");`);
    this.addSql(`create index "attachment_customer_id_created_at_index" on "attachment" ("customer_id", "created_at");`);

    this.addSql(`create table "mail_message" ("id" uuid not null, "order_id" uuid not null, "event_id" uuid not null, "to" varchar(320) not null, "to_name" varchar(200) null, "subject" varchar(300) not null, "text" text not null, "html" text not null, "attachment_id" uuid null, "status" "mail_status" not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "claimed_until" timestamptz null, "last_error" text null, "sent_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "mail_message_status_next_attempt_at_index" on "mail_message" ("status", "next_attempt_at");`);

    this.addSql(`alter table "attachment" add constraint "attachment_customer_id_foreign" foreign key ("customer_id") references "customer" ("id");`);
    this.addSql(`alter table "attachment" add constraint "attachment_order_id_foreign" foreign key ("order_id") references "change_order" ("id") on delete set null;`);

    this.addSql(`alter table "mail_message" add constraint "mail_message_order_id_foreign" foreign key ("order_id") references "change_order" ("id");`);
    this.addSql(`alter table "mail_message" add constraint "mail_message_event_id_foreign" foreign key ("event_id") references "order_event" ("id");`);
    this.addSql(`alter table "mail_message" add constraint "mail_message_attachment_id_foreign" foreign key ("attachment_id") references "attachment" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "mail_message" drop constraint "mail_message_attachment_id_foreign";`);

    this.addSql(`drop table if exists "attachment" cascade;`);
    this.addSql(`drop table if exists "mail_message" cascade;`);

    this.addSql(`drop type "attachment_kind";`);
    this.addSql(`drop type "mail_status";`);
  }

}
