import {
  call,
  CUSTOMER,
  draft,
  inParallel,
  LICENSE_GRID,
  login,
  orderTarget,
  RESELLER,
  submit,
} from './api.js';
import { startInProcessPortal } from './in-process-portal.js';

/** The grid rows each page order carries a line for (like the server's statements test). */
const LINES_PER_ORDER = 3;
const PAGE = 50;

/** Order Management's page, with each order's lines and cost, 50 at a time. */
const ORDERS_PAGE = (totalCount: boolean) => `query OrdersPage($first: Int) {
  changeOrders(first: $first) {
    ${totalCount ? 'totalCount' : ''}
    pageInfo { endCursor hasNextPage }
    edges { node {
      id number title status submittedAt
      customer { id name } requestTo { id name } orderUser { id name }
      lines { product { id name } billingAccount { id name } available delta toBe }
      costPreview { newMonthly { cents currency } }
    } }
  }
}`;

export interface SqlCounts {
  /** A repeated grid read, which the response cache answers: its version read. */
  sqlPerGridQuery: number;
  /** A viewer's first grid read: the version read and the full pipeline's statements. */
  sqlPerGridFirstRead: number;
  /** Without totalCount (the statement count a page costs when the UI does not ask it). */
  sqlPerOrdersPage50: number;
  sqlPerOrdersPage50WithTotal: number;
  /** Not a target: what one submitChangeOrder sends, to read with its profile. */
  sqlPerSubmit: number;
  gridStatements: string[];
  gridFirstReadStatements: string[];
  ordersPageStatements: string[];
  submitStatements: string[];
}

/**
 * SQL statements per operation, counted where they are sent: the portal runs in this
 * process with an ORM hook recording each statement (`startInProcessPortal`), over its own
 * database of the bench cluster. Counts include the whole request (authentication is a JWT
 * check: no SQL).
 */
export async function countStatements(databaseUrl: string): Promise<SqlCounts> {
  const portal = await startInProcessPortal(databaseUrl);
  const { during } = portal;
  try {
    const graphqlUrl = portal.graphqlUrl;
    const token = await login(graphqlUrl, RESELLER);
    const target = await orderTarget(graphqlUrl, token);
    const grid = (query = LICENSE_GRID) =>
      call(graphqlUrl, query, { id: target.customerId }, token);
    await grid(); // nothing first-time in the counts below
    // A read the response cache answers (the same viewer asked it before): its version read.
    const gridStatements = await during(() => grid());
    // A first read (a text the cache has not seen): the version read, then the full
    // pipeline's statements.
    const gridFirstReadStatements = await during(() => grid(`${LICENSE_GRID}\n# first read`));

    // The submit path, as the submit load sends it (the draft is made outside the count).
    const orderId = await draft(graphqlUrl, token, target, 'Counted submit');
    const submitStatements = await during(() => submit(graphqlUrl, token, orderId));

    const lines = await gridLines(graphqlUrl, token, target.customerId);
    await inParallel(
      Array.from({ length: PAGE }, (_, i) => i),
      4,
      async (i) => {
        const created = await call<{ createChangeOrder: { order: { id: string } } }>(
          graphqlUrl,
          `mutation($i: CreateChangeOrderInput!) { createChangeOrder(input: $i) { order { id } userErrors { code } } }`,
          { i: { customerId: target.customerId, title: `Page order ${i}` } },
          token,
        );
        await call(
          graphqlUrl,
          `mutation($i: SetChangeOrderLinesInput!) { setChangeOrderLines(input: $i) { order { id } userErrors { code } } }`,
          { i: { orderId: created.createChangeOrder.order.id, lines } },
          token,
        );
      },
    );
    const page = async (withTotal: boolean) => {
      const data = await call<{ changeOrders: { edges: unknown[] } }>(
        graphqlUrl,
        ORDERS_PAGE(withTotal),
        { first: PAGE },
        token,
      );
      if (data.changeOrders.edges.length !== PAGE) {
        throw new Error(
          `the orders page has ${data.changeOrders.edges.length} orders, not ${PAGE}`,
        );
      }
    };
    await page(false);
    const ordersPageStatements = await during(() => page(false));
    const withTotal = await during(() => page(true));
    return {
      sqlPerGridQuery: gridStatements.length,
      sqlPerGridFirstRead: gridFirstReadStatements.length,
      sqlPerOrdersPage50: ordersPageStatements.length,
      sqlPerOrdersPage50WithTotal: withTotal.length,
      sqlPerSubmit: submitStatements.length,
      gridStatements,
      gridFirstReadStatements,
      ordersPageStatements,
      submitStatements,
    };
  } finally {
    await portal.close();
  }
}

/** The first LINES_PER_ORDER grid rows of the customer as +1 order lines. */
async function gridLines(graphqlUrl: string, token: string, customerId: string) {
  type Grid = {
    customer: { licenses: { product: { id: string }; billingAccount: { id: string } }[] };
  };
  const grid = await call<Grid>(graphqlUrl, LICENSE_GRID, { id: customerId }, token);
  if (grid.customer.licenses.length < LINES_PER_ORDER) throw new Error(`${CUSTOMER}: small grid`);
  return grid.customer.licenses.slice(0, LINES_PER_ORDER).map((row) => ({
    productId: row.product.id,
    billingAccountId: row.billingAccount.id,
    delta: 1,
  }));
}
