/** MikroORM 7 and vitest 5 need Node >= 22.12; say so plainly instead of failing obscurely later. */
export function assertNodeVersion(version = process.versions.node): void {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return;
  process.stderr.write(
    `Node ${version} is too old: the portal needs Node 22.12 or newer. ` +
      'Run it through pnpm (`pnpm start`), which uses the Node 22 it installs on Linux x64, or install Node 22+.\n',
  );
  process.exit(1);
}
