import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node: every object with a global id, refetchable through `node(id)`. */
@InterfaceType('Node')
export abstract class NodeInterface {
  @Field(() => ID)
  id!: string;
}
