import { beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '../auth/token.js';
import { DownloadLinks, LINK_LIFETIME_MS } from './download-links.js';

const SECRET = 'download-links-spec-secret';
const FILE = '0b8e3c2a-6f41-4c1e-9a7d-2d5f0e9b1c34';
const OTHER_FILE = '7c1d9e4f-2a3b-4c5d-8e6f-9a0b1c2d3e4f';
const ORG = 'f2a1b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b';
const OTHER_ORG = '3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7';
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

/** A TokenService keyed with `secret`; with a secret given it never touches the database. */
function keys(secret: string): Promise<TokenService> {
  return TokenService.create(undefined as never, secret);
}

/** The parts of a link as the route reads them. */
function parse(url: string) {
  const parsed = new URL(url, 'http://portal.test');
  const id = /^\/files\/([^/]+)$/.exec(parsed.pathname)?.[1];
  const org = parsed.searchParams.get('org');
  const exp = parsed.searchParams.get('exp');
  const sig = parsed.searchParams.get('sig');
  if (!id || org === null || exp === null || sig === null) throw new Error(`not a link: ${url}`);
  return { id, org, exp, sig };
}

/** The signature with one character changed (still base64url, same length). */
function flipped(sig: string): string {
  const last = sig.at(-1)!;
  return sig.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

let links: DownloadLinks;
beforeAll(async () => {
  links = new DownloadLinks(await keys(SECRET));
});

describe('DownloadLinks', () => {
  it('makes /files/<id>?org=<org>&exp=<now + 15 min>&sig=<hmac>', () => {
    const url = links.url(FILE, ORG, NOW);
    expect(url).toMatch(
      new RegExp(
        `^/files/${FILE}\\?org=${ORG}&exp=${NOW + LINK_LIFETIME_MS}&sig=[A-Za-z0-9_-]{43}$`,
      ),
    );
    expect(LINK_LIFETIME_MS).toBe(15 * 60 * 1000);
    // Deterministic for the same inputs, different for another file, organisation or time.
    expect(links.url(FILE, ORG, NOW)).toBe(url);
    expect(parse(links.url(OTHER_FILE, ORG, NOW)).sig).not.toBe(parse(url).sig);
    expect(parse(links.url(FILE, OTHER_ORG, NOW)).sig).not.toBe(parse(url).sig);
    expect(parse(links.url(FILE, ORG, NOW + 1)).sig).not.toBe(parse(url).sig);
  });

  it('accepts its own link until it expires, then calls it expired', () => {
    const { id, org, exp, sig } = parse(links.url(FILE, ORG, NOW));
    expect(links.check(id, org, exp, sig, NOW)).toBe('valid');
    expect(links.check(id, org, exp, sig, NOW + LINK_LIFETIME_MS - 1)).toBe('valid');
    expect(links.check(id, org, exp, sig, NOW + LINK_LIFETIME_MS)).toBe('valid');
    expect(links.check(id, org, exp, sig, NOW + LINK_LIFETIME_MS + 1)).toBe('expired');
    expect(links.check(id, org, exp, sig, NOW + 24 * 60 * 60 * 1000)).toBe('expired');
  });

  it('calls a correctly signed link issued long ago expired', () => {
    const { id, org, exp, sig } = parse(links.url(FILE, ORG, NOW - LINK_LIFETIME_MS - 1000));
    expect(Number(exp)).toBeLessThan(NOW);
    expect(links.check(id, org, exp, sig, NOW)).toBe('expired');
    // Without `now`, the check uses the clock.
    expect(links.check(id, org, exp, sig)).toBe('expired');
    const fresh = parse(links.url(FILE, ORG));
    expect(links.check(fresh.id, fresh.org, fresh.exp, fresh.sig)).toBe('valid');
  });

  it('refuses a link whose file, organisation, expiry or signature was changed', () => {
    const { id, org, exp, sig } = parse(links.url(FILE, ORG, NOW));
    expect(links.check(OTHER_FILE, org, exp, sig, NOW)).toBe('invalid');
    expect(links.check(id, OTHER_ORG, exp, sig, NOW)).toBe('invalid');
    // A later expiry, or an earlier one, is not the one signed.
    expect(links.check(id, org, String(Number(exp) + 1), sig, NOW)).toBe('invalid');
    expect(links.check(id, org, String(Number(exp) + LINK_LIFETIME_MS), sig, NOW)).toBe('invalid');
    expect(links.check(id, org, String(Number(exp) - 1), sig, NOW)).toBe('invalid');
    expect(links.check(id, org, exp, flipped(sig), NOW)).toBe('invalid');
    expect(links.check(id, org, exp, sig.slice(0, -1), NOW)).toBe('invalid');
    expect(links.check(id, org, exp, `${sig}A`, NOW)).toBe('invalid');
    expect(links.check(id, org, exp, '', NOW)).toBe('invalid');
    // Same number of characters, more bytes: refused, not thrown.
    expect(links.check(id, org, exp, `${sig.slice(0, -1)}é`, NOW)).toBe('invalid');
  });

  it('binds the link to the organisation it was issued to', () => {
    const mine = parse(links.url(FILE, ORG, NOW));
    const theirs = parse(links.url(FILE, OTHER_ORG, NOW));
    expect(links.check(FILE, OTHER_ORG, theirs.exp, theirs.sig, NOW)).toBe('valid');
    expect(links.check(FILE, OTHER_ORG, mine.exp, mine.sig, NOW)).toBe('invalid');
    expect(links.check(FILE, ORG, theirs.exp, theirs.sig, NOW)).toBe('invalid');
  });

  it('does not say "expired" for an old link whose signature is wrong', () => {
    const { id, org, exp, sig } = parse(links.url(FILE, ORG, NOW - 2 * LINK_LIFETIME_MS));
    expect(links.check(id, org, exp, flipped(sig), NOW)).toBe('invalid');
    expect(links.check(id, OTHER_ORG, exp, sig, NOW)).toBe('invalid');
  });

  it('refuses an expiry that is not a plain number of milliseconds', () => {
    const { id, org, exp, sig } = parse(links.url(FILE, ORG, NOW));
    for (const bad of [
      '',
      'abc',
      `${exp}abc`,
      ` ${exp}`,
      `${exp} `,
      `+${exp}`,
      `-${exp}`,
      `${exp}.0`,
      '1e15',
      '0x1',
      'Infinity',
      'NaN',
      '1234567890123456',
    ]) {
      expect(links.check(id, org, bad, sig, NOW), JSON.stringify(bad)).toBe('invalid');
    }
  });

  it('refuses a link signed with another secret', async () => {
    const foreign = new DownloadLinks(await keys('some-other-secret'));
    const { id, org, exp, sig } = parse(foreign.url(FILE, ORG, NOW));
    expect(foreign.check(id, org, exp, sig, NOW)).toBe('valid');
    expect(links.check(id, org, exp, sig, NOW)).toBe('invalid');
    // The same secret, in another process, accepts it.
    const again = new DownloadLinks(await keys(SECRET));
    const ours = parse(links.url(FILE, ORG, NOW));
    expect(again.check(ours.id, ours.org, ours.exp, ours.sig, NOW)).toBe('valid');
  });
});
