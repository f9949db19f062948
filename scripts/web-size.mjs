// Prints what a first visit downloads, gzipped: the shell, Solid (once) and the customers
// micro-frontend, i.e. the shell plus the customer page. Run by `pnpm build`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web');
const js = (dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => path.join(dir, file));
const parts = {
  shell: js(path.join(web, 'shell/dist/assets')),
  solid: js(path.join(web, 'shell/dist/lib')).filter((file) => !file.includes('store')),
  customers: js(path.join(web, 'customers/dist')),
};
let total = 0;
for (const [name, files] of Object.entries(parts)) {
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
  total += bytes;
  console.log(`web size: ${name.padEnd(10)} ${(bytes / 1024).toFixed(1)} KiB gzip`);
}
console.log(`web size: first load (shell + customer page) ${(total / 1024).toFixed(1)} KiB gzip`);
