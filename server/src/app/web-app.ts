import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';

/** The micro-frontends the shell loads, each its own package under web/<name>. */
export const MICRO_FRONTENDS = ['customers', 'change-order', 'orders', 'vendor'] as const;

export interface WebAppOptions {
  /** The built shell (web/shell/dist). */
  shellDist: string;
  /** Where the micro-frontends' builds are: <webRoot>/<name>/dist/<name>.js. */
  webRoot: string;
  /** Overrides of micro-frontend URLs (name → URL), e.g. one deployed elsewhere. */
  overrides: Record<string, string>;
}

/**
 * The import map that ties the app together at run time: Solid once (the shell's build of
 * it, at /lib/) and each micro-frontend by name. It is written into index.html when the page is
 * served, so a micro-frontend moves (MICRO_FRONTENDS) without rebuilding the shell.
 */
export function importMap(options: WebAppOptions): { imports: Record<string, string> } {
  const imports: Record<string, string> = {
    'solid-js': '/lib/solid-js.js',
    'solid-js/web': '/lib/solid-js-web.js',
    'solid-js/store': '/lib/solid-js-store.js',
  };
  for (const name of MICRO_FRONTENDS) {
    imports[`@portal/mfe-${name}`] = options.overrides[name] ?? `/mfe/${name}/${name}.js`;
  }
  return { imports };
}

/** Serves the shell at `/` (client routes fall back to it) and the micro-frontends at /mfe/<name>/. */
export function serveWebApp(app: Express, options: WebAppOptions): void {
  const index = path.join(options.shellDist, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_req: Request, res: Response) => {
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built yet: run `pnpm build` (or `pnpm start`, which builds).');
    });
    return;
  }
  const page = readFileSync(index, 'utf8').replace(
    /<!-- importmap[^>]*-->/,
    `<script type="importmap">${JSON.stringify(importMap(options))}</script>`,
  );
  const sendPage = (_req: Request, res: Response) => {
    res.type('html').setHeader('cache-control', 'no-cache').send(page);
  };

  app.get('/', sendPage);
  app.get('/index.html', sendPage);
  for (const name of MICRO_FRONTENDS) {
    app.use(
      `/mfe/${name}`,
      express.static(path.join(options.webRoot, name, 'dist'), { maxAge: '5m' }),
    );
  }
  app.use(express.static(options.shellDist, { index: false, maxAge: '1h' }));
  app.get(
    /^\/(?!graphql|healthz|schema\.graphql|files\/|mfe\/|lib\/|assets\/).*/,
    (req: Request, res: Response, next) => {
      if (!req.accepts('html')) return next();
      sendPage(req, res);
    },
  );
}
