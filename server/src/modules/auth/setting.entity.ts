import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Installation-wide values every instance must share (e.g. the generated JWT secret). */
@Entity({ tableName: 'setting' })
export class Setting {
  @PrimaryKey({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'text' })
  value!: string;
}
