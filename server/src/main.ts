/**
 * The portal's entry point: checks the Node version, then loads the process (serve.ts).
 *
 * The check must come before anything else is loaded. A module's static imports are all
 * evaluated before its own code runs, so a check written beside `import './serve.js'`
 * would run only after MikroORM and the native argon2 had loaded, and on an older Node
 * they fail first, obscurely (Node 20 ends in a segmentation fault, without a word).
 */
import { assertNodeVersion } from './app/node-version.js';

assertNodeVersion();
await import('./serve.js');
