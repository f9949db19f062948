/** The GraphQL documents of the customers screens (types inferred from the schema). */
import { graphql } from '@portal/web-shared';

export const PAGE_SIZE = 20;

export const CUSTOMERS = graphql(`
  query Customers($search: String, $first: Int, $after: String) {
    customers(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          customerType
          servicePlan
          vendor {
            id
            name
          }
        }
      }
    }
  }
`);

export const CUSTOMER = graphql(`
  query Customer($id: ID!) {
    customer(id: $id) {
      id
      name
      customerType
      servicePlan
      vendor {
        id
        name
      }
      reseller {
        id
        name
      }
      implementationLead {
        id
        name
        email
      }
      contacts {
        id
        name
        email
      }
      sites {
        id
        name
        address
      }
      licenses {
        available
        billingAccount {
          id
          name
        }
        product {
          id
          name
          itemGroup
          kind
        }
      }
      attachments {
        id
        kind
        fileName
        byteSize
        createdAt
        downloadUrl
      }
    }
  }
`);

export const CUSTOMER_ORDERS = graphql(`
  query CustomerOrders($id: ID!, $first: Int, $after: String) {
    customer(id: $id) {
      id
      changeOrders(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            number
            title
            status
            createdAt
            submittedAt
            orderUser {
              id
              name
            }
          }
        }
      }
    }
  }
`);
