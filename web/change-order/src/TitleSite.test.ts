import { describe, expect, it } from 'vitest';
import { checkTitle, MAX_TITLE_LENGTH } from './TitleSite';

describe('the order title', () => {
  it('is refused as the server refuses it: blank, or longer than 200 characters once trimmed', () => {
    const refused = (message: string) => [{ code: 'VALIDATION', field: ['title'], message }];
    expect(checkTitle('')).toEqual(refused('Give the order a title.'));
    expect(checkTitle(' \t ')).toEqual(refused('Give the order a title.'));
    expect(checkTitle('x'.repeat(MAX_TITLE_LENGTH + 1))).toEqual(
      refused('The title is longer than 200 characters.'),
    );
    expect(checkTitle(` ${'x'.repeat(MAX_TITLE_LENGTH)} `)).toEqual([]);
    expect(checkTitle('More seats')).toEqual([]);
  });
});
