// `pnpm start` builds what is missing or older than its sources, then the server starts.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import './check-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of the files under a folder (0 if it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

const outputs = [
  { sources: ['server/src'], output: 'server/dist/main.js' },
  {
    sources: ['web/shell/src', 'web/shared/src', 'web/shell/index.html'],
    output: 'web/shell/dist/index.html',
  },
  ...['customers', 'change-order', 'orders', 'vendor'].map((name) => ({
    sources: [`web/${name}/src`, 'web/shared/src'],
    output: `web/${name}/dist/${name}.js`,
  })),
];
const stale = outputs.filter(({ sources, output }) => {
  const target = path.join(root, output);
  if (!existsSync(target)) return true;
  const built = statSync(target).mtimeMs;
  return sources.some((source) => {
    const full = path.join(root, source);
    return (
      (statSync(full, { throwIfNoEntry: false })?.isDirectory()
        ? newest(full)
        : statSync(full).mtimeMs) > built
    );
  });
});

if (stale.length > 0) {
  console.log(`Building (${stale.map((s) => s.output).join(', ')} missing or out of date)…`);
  execSync('pnpm run build', { cwd: root, stdio: 'inherit' });
}
