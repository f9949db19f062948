/** The shared stand-in urql client (web/shared), for this package's component tests. */
export * from '@portal/web-shared/test-client';
