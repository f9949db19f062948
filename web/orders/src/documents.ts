/**
 * The GraphQL documents of Order Management and Order Final Confirm. Component props are
 * derived from their result types (never written by hand).
 */
import { graphql, type ResultOf } from '@portal/web-shared';

export const PAGE_SIZE = 20;

export const ORDERS = graphql(`
  query OrderManagement($filter: ChangeOrderFilter, $after: String, $first: Int) {
    changeOrders(filter: $filter, after: $after, first: $first) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          number
          title
          status
          submittedAt
          customer {
            id
            name
          }
          requestTo {
            id
            name
          }
          orderUser {
            id
            name
          }
        }
      }
    }
  }
`);

export const ORDER = graphql(`
  query OrderDetail($id: ID!) {
    changeOrder(id: $id) {
      id
      number
      title
      type
      status
      version
      note
      approvalComment
      submittedAt
      decidedAt
      confirmedAt
      customer {
        id
        name
      }
      requestTo {
        id
        name
      }
      reseller {
        id
        name
      }
      orderUser {
        id
        name
      }
      productChange {
        mode
        product {
          id
          name
        }
        replaces {
          id
          name
        }
      }
      lines {
        available
        delta
        toBe
        product {
          id
          name
          itemGroup
        }
        billingAccount {
          id
          name
        }
      }
      costPreview {
        currentMonthly {
          cents
          currency
        }
        newMonthly {
          cents
          currency
        }
      }
      documents {
        id
        kind
        fileName
        downloadUrl
        byteSize
      }
      history {
        id
        type
        fromStatus
        toStatus
        comment
        at
        actor {
          id
          name
        }
      }
    }
  }
`);

/** One order's changes, for an open order screen. */
/** The events that move one of the reseller's orders to another status, or add one. */
export const ORDER_LIST_EVENTS = graphql(`
  subscription OrderListEvents {
    orderEvents(filter: { types: [CREATED, SUBMITTED, APPROVED, REJECTED, CONFIRMED, CANCELLED] }) {
      id
      sequence
      type
    }
  }
`);

export const ORDER_UPDATED = graphql(`
  subscription OrderUpdated($orderId: ID!) {
    changeOrderUpdated(orderId: $orderId) {
      id
      version
      status
    }
  }
`);

export const FINAL_CONFIRM = graphql(`
  mutation FinalConfirm($input: OrderRefInput!) {
    finalConfirmChangeOrder(input: $input) {
      order {
        id
        status
        confirmedAt
        documents {
          id
          kind
          fileName
          downloadUrl
          byteSize
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Withdraws a DRAFT or SUBMITTED order (the reseller's); the page then reloads it. */
export const CANCEL_ORDER = graphql(`
  mutation CancelOrder($input: OrderRefInput!) {
    cancelChangeOrder(input: $input) {
      order {
        id
        status
        version
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** A new DRAFT with an order's request (the reseller's): how a rejected order is sent again. */
export const COPY_ORDER = graphql(`
  mutation CopyOrder($input: CopyChangeOrderInput!) {
    copyChangeOrder(input: $input) {
      order {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const INVENTORY = graphql(`
  query CustomerInventory($id: ID!) {
    customer(id: $id) {
      id
      name
      licenses {
        available
        product {
          id
          name
          itemGroup
        }
        billingAccount {
          id
          name
        }
      }
    }
  }
`);

export type OrderRow = ResultOf<typeof ORDERS>['changeOrders']['edges'][number]['node'];
export type Order = NonNullable<ResultOf<typeof ORDER>['changeOrder']>;
export type OrderLine = Order['lines'][number];
export type OrderDocument = Order['documents'][number];
export type OrderEvent = Order['history'][number];
export type ConfirmedOrder = NonNullable<
  ResultOf<typeof FINAL_CONFIRM>['finalConfirmChangeOrder']['order']
>;
export type UserError = ResultOf<
  typeof FINAL_CONFIRM
>['finalConfirmChangeOrder']['userErrors'][number];
export type License = NonNullable<ResultOf<typeof INVENTORY>['customer']>['licenses'][number];
