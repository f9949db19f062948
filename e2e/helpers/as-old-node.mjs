/**
 * Preloaded (`node --import`) into a server process to play an older Node: reports the
 * version in OLD_NODE_VERSION, and writes every module file the process loads to the file
 * in LOADED_MODULES_FILE when it exits, so a test can tell what ran before the version
 * check stopped it. Plain JavaScript: it runs before anything could compile TypeScript.
 */
import fs from 'node:fs';
import module from 'node:module';

Object.defineProperty(process.versions, 'node', { value: process.env.OLD_NODE_VERSION });

// Synchronous module hooks (Node 22.15+) see every module as it loads, in this thread.
if (typeof module.registerHooks !== 'function') {
  throw new Error(
    `as-old-node.mjs needs module.registerHooks (Node 22.15+), not ${process.version}`,
  );
}
const loaded = [];
module.registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  fs.writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(loaded));
});
