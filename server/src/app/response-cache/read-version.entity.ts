import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * How often the rows behind one scope of cached reads have changed (`customer:<id>`,
 * `catalog:<vendor id>`, `pair:<reseller id>:<vendor id>`, `agreement:<id>`). Only the
 * database's triggers write it (see the migration `read_versions`); the response cache
 * reads it to know whether an answer it keeps is still the answer (read-versions.ts).
 */
@Entity({ tableName: 'read_version' })
export class ReadVersion {
  @PrimaryKey({ type: 'string', length: 100 })
  scope!: string;

  @Property({ type: 'bigint' })
  version!: bigint;
}
