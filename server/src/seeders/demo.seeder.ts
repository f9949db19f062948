import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../modules/auth/password.js';
import { Role, User } from '../modules/auth/user.entity.js';
import { Agreement, AgreementPrice } from '../modules/catalog/agreement.entity.js';
import { Product, ProductKind } from '../modules/catalog/product.entity.js';
import { BillingAccount, Contact, Customer, Site } from '../modules/customer/customer.entity.js';
import { InventoryLine } from '../modules/inventory/inventory-line.entity.js';
import { Organization, OrganizationKind } from '../modules/organization/organization.entity.js';

/** Password of every demo user. */
export const DEMO_PASSWORD = 'demo';

/** The Vertical Demo grid of SPEC.md, in its order: [item group, item name, available, monthly cents]. */
const VERTICAL_ITEMS: [string, string, number, number][] = [
  ['User License', 'Basic User', 0, 1500],
  ['User License', 'Premium UC User', 0, 2500],
  ['User License', 'Premium PLUS IPECS ONE USER', 12, 3500],
  ['User License', 'Premium IPECS ONE USER', 11, 3000],
  ['User License', 'Basic User & no VM', 1, 1200],
  ['User License', 'Basic User With VM', 13, 1800],
  ['User License', 'Stand Alone VM', 2, 500],
  ['Soft Client', 'Skype for Business 2010 RCCV', 0, 800],
];

function sku(vendor: string, name: string): string {
  return `${vendor}-${name}`
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/-$/, '');
}

/** The demo data of SPEC.md ("Demo data"), also the fixtures of the tests. */
export async function seedDemoData(em: EntityManager): Promise<void> {
  const org = (name: string, kind: OrganizationKind) => em.create(Organization, { name, kind });
  const vertical = org('Vertical', OrganizationKind.VENDOR);
  const mimecast = org('Mimecast', OrganizationKind.VENDOR);
  const rsVertical = org('RS-Vertical', OrganizationKind.RESELLER);
  const rsOther = org('RS-Other', OrganizationKind.RESELLER);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = (name: string, email: string, role: Role, organization: Organization) =>
    em.create(User, { name, email, role, organization, passwordHash });
  user('Kimberly Macdonald', 'kim@vertical.example', Role.VENDOR_APPROVER, vertical);
  user('Morgan Approver', 'approver@mimecast.example', Role.VENDOR_APPROVER, mimecast);
  user('Rich Balazsi', 'rich@rs-vertical.example', Role.RESELLER_ADMIN, rsVertical);
  user('Other Admin', 'other@rs-other.example', Role.RESELLER_ADMIN, rsOther);

  // Catalogues.
  const verticalProducts = VERTICAL_ITEMS.map(([itemGroup, name], position) =>
    em.create(Product, {
      sku: sku('VERTICAL', name),
      name,
      itemGroup,
      kind: ProductKind.ITEM,
      vendor: vertical,
      position,
    }),
  );
  const mimecastProduct = (name: string, itemGroup: string, kind: ProductKind, position: number) =>
    em.create(Product, {
      sku: sku('MIMECAST', name),
      name,
      itemGroup,
      kind,
      vendor: mimecast,
      position,
    });
  const essentials = mimecastProduct(
    'Email Security Essentials',
    'Email Security',
    ProductKind.PRIMARY,
    0,
  );
  const advanced = mimecastProduct(
    'Email Security Advanced',
    'Email Security',
    ProductKind.PRIMARY,
    1,
  );
  const archive = mimecastProduct('Archive', 'Add-on', ProductKind.ADD_ON, 2);
  const awareness = mimecastProduct('Awareness Training', 'Add-on', ProductKind.ADD_ON, 3);
  essentials.upgradesTo.add(advanced);

  // Agreements: contracted monthly prices (cents) and enabled add-ons.
  const agreement = (reseller: Organization, vendor: Organization, prices: [Product, number][]) => {
    const made = em.create(Agreement, { reseller, vendor, currency: 'USD' });
    for (const [product, unitPriceCents] of prices) {
      em.create(AgreementPrice, { agreement: made, product, unitPriceCents });
    }
    return made;
  };
  agreement(
    rsVertical,
    vertical,
    verticalProducts.map((product, i) => [product, VERTICAL_ITEMS[i]![3]]),
  );
  const rsVerticalMimecast = agreement(rsVertical, mimecast, [
    [essentials, 350],
    [advanced, 550],
    [archive, 150],
    [awareness, 200],
  ]);
  rsVerticalMimecast.enabledAddOns.add(archive);
  agreement(
    rsOther,
    vertical,
    verticalProducts.map((product, i) => [product, VERTICAL_ITEMS[i]![3] + 100]),
  );

  // Customers.
  const verticalDemo = em.create(Customer, {
    name: 'Vertical Demo',
    customerType: 'Normal',
    servicePlan: 'Standard Plan',
    reseller: rsVertical,
    vendor: vertical,
  });
  em.create(Site, { customer: verticalDemo, name: 'Vertical Demo HQ', address: '1 Main Street' });
  const verticalAccount = em.create(BillingAccount, {
    customer: verticalDemo,
    name: 'Vertical Demo',
  });
  VERTICAL_ITEMS.forEach(([, , available], i) => {
    if (available > 0) {
      em.create(InventoryLine, {
        customer: verticalDemo,
        product: verticalProducts[i]!,
        billingAccount: verticalAccount,
        quantity: available,
      });
    }
  });

  const acme = em.create(Customer, {
    name: 'Acme Mail',
    customerType: 'Normal',
    servicePlan: 'MSP Plan',
    reseller: rsVertical,
    vendor: mimecast,
  });
  em.create(Site, { customer: acme, name: 'Acme Mail Office', address: '2 Harbour Road' });
  const acmeAccount = em.create(BillingAccount, { customer: acme, name: 'Acme Mail' });
  acme.implementationLead = em.create(Contact, {
    customer: acme,
    name: 'Dana Lead',
    email: 'lead@acme-mail.example',
  });
  em.create(InventoryLine, {
    customer: acme,
    product: essentials,
    billingAccount: acmeAccount,
    quantity: 50,
  });

  const otherCo = em.create(Customer, {
    name: 'Other Co',
    customerType: 'Normal',
    servicePlan: 'Standard Plan',
    reseller: rsOther,
    vendor: vertical,
  });
  em.create(Site, { customer: otherCo, name: 'Other Co Site' });
  const otherAccount = em.create(BillingAccount, { customer: otherCo, name: 'Other Co' });
  em.create(InventoryLine, {
    customer: otherCo,
    product: verticalProducts[5]!,
    billingAccount: otherAccount,
    quantity: 4,
  });
  em.create(Contact, { customer: otherCo, name: 'Olive Other', email: 'olive@other-co.example' });

  await em.flush();
}
