import { Migration } from '@mikro-orm/migrations';

export class Migration20261123185222_domain extends Migration {

  override name = 'Migration20261123185222_domain';

  override up(): void | Promise<void> {
    // Hand-added: order numbers start at 500001 and only grow; event sequence numbers are global.
    this.addSql(`create sequence "change_order_number_seq" start with 500001;`);
    this.addSql(`create sequence "order_event_sequence_seq";`);
    this.addSql(`create type "product_kind" as enum ('PRIMARY', 'ADD_ON', 'ITEM');`);
    this.addSql(`create type "role" as enum ('RESELLER_ADMIN', 'RESELLER_AGENT', 'VENDOR_APPROVER', 'VENDOR_ADMIN', 'API_CLIENT');`);
    this.addSql(`create type "order_type" as enum ('CHANGE');`);
    this.addSql(`create type "order_status" as enum ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'CONFIRMED', 'CANCELLED');`);
    this.addSql(`create type "product_change_mode" as enum ('KEEP', 'ADD', 'REPLACE');`);
    this.addSql(`create type "order_event_type" as enum ('CREATED', 'UPDATED', 'SUBMITTED', 'APPROVED', 'REJECTED', 'CONFIRMED', 'CANCELLED');`);
    this.addSql(`create type "api_scope" as enum ('READ', 'WRITE_ORDERS', 'SUBSCRIBE');`);
    this.addSql(`create type "alert_kind" as enum ('ORDER_TO_CONFIRM', 'ORDER_REJECTED', 'ORDER_SUBMITTED');`);
    this.addSql(`create table "customer" ("id" uuid not null, "name" varchar(200) not null, "customer_type" varchar(100) not null, "service_plan" varchar(100) not null, "reseller_id" uuid not null, "vendor_id" uuid not null, "implementation_lead_id" uuid null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "customer_vendor_id_name_index" on "customer" ("vendor_id", "name");`);
    this.addSql(`create index "customer_reseller_id_name_index" on "customer" ("reseller_id", "name");`);

    this.addSql(`create table "contact" ("id" uuid not null, "customer_id" uuid not null, "name" varchar(200) not null, "email" varchar(320) not null, primary key ("id"));`);

    this.addSql(`create table "billing_account" ("id" uuid not null, "customer_id" uuid not null, "name" varchar(200) not null, primary key ("id"));`);

    this.addSql(`create table "agreement" ("id" uuid not null, "reseller_id" uuid not null, "vendor_id" uuid not null, "currency" varchar(3) not null, primary key ("id"));`);
    this.addSql(`alter table "agreement" add constraint "agreement_reseller_id_vendor_id_unique" unique ("reseller_id", "vendor_id");`);

    this.addSql(`create table "product" ("id" uuid not null, "sku" varchar(100) not null, "name" varchar(200) not null, "item_group" varchar(100) not null, "kind" "product_kind" not null, "vendor_id" uuid not null, "position" int not null default 0, primary key ("id"));`);
    this.addSql(`alter table "product" add constraint "product_sku_unique" unique ("sku");`);

    this.addSql(`create table "inventory_line" ("id" uuid not null, "customer_id" uuid not null, "product_id" uuid not null, "billing_account_id" uuid not null, "quantity" int not null, "version" int not null default 1, "updated_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "inventory_line" add constraint "inventory_line_customer_id_product_id_billing_account_id_unique" unique ("customer_id", "product_id", "billing_account_id");`);

    this.addSql(`create table "agreement_price" ("id" uuid not null, "agreement_id" uuid not null, "product_id" uuid not null, "unit_price_cents" int not null, primary key ("id"));`);
    this.addSql(`alter table "agreement_price" add constraint "agreement_price_agreement_id_product_id_unique" unique ("agreement_id", "product_id");`);

    this.addSql(`create table "agreement_add_on" ("agreement_id" uuid not null, "product_id" uuid not null, primary key ("agreement_id", "product_id"));`);

    this.addSql(`create table "product_upgrade" ("product_id" uuid not null, "upgrade_id" uuid not null, primary key ("product_id", "upgrade_id"));`);

    this.addSql(`create table "setting" ("key" varchar(100) not null, "value" text not null, primary key ("key"));`);

    this.addSql(`create table "site" ("id" uuid not null, "customer_id" uuid not null, "name" varchar(200) not null, "address" varchar(500) null, primary key ("id"));`);

    this.addSql(`create table "app_user" ("id" uuid not null, "name" varchar(200) not null, "email" varchar(320) not null, "password_hash" varchar(200) not null, "role" "role" not null, "organization_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "change_order" ("id" uuid not null, "number" int not null default nextval('change_order_number_seq'), "title" varchar(200) not null, "type" "order_type" not null default 'CHANGE', "status" "order_status" not null default 'DRAFT', "customer_id" uuid not null, "site_id" uuid null, "reseller_id" uuid not null, "request_to_id" uuid not null, "order_user_id" uuid not null, "note" text null, "approval_comment" text null, "implementation_lead_id" uuid null, "product_change_mode" "product_change_mode" not null default 'KEEP', "product_change_product_id" uuid null, "product_change_replaces_id" uuid null, "msa_accepted" boolean not null default false, "authorization_confirmed" boolean not null default false, "created_at" timestamptz not null default now(), "submitted_at" timestamptz null, "decided_at" timestamptz null, "confirmed_at" timestamptz null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`alter table "change_order" add constraint "change_order_number_unique" unique ("number");`);
    this.addSql(`create index "change_order_customer_id_number_index" on "change_order" ("customer_id", "number");`);
    this.addSql(`create index "change_order_request_to_id_number_index" on "change_order" ("request_to_id", "number");`);
    this.addSql(`create index "change_order_reseller_id_number_index" on "change_order" ("reseller_id", "number");`);

    this.addSql(`create table "order_event" ("id" uuid not null, "sequence" int not null default nextval('order_event_sequence_seq'), "type" "order_event_type" not null, "order_id" uuid not null, "customer_id" uuid not null, "reseller_id" uuid not null, "vendor_id" uuid not null, "vendor_visible" boolean not null, "actor_id" uuid null, "from_status" "order_status" null, "to_status" "order_status" not null, "comment" text null, "at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "order_event" add constraint "order_event_sequence_unique" unique ("sequence");`);
    this.addSql(`create index "order_event_order_id_sequence_index" on "order_event" ("order_id", "sequence");`);
    this.addSql(`create index "order_event_vendor_id_sequence_index" on "order_event" ("vendor_id", "sequence");`);
    this.addSql(`create index "order_event_reseller_id_sequence_index" on "order_event" ("reseller_id", "sequence");`);

    this.addSql(`create table "idempotency_record" ("id" uuid not null, "organization_id" uuid not null, "operation" varchar(50) not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "order_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_organization_id_operation_key_unique" unique ("organization_id", "operation", "key");`);

    this.addSql(`create table "change_order_line" ("id" uuid not null, "order_id" uuid not null, "product_id" uuid not null, "billing_account_id" uuid not null, "delta" int not null, "frozen_available" int null, "position" int not null, primary key ("id"));`);
    this.addSql(`alter table "change_order_line" add constraint "change_order_line_order_id_product_id_billing_account_id_unique" unique ("order_id", "product_id", "billing_account_id");`);

    this.addSql(`create table "api_key" ("id" uuid not null, "organization_id" uuid not null, "created_by_id" uuid not null, "name" varchar(200) not null, "scopes" "api_scope"[] not null, "prefix" varchar(32) not null, "secret_hash" varchar(64) not null, "created_at" timestamptz not null default now(), "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`create table "alert" ("id" uuid not null, "kind" "alert_kind" not null, "order_id" uuid not null, "event_id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null default now(), "acknowledged_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "alert_user_id_acknowledged_at_index" on "alert" ("user_id", "acknowledged_at");`);

    this.addSql(`alter table "customer" add constraint "customer_reseller_id_foreign" foreign key ("reseller_id") references "organization" ("id");`);
    this.addSql(`alter table "customer" add constraint "customer_vendor_id_foreign" foreign key ("vendor_id") references "organization" ("id");`);
    this.addSql(`alter table "customer" add constraint "customer_implementation_lead_id_foreign" foreign key ("implementation_lead_id") references "contact" ("id") on delete set null;`);

    this.addSql(`alter table "contact" add constraint "contact_customer_id_foreign" foreign key ("customer_id") references "customer" ("id");`);

    this.addSql(`alter table "billing_account" add constraint "billing_account_customer_id_foreign" foreign key ("customer_id") references "customer" ("id");`);

    this.addSql(`alter table "agreement" add constraint "agreement_reseller_id_foreign" foreign key ("reseller_id") references "organization" ("id");`);
    this.addSql(`alter table "agreement" add constraint "agreement_vendor_id_foreign" foreign key ("vendor_id") references "organization" ("id");`);

    this.addSql(`alter table "product" add constraint "product_vendor_id_foreign" foreign key ("vendor_id") references "organization" ("id");`);

    this.addSql(`alter table "inventory_line" add constraint "inventory_line_customer_id_foreign" foreign key ("customer_id") references "customer" ("id");`);
    this.addSql(`alter table "inventory_line" add constraint "inventory_line_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "inventory_line" add constraint "inventory_line_billing_account_id_foreign" foreign key ("billing_account_id") references "billing_account" ("id");`);

    this.addSql(`alter table "agreement_price" add constraint "agreement_price_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id");`);
    this.addSql(`alter table "agreement_price" add constraint "agreement_price_product_id_foreign" foreign key ("product_id") references "product" ("id");`);

    this.addSql(`alter table "agreement_add_on" add constraint "agreement_add_on_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agreement_add_on" add constraint "agreement_add_on_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product_upgrade" add constraint "product_upgrade_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_upgrade" add constraint "product_upgrade_upgrade_id_foreign" foreign key ("upgrade_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "site" add constraint "site_customer_id_foreign" foreign key ("customer_id") references "customer" ("id");`);

    this.addSql(`alter table "app_user" add constraint "app_user_organization_id_foreign" foreign key ("organization_id") references "organization" ("id");`);

    this.addSql(`alter table "change_order" add constraint "change_order_customer_id_foreign" foreign key ("customer_id") references "customer" ("id");`);
    this.addSql(`alter table "change_order" add constraint "change_order_site_id_foreign" foreign key ("site_id") references "site" ("id") on delete set null;`);
    this.addSql(`alter table "change_order" add constraint "change_order_reseller_id_foreign" foreign key ("reseller_id") references "organization" ("id");`);
    this.addSql(`alter table "change_order" add constraint "change_order_request_to_id_foreign" foreign key ("request_to_id") references "organization" ("id");`);
    this.addSql(`alter table "change_order" add constraint "change_order_order_user_id_foreign" foreign key ("order_user_id") references "app_user" ("id");`);
    this.addSql(`alter table "change_order" add constraint "change_order_implementation_lead_id_foreign" foreign key ("implementation_lead_id") references "contact" ("id") on delete set null;`);
    this.addSql(`alter table "change_order" add constraint "change_order_product_change_product_id_foreign" foreign key ("product_change_product_id") references "product" ("id") on delete set null;`);
    this.addSql(`alter table "change_order" add constraint "change_order_product_change_replaces_id_foreign" foreign key ("product_change_replaces_id") references "product" ("id") on delete set null;`);

    this.addSql(`alter table "order_event" add constraint "order_event_order_id_foreign" foreign key ("order_id") references "change_order" ("id");`);
    this.addSql(`alter table "order_event" add constraint "order_event_customer_id_foreign" foreign key ("customer_id") references "customer" ("id");`);
    this.addSql(`alter table "order_event" add constraint "order_event_reseller_id_foreign" foreign key ("reseller_id") references "organization" ("id");`);
    this.addSql(`alter table "order_event" add constraint "order_event_vendor_id_foreign" foreign key ("vendor_id") references "organization" ("id");`);
    this.addSql(`alter table "order_event" add constraint "order_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_organization_id_foreign" foreign key ("organization_id") references "organization" ("id");`);
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_order_id_foreign" foreign key ("order_id") references "change_order" ("id");`);

    this.addSql(`alter table "change_order_line" add constraint "change_order_line_order_id_foreign" foreign key ("order_id") references "change_order" ("id") on delete cascade;`);
    this.addSql(`alter table "change_order_line" add constraint "change_order_line_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "change_order_line" add constraint "change_order_line_billing_account_id_foreign" foreign key ("billing_account_id") references "billing_account" ("id");`);

    this.addSql(`alter table "api_key" add constraint "api_key_organization_id_foreign" foreign key ("organization_id") references "organization" ("id");`);
    this.addSql(`alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id");`);

    this.addSql(`alter table "alert" add constraint "alert_order_id_foreign" foreign key ("order_id") references "change_order" ("id");`);
    this.addSql(`alter table "alert" add constraint "alert_event_id_foreign" foreign key ("event_id") references "order_event" ("id");`);
    this.addSql(`alter table "alert" add constraint "alert_user_id_foreign" foreign key ("user_id") references "app_user" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence if exists "change_order_number_seq" cascade;`);
    this.addSql(`drop sequence if exists "order_event_sequence_seq" cascade;`);
    this.addSql(`alter table "contact" drop constraint "contact_customer_id_foreign";`);
    this.addSql(`alter table "billing_account" drop constraint "billing_account_customer_id_foreign";`);
    this.addSql(`alter table "inventory_line" drop constraint "inventory_line_customer_id_foreign";`);
    this.addSql(`alter table "site" drop constraint "site_customer_id_foreign";`);
    this.addSql(`alter table "change_order" drop constraint "change_order_customer_id_foreign";`);
    this.addSql(`alter table "order_event" drop constraint "order_event_customer_id_foreign";`);
    this.addSql(`alter table "customer" drop constraint "customer_implementation_lead_id_foreign";`);
    this.addSql(`alter table "change_order" drop constraint "change_order_implementation_lead_id_foreign";`);
    this.addSql(`alter table "inventory_line" drop constraint "inventory_line_billing_account_id_foreign";`);
    this.addSql(`alter table "change_order_line" drop constraint "change_order_line_billing_account_id_foreign";`);
    this.addSql(`alter table "agreement_price" drop constraint "agreement_price_agreement_id_foreign";`);
    this.addSql(`alter table "agreement_add_on" drop constraint "agreement_add_on_agreement_id_foreign";`);
    this.addSql(`alter table "inventory_line" drop constraint "inventory_line_product_id_foreign";`);
    this.addSql(`alter table "agreement_price" drop constraint "agreement_price_product_id_foreign";`);
    this.addSql(`alter table "agreement_add_on" drop constraint "agreement_add_on_product_id_foreign";`);
    this.addSql(`alter table "product_upgrade" drop constraint "product_upgrade_product_id_foreign";`);
    this.addSql(`alter table "product_upgrade" drop constraint "product_upgrade_upgrade_id_foreign";`);
    this.addSql(`alter table "change_order" drop constraint "change_order_product_change_product_id_foreign";`);
    this.addSql(`alter table "change_order" drop constraint "change_order_product_change_replaces_id_foreign";`);
    this.addSql(`alter table "change_order_line" drop constraint "change_order_line_product_id_foreign";`);
    this.addSql(`alter table "change_order" drop constraint "change_order_site_id_foreign";`);
    this.addSql(`alter table "change_order" drop constraint "change_order_order_user_id_foreign";`);
    this.addSql(`alter table "order_event" drop constraint "order_event_actor_id_foreign";`);
    this.addSql(`alter table "api_key" drop constraint "api_key_created_by_id_foreign";`);
    this.addSql(`alter table "alert" drop constraint "alert_user_id_foreign";`);
    this.addSql(`alter table "order_event" drop constraint "order_event_order_id_foreign";`);
    this.addSql(`alter table "idempotency_record" drop constraint "idempotency_record_order_id_foreign";`);
    this.addSql(`alter table "change_order_line" drop constraint "change_order_line_order_id_foreign";`);
    this.addSql(`alter table "alert" drop constraint "alert_order_id_foreign";`);
    this.addSql(`alter table "alert" drop constraint "alert_event_id_foreign";`);

    this.addSql(`drop table if exists "customer" cascade;`);
    this.addSql(`drop table if exists "contact" cascade;`);
    this.addSql(`drop table if exists "billing_account" cascade;`);
    this.addSql(`drop table if exists "agreement" cascade;`);
    this.addSql(`drop table if exists "product" cascade;`);
    this.addSql(`drop table if exists "inventory_line" cascade;`);
    this.addSql(`drop table if exists "agreement_price" cascade;`);
    this.addSql(`drop table if exists "agreement_add_on" cascade;`);
    this.addSql(`drop table if exists "product_upgrade" cascade;`);
    this.addSql(`drop table if exists "setting" cascade;`);
    this.addSql(`drop table if exists "site" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "change_order" cascade;`);
    this.addSql(`drop table if exists "order_event" cascade;`);
    this.addSql(`drop table if exists "idempotency_record" cascade;`);
    this.addSql(`drop table if exists "change_order_line" cascade;`);
    this.addSql(`drop table if exists "api_key" cascade;`);
    this.addSql(`drop table if exists "alert" cascade;`);

    this.addSql(`drop type "product_kind";`);
    this.addSql(`drop type "role";`);
    this.addSql(`drop type "order_type";`);
    this.addSql(`drop type "order_status";`);
    this.addSql(`drop type "product_change_mode";`);
    this.addSql(`drop type "order_event_type";`);
    this.addSql(`drop type "api_scope";`);
    this.addSql(`drop type "alert_kind";`);
  }

}
