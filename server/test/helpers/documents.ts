/** GraphQL documents the API tests send, named like the operations a client would write. */

export const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      viewer {
        role
        scopes
        user {
          id
          name
          email
        }
        organization {
          id
          name
          kind
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`;

export const VIEWER = /* GraphQL */ `
  query Viewer {
    viewer {
      role
      scopes
      user {
        name
      }
      organization {
        name
        kind
      }
    }
  }
`;

export const CUSTOMERS = /* GraphQL */ `
  query Customers($first: Int, $after: String, $search: String) {
    customers(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
        }
      }
    }
  }
`;

export const LICENSE_GRID = /* GraphQL */ `
  query LicenseGrid($id: ID!) {
    customer(id: $id) {
      id
      name
      licenses {
        product {
          id
          sku
          name
          itemGroup
          kind
        }
        billingAccount {
          id
          name
        }
        available
        orderable
      }
    }
  }
`;

export const CUSTOMER_DETAIL = /* GraphQL */ `
  query CustomerDetail($id: ID!) {
    customer(id: $id) {
      id
      name
      customerType
      servicePlan
      reseller {
        name
      }
      vendor {
        id
        name
      }
      sites {
        id
        name
      }
      billingAccounts {
        id
        name
      }
      contacts {
        id
        name
        email
      }
      implementationLead {
        id
        name
        email
      }
      attachments {
        id
      }
      changeOrders(first: 20) {
        totalCount
        edges {
          node {
            id
            number
            status
          }
        }
      }
    }
  }
`;

const ORDER_FIELDS = /* GraphQL */ `
  id number title type status version note approvalComment
  msaAccepted authorizationConfirmed createdAt submittedAt decidedAt confirmedAt
  customer { id name } site { id name } reseller { name } requestTo { name }
  orderUser { name email } implementationLead { name email }
  lines { product { id name kind } billingAccount { id name } available delta toBe }
  productChange { mode product { name } replaces { name } }
  costPreview {
    currentMonthly { cents currency } newMonthly { cents currency } deltaMonthly { cents currency }
    lines { product { name } quantityBefore quantityAfter unitPrice { cents } monthlyBefore { cents } monthlyAfter { cents } }
  }
  ruleViolations { code field }
  history { sequence type fromStatus toStatus comment actor { name } }
  documents { id }
`;

export const ORDER = /* GraphQL */ `
  query Order($id: ID!) { changeOrder(id: $id) { ${ORDER_FIELDS} } }
`;

const PAYLOAD = `order { ${ORDER_FIELDS} } userErrors { code message field }`;

export const CREATE_ORDER = `mutation Create($input: CreateChangeOrderInput!) { createChangeOrder(input: $input) { ${PAYLOAD} } }`;
export const COPY_ORDER = `mutation Copy($input: CopyChangeOrderInput!) { copyChangeOrder(input: $input) { ${PAYLOAD} } }`;
export const UPDATE_ORDER = `mutation Update($input: UpdateChangeOrderInput!) { updateChangeOrder(input: $input) { ${PAYLOAD} } }`;
export const SET_LINES = `mutation SetLines($input: SetChangeOrderLinesInput!) { setChangeOrderLines(input: $input) { ${PAYLOAD} } }`;
export const SET_PRODUCT_CHANGE = `mutation SetProductChange($input: SetProductChangeInput!) { setProductChange(input: $input) { ${PAYLOAD} } }`;
export const SUBMIT = `mutation Submit($input: SubmitChangeOrderInput!) { submitChangeOrder(input: $input) { ${PAYLOAD} } }`;
export const CANCEL = `mutation Cancel($input: OrderRefInput!) { cancelChangeOrder(input: $input) { ${PAYLOAD} } }`;
export const APPROVE = `mutation Approve($input: OrderDecisionInput!) { approveChangeOrder(input: $input) { ${PAYLOAD} } }`;
export const REJECT = `mutation Reject($input: OrderDecisionInput!) { rejectChangeOrder(input: $input) { ${PAYLOAD} } }`;
export const FINAL_CONFIRM = `mutation FinalConfirm($input: OrderRefInput!) { finalConfirmChangeOrder(input: $input) { ${PAYLOAD} } }`;

export const CHANGE_ORDERS = /* GraphQL */ `
  query ChangeOrders($first: Int, $after: String, $filter: ChangeOrderFilter) {
    changeOrders(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          number
          status
          customer {
            name
          }
        }
      }
    }
  }
`;

export const ORDERS_TO_CONFIRM = `query { ordersToConfirm { id number status } }`;

export const PENDING_ALERTS = `query { pendingAlerts { id kind acknowledgedAt order { id number } } }`;
export const ACK_ALERT = `mutation Ack($id: ID!) { acknowledgeAlert(id: $id) { acknowledged { id acknowledgedAt } userErrors { code field } } }`;
export const ACK_ALL = `mutation { acknowledgeAllAlerts { acknowledged { id } userErrors { code field } } }`;

export const PRODUCTS = `query Products($vendorId: ID) { products(vendorId: $vendorId) { id name kind unitPrice { cents currency } vendor { id name } upgradesTo { name } } }`;

export const EVENT_LOG = `query Log($after: Int, $first: Int) { orderEventLog(afterSequence: $after, first: $first) { sequence type fromStatus toStatus order { id number } } }`;

export const NODE = `query Node($id: ID!) { node(id: $id) { __typename id } }`;

export const ADD_CONTACT = `mutation AddContact($input: AddContactInput!) { addContact(input: $input) { contact { id name email } userErrors { code message field } } }`;

export const CREATE_API_KEY = `mutation CreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id name scopes revokedAt } secret userErrors { code message field } } }`;
export const REVOKE_API_KEY = `mutation Revoke($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } userErrors { code field } } }`;
export const API_KEYS = `query { apiKeys { id name scopes revokedAt } }`;

/** Who is asking, with the ids a tenancy test needs. */
export const VIEWER_IDS = `query ViewerIds { viewer { role scopes user { id name email } organization { id name kind } } }`;

/** An order's events as the viewer sees them, with their ids. */
export const ORDER_HISTORY = `query OrderHistory($id: ID!) { changeOrder(id: $id) { id status history { id sequence type } } }`;

/** Customer.changeOrders: the orders of one customer the viewer may see. */
export const CUSTOMER_ORDERS = `query CustomerOrders($id: ID!, $status: [OrderStatus!]) { customer(id: $id) { id changeOrders(first: 100, status: $status) { totalCount edges { node { id status } } } } }`;
