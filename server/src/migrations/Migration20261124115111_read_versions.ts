import { Migration } from '@mikro-orm/migrations';

/**
 * Which rows each trigger watches, as (table, the columns a cached read shows or is scoped
 * by, the scope it raises, the columns that name the scope); the entities declare the same
 * triggers (`readVersionTrigger`) for the schema diff. A column the response cache's reads
 * come to show must be watched, in a new migration (cacheable-read.ts lists the fields,
 * read-versions.ts reads the scopes).
 */
const WATCHED: { table: string; columns: string[] | 'all'; scope: string; by: string[] }[] = [
  {
    table: 'customer',
    columns: ['name', 'reseller_id', 'vendor_id'],
    scope: 'customer',
    by: ['id'],
  },
  { table: 'billing_account', columns: 'all', scope: 'customer', by: ['customer_id'] },
  {
    table: 'inventory_line',
    columns: ['quantity', 'customer_id', 'product_id', 'billing_account_id'],
    scope: 'customer',
    by: ['customer_id'],
  },
  {
    table: 'product',
    columns: ['sku', 'name', 'item_group', 'kind', 'vendor_id', 'position'],
    scope: 'catalog',
    by: ['vendor_id'],
  },
  {
    table: 'agreement',
    columns: ['reseller_id', 'vendor_id'],
    scope: 'pair',
    by: ['reseller_id', 'vendor_id'],
  },
];

export class Migration20261124115111_read_versions extends Migration {
  override name = 'Migration20261124115111_read_versions';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "read_version" ("scope" varchar(100) not null, "version" bigint not null, primary key ("scope"));`,
    );
    // Every write of a watched row, by any code path, raises the version of the scope its
    // old and its new values belong to, in the writer's own transaction: the new version
    // commits with the change. Arguments: the scope's prefix, then the columns naming it.
    this.addSql(`
      create function "bump_read_version"() returns trigger language plpgsql as $$
      declare
        changed jsonb;
        named text;
        scopes text[] := '{}';
      begin
        foreach changed in array array_remove(array[
          case when tg_op <> 'INSERT' then to_jsonb(old) end,
          case when tg_op <> 'DELETE' then to_jsonb(new) end
        ], null) loop
          named := tg_argv[0];
          for i in 1 .. tg_nargs - 1 loop
            named := named || ':' || (changed ->> tg_argv[i]);
          end loop;
          scopes := scopes || named;
        end loop;
        insert into "read_version" ("scope", "version")
          select distinct unnest(scopes), 1
          on conflict on constraint "read_version_pkey"
          do update set "version" = "read_version"."version" + 1;
        return null;
      end $$;`);
    for (const { table, columns, scope, by } of WATCHED) {
      const update =
        columns === 'all' ? 'update' : `update of ${columns.map((c) => `"${c}"`).join(', ')}`;
      const args = [scope, ...by].map((value) => `'${value}'`).join(', ');
      this.addSql(
        `create trigger "${table}_read_version" after insert or delete or ${update} on "${table}" for each row execute function "bump_read_version"(${args});`,
      );
    }
  }

  override down(): void | Promise<void> {
    for (const { table } of WATCHED) {
      this.addSql(`drop trigger if exists "${table}_read_version" on "${table}";`);
    }
    this.addSql(`drop function if exists "bump_read_version"();`);
    this.addSql(`drop table if exists "read_version" cascade;`);
  }
}
