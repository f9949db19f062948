import { describe, expect, it } from 'vitest';
import { contentDisposition } from './download.route.js';

/** The file name a client reads from `filename*` (RFC 5987: charset'language'value). */
function extendedName(header: string): string {
  const value = /; filename\*=UTF-8''([^;\s]*)$/.exec(header)?.[1];
  if (value === undefined) throw new Error(`no filename* in ${header}`);
  // attr-char = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
  expect(value).toMatch(/^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})*$/);
  return decodeURIComponent(value);
}

describe('contentDisposition', () => {
  it('names the file both plainly and in UTF-8', () => {
    const name = 'Vertical Demo_Change_Approved [500001].xlsx';
    const header = contentDisposition(name);
    expect(header).toBe(
      `attachment; filename="${name}"; filename*=UTF-8''Vertical%20Demo_Change_Approved%20%5B500001%5D.xlsx`,
    );
    expect(extendedName(header)).toBe(name);
  });

  it('keeps any name intact in filename*, and quotable in filename', () => {
    for (const name of [
      "O'Brien's Bakery_Change_Addendum [500002].pdf",
      'Müller (Köln) * GmbH_Change_Approved [500003].xlsx',
      'Say "hi" \\ bye.pdf',
      '東京_Change_Addendum [500004].pdf',
    ]) {
      const header = contentDisposition(name);
      expect(extendedName(header), name).toBe(name);
      const plain = /^attachment; filename="([^"\\]*)"; /.exec(header)?.[1];
      expect(plain, name).toBeDefined();
      expect(plain!.length, name).toBe(name.length);
      expect(plain, name).toMatch(/^[\x20-\x7e]*$/);
    }
    expect(contentDisposition('Say "hi" \\ bye.pdf')).toContain('filename="Say _hi_ _ bye.pdf"');
  });
});
