/**
 * The GraphQL documents of the vendor's approval dashboard. Component props are derived
 * from their result types (never written by hand).
 */
import { graphql, type ResultOf } from '@portal/web-shared';

export const PAGE_SIZE = 20;

export const QUEUE = graphql(`
  query ApprovalQueue($after: String, $first: Int) {
    changeOrders(filter: { status: [SUBMITTED] }, after: $after, first: $first) {
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
          submittedAt
          customer {
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
        }
      }
    }
  }
`);

/** The events that put an order into the queue or take it out. */
export const QUEUE_EVENTS = graphql(`
  subscription ApprovalQueueEvents {
    orderEvents(filter: { types: [SUBMITTED, APPROVED, REJECTED, CANCELLED] }) {
      id
      sequence
      type
    }
  }
`);

export const ORDER = graphql(`
  query VendorOrder($id: ID!) {
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
      customer {
        id
        name
        customerType
        servicePlan
      }
      reseller {
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
        email
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
        deltaMonthly {
          cents
          currency
        }
        lines {
          product {
            id
            name
            itemGroup
          }
          quantityBefore
          quantityAfter
          unitPrice {
            cents
            currency
          }
          monthlyBefore {
            cents
            currency
          }
          monthlyAfter {
            cents
            currency
          }
        }
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

export const ORDER_UPDATED = graphql(`
  subscription VendorOrderUpdated($orderId: ID!) {
    changeOrderUpdated(orderId: $orderId) {
      id
      version
      status
    }
  }
`);

export const APPROVE = graphql(`
  mutation ApproveOrder($input: OrderDecisionInput!) {
    approveChangeOrder(input: $input) {
      order {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const REJECT = graphql(`
  mutation RejectOrder($input: OrderDecisionInput!) {
    rejectChangeOrder(input: $input) {
      order {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export type QueueRow = ResultOf<typeof QUEUE>['changeOrders']['edges'][number]['node'];
export type Order = NonNullable<ResultOf<typeof ORDER>['changeOrder']>;
export type OrderLine = Order['lines'][number];
export type CostPreview = Order['costPreview'];
export type OrderEvent = Order['history'][number];
export type UserError = ResultOf<typeof APPROVE>['approveChangeOrder']['userErrors'][number];
export type Decision = 'approve' | 'reject';
