/**
 * Opaque global ids: base64url("<Type>:<uuid>"). Made and read only here, so clients
 * never build ids from database keys and `node(id)` knows which table to look in.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** The type and key behind a global id, or null for anything that is not one of ours. */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (!/^[A-Z][A-Za-z]*$/.test(type) || !UUID.test(id)) return null;
  return { type, id };
}

/** The key of a global id of the expected type, or null. */
export function idOfType(globalId: string, type: string): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed?.type === type ? parsed.id : null;
}
