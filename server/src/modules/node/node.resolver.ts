import { Arg, ID, Query, Resolver } from 'type-graphql';
import { NodeInterface } from './node.interface.js';

@Resolver()
export class NodeResolver {
  /** Any object by its global id; null when it does not exist for the viewer. */
  @Query(() => NodeInterface, { nullable: true })
  node(@Arg('id', () => ID) _id: string): NodeInterface | null {
    // Lookups by type arrive with the domain model (issue 3); until then nothing is visible.
    return null;
  }
}
