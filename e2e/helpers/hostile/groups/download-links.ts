/**
 * Download links: the signed link of the approval sheet, tampered with (signature altered, removed
 * or 50 KB long, another organisation, the expiry pushed a year ahead or not a number, parameters
 * repeated or as arrays, a file id unknown or not a uuid, a path traversal, no parameters at all)
 * and POSTed to. Each is refused with a 4xx and gives out neither the file (no zip header) nor the
 * customer's name. The expiry comes from the clock, so that link follows the time of the run.
 */
import { all, clientError, noLeak } from '../checks.js';
import { JSON_HEADERS, KB } from '../http.js';
import { uuid } from '../random.js';
import { caseList, type GroupContext } from '../group.js';
import type { HostileCase } from '../types.js';

export function downloadLinkCases({ fixture, random }: GroupContext): HostileCase[] {
  const { cases, add } = caseList('download links');
  const { ids } = fixture;
  const link = new URL(fixture.downloadPath, 'http://x');
  const withParam = (key: string, value: string) => {
    const changed = new URL(link);
    changed.searchParams.set(key, value);
    return `${changed.pathname}${changed.search}`;
  };
  const sig = link.searchParams.get('sig') ?? '';
  const paths: [string, string][] = [
    ['a tampered signature', withParam('sig', `${sig.slice(0, -2)}AA`)],
    ['no signature', withParam('sig', '')],
    ['a 50 KB signature', withParam('sig', 's'.repeat(50 * KB))],
    ["RS-Other's organisation", withParam('org', ids.otherOrgKey)],
    ['an expiry pushed a year ahead', withParam('exp', String(Date.now() + 365 * 24 * 3_600_000))],
    ['an expiry that is not a number', withParam('exp', 'NaN')],
    ['an expiry of 1e400', withParam('exp', '1e400')],
    ['an organisation that is not a uuid', withParam('org', "' OR '1'='1")],
    ['the parameters given twice', `${link.pathname}${link.search}&org=${ids.otherOrgKey}&sig=x`],
    ['the parameters as arrays', `${link.pathname}?org[]=${ids.richOrgKey}&exp[]=1&sig[]=x`],
    ['an unknown file', `/files/${uuid(random)}${link.search}`],
    ['a file id that is not a uuid', `/files/${encodeURIComponent("1' OR '1'='1")}${link.search}`],
    ['a path traversal', `/files/..%2f..%2f..%2fetc%2fpasswd${link.search}`],
    ['no parameters', link.pathname],
  ];
  for (const [name, path] of paths)
    add(
      name,
      { method: 'GET', path },
      all(clientError, noLeak(['PK\u0003\u0004', 'Vertical Demo'])),
    );
  add(
    'POST to a download link',
    { method: 'POST', path: fixture.downloadPath, headers: JSON_HEADERS, body: '{}' },
    clientError,
    false,
  );
  return cases;
}
