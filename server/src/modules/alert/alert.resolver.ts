import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import type { Outcome } from '../../common/transaction.js';
import { UserError } from '../../common/user-error.js';
import { ChangeOrder } from '../change-order/change-order.entity.js';
import { Alert } from './alert.entity.js';

@ObjectType('AcknowledgePayload')
export class AcknowledgePayload {
  @Field(() => [Alert])
  acknowledged!: Alert[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}

function payload(outcome: Outcome<Alert[]>): AcknowledgePayload {
  return Object.assign(new AcknowledgePayload(), {
    acknowledged: outcome.value ?? [],
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => Alert)
export class AlertResolver {
  @Query(() => [Alert], { description: "The viewer's unacknowledged alerts." })
  pendingAlerts(@Ctx() context: Context) {
    return context.services.alerts.pending(context.em, requireViewer(context));
  }

  @Mutation(() => AcknowledgePayload, { description: 'OK' })
  async acknowledgeAlert(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    return payload(
      await context.services.alerts.acknowledge(context.em, requireViewer(context), id),
    );
  }

  @Mutation(() => AcknowledgePayload, { description: 'OK ALL' })
  async acknowledgeAllAlerts(@Ctx() context: Context) {
    return payload(
      await context.services.alerts.acknowledgeAll(context.em, requireViewer(context)),
    );
  }

  @FieldResolver(() => ChangeOrder)
  order(@Root() alert: Alert, @Ctx() { loaders }: Context) {
    return loaders.entity(ChangeOrder, alert.order.id);
  }
}
