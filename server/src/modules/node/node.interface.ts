import { Field, ID, InterfaceType, Root } from 'type-graphql';
import { toGlobalId } from '../../common/global-id.js';

/**
 * Relay's Node: every object with a global id, refetchable through `node(id)`.
 *
 * The id is made here for every implementing type from the entity's class name and its
 * key, so each entity class is named as its GraphQL type (Customer, ChangeOrder, …).
 */
@InterfaceType('Node')
export abstract class NodeInterface {
  @Field(() => ID, { name: 'id' })
  globalId(@Root() root: { id: string }): string {
    return toGlobalId(root.constructor.name, root.id);
  }
}
