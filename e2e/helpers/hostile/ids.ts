/**
 * The portal's global ids, made and taken apart: base64url of `Type:key`. The groups forge
 * them for unknown, malformed and other types' objects, and take real ones apart for their
 * raw keys.
 */

export const globalId = (type: string, key: string) =>
  Buffer.from(`${type}:${key}`).toString('base64url');

export const keyOf = (id: string) =>
  Buffer.from(id, 'base64url').toString('utf8').split(':')[1] ?? '';
