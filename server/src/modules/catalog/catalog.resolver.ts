import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { money, Money } from '../../common/money.js';
import { OrganizationKind, Organization } from '../organization/organization.entity.js';
import { Product } from './product.entity.js';

@Resolver(() => Product)
export class CatalogResolver {
  @Query(() => [Product])
  products(
    @Arg('vendorId', () => ID, { nullable: true }) vendorId: string | null,
    @Ctx() context: Context,
  ) {
    return context.services.catalog.products(context.em, requireViewer(context), vendorId);
  }

  @FieldResolver(() => Organization)
  vendor(@Root() product: Product, @Ctx() { loaders }: Context) {
    return loaders.entity(Organization, product.vendor.id);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      "Contracted monthly unit price for the viewer's reseller; null where no agreement covers it.",
  })
  async unitPrice(@Root() product: Product, @Ctx() context: Context): Promise<Money | null> {
    const viewer = requireViewer(context);
    if (viewer.organizationKind !== OrganizationKind.RESELLER) return null;
    const price = await context.loaders.unitPrice.load(`${viewer.organizationId}:${product.id}`);
    return price ? money(price.cents, price.currency) : null;
  }

  @FieldResolver(() => [Product], {
    description: 'Primary products this one may be upgraded to (empty for non-primary).',
  })
  upgradesTo(@Root() product: Product, @Ctx() { loaders }: Context) {
    return loaders.upgrades.load(product.id);
  }
}
