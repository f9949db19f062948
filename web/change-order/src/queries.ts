/**
 * The wizard's GraphQL documents. Every mutation answers with the whole draft as the
 * wizard shows it (WizardOrder), so the screen follows the server's version, rule
 * violations and cost preview after each save.
 */
import { graphql, type ResultOf } from '@portal/web-shared';

/** The draft as the wizard needs it; unmasked, so each document's result carries its fields. */
const WIZARD_ORDER = graphql(`
  fragment WizardOrder on ChangeOrder @_unmask {
    id
    number
    title
    note
    status
    version
    site {
      id
    }
    customer {
      id
    }
    # Whom a submit sends it to, for the confirmation.
    requestTo {
      id
      name
    }
    implementationLead {
      id
    }
    lines {
      delta
      available
      toBe
      product {
        id
      }
      billingAccount {
        id
      }
    }
    productChange {
      mode
      product {
        id
      }
      replaces {
        id
      }
    }
    ruleViolations {
      code
      field
      message
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
  }
`);

export type WizardOrder = ResultOf<typeof WIZARD_ORDER>;
export type CostPreview = WizardOrder['costPreview'];

export const WIZARD_CUSTOMER = graphql(`
  query WizardCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
      vendor {
        id
        name
      }
      sites {
        id
        name
        address
      }
      contacts {
        id
        name
        email
      }
      licenses {
        available
        orderable
        billingAccount {
          id
          name
        }
        product {
          id
          name
          itemGroup
          kind
          unitPrice {
            cents
            currency
          }
          upgradesTo {
            id
            name
          }
        }
      }
    }
  }
`);

export type WizardCustomer = NonNullable<ResultOf<typeof WIZARD_CUSTOMER>['customer']>;

/** What every wizard mutation answers: the draft as it now is, and what was refused. */
const WIZARD_PAYLOAD = graphql(
  `
    fragment WizardPayload on ChangeOrderPayload @_unmask {
      order {
        ...WizardOrder
      }
      userErrors {
        code
        field
        message
      }
    }
  `,
  [WIZARD_ORDER],
);

export const ORDER = graphql(
  `
    query WizardDraft($id: ID!) {
      changeOrder(id: $id) {
        ...WizardOrder
      }
    }
  `,
  [WIZARD_ORDER],
);

export const CREATE = graphql(
  `
    mutation CreateChangeOrder($input: CreateChangeOrderInput!) {
      createChangeOrder(input: $input) {
        ...WizardPayload
      }
    }
  `,
  [WIZARD_PAYLOAD],
);

export const UPDATE = graphql(
  `
    mutation UpdateChangeOrder($input: UpdateChangeOrderInput!) {
      updateChangeOrder(input: $input) {
        ...WizardPayload
      }
    }
  `,
  [WIZARD_PAYLOAD],
);

export const SET_LINES = graphql(
  `
    mutation SetChangeOrderLines($input: SetChangeOrderLinesInput!) {
      setChangeOrderLines(input: $input) {
        ...WizardPayload
      }
    }
  `,
  [WIZARD_PAYLOAD],
);

export const SET_PRODUCT_CHANGE = graphql(
  `
    mutation SetProductChange($input: SetProductChangeInput!) {
      setProductChange(input: $input) {
        ...WizardPayload
      }
    }
  `,
  [WIZARD_PAYLOAD],
);

export const SUBMIT = graphql(
  `
    mutation SubmitChangeOrder($input: SubmitChangeOrderInput!) {
      submitChangeOrder(input: $input) {
        ...WizardPayload
      }
    }
  `,
  [WIZARD_PAYLOAD],
);
