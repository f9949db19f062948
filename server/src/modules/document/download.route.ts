import type { Request, Response } from 'express';
import type { Orm } from '../../app/orm.js';
import { Attachment } from './attachment.entity.js';
import type { DownloadLinks } from './download-links.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `attachment; filename="…"; filename*=UTF-8''…` so any name survives (RFC 6266). The
 * extended value may hold only RFC 5987 attr-chars: encodeURIComponent leaves `'()*` as
 * they are, so they are percent-encoded too (a `'` would end the value early).
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const extended = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${extended}`;
}

/**
 * GET /files/:id — the file behind a signed link, with its content type and name. A link
 * that was changed, has expired, or names an organisation that may not see the file: 403.
 */
export function downloadRoute(orm: () => Orm | undefined, links: () => DownloadLinks | undefined) {
  return async (req: Request<{ id: string }>, res: Response): Promise<void> => {
    const signer = links();
    const ready = orm();
    if (!signer || !ready) {
      res.status(503).json({ error: 'starting' });
      return;
    }
    const { id } = req.params;
    const { org, exp, sig } = req.query;
    if (
      !UUID.test(id) ||
      typeof org !== 'string' ||
      !UUID.test(org) ||
      typeof exp !== 'string' ||
      typeof sig !== 'string'
    ) {
      res.status(403).json({ error: 'This download link is not valid.' });
      return;
    }
    const check = signer.check(id, org, exp, sig);
    if (check !== 'valid') {
      res.status(403).json({
        error:
          check === 'expired'
            ? 'This download link has expired.'
            : 'This download link is not valid.',
      });
      return;
    }
    const attachment = await ready.em
      .fork()
      .findOne(
        Attachment,
        { id, customer: { $or: [{ reseller: org }, { vendor: org }] } },
        { populate: ['content'] },
      );
    if (!attachment) {
      res.status(403).json({ error: 'This download link is not valid.' });
      return;
    }
    res
      .status(200)
      .type(attachment.contentType)
      .setHeader('content-disposition', contentDisposition(attachment.fileName))
      .setHeader('cache-control', 'private, no-store')
      .send(attachment.content);
  };
}
