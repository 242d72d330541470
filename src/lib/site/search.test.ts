import { describe, expect, it } from 'vitest';
import { filterOptions, pagefindFilters, searchFromState, searchKeywords, stateFromSearch } from './search.ts';
import { rowFilterCss, rowFilterSearch } from './row-filter.ts';

describe('search state in the address', () => {
  it('reads query and filters, with the address names mapped to Pagefind filter names', () => {
    expect(stateFromSearch('?q=+egress+limit+&type=Claim&cloud=Azure&cloud=AWS&status=tbd&category=cost&x=1')).toEqual({
      q: 'egress limit',
      filters: { type: ['Claim'], cloud: ['Azure', 'AWS'], 'claim status': ['tbd'], category: ['cost'] },
    });
  });
  it('drops empty and repeated values', () => {
    expect(stateFromSearch('?q=&type=&cloud=Azure&cloud=Azure')).toEqual({ q: '', filters: { cloud: ['Azure'] } });
  });
  it('writes parameters in a fixed order and round-trips', () => {
    const state = { q: 'checkpoint', filters: { cloud: ['Azure'], 'claim status': ['stale'], type: ['Play', 'Claim'] } };
    expect(searchFromState(state)).toBe('?q=checkpoint&type=Play&type=Claim&cloud=Azure&status=stale');
    expect(stateFromSearch(searchFromState(state))).toEqual({ q: 'checkpoint', filters: { type: ['Play', 'Claim'], cloud: ['Azure'], 'claim status': ['stale'] } });
    expect(searchFromState({ q: ' ', filters: {} })).toBe('');
    expect(searchFromState({ q: 'S3 Express & more', filters: {} })).toBe('?q=S3+Express+%26+more');
  });
  it('asks Pagefind for any of the checked values within a filter', () => {
    expect(pagefindFilters({ q: '', filters: { type: ['Play', 'Claim'], cloud: [] } })).toEqual({ type: { any: ['Play', 'Claim'] } });
  });
});

describe('filterOptions', () => {
  it('never offers a value with no results that nobody checked; keeps a checked one; follows the order', () => {
    expect(filterOptions({ Claim: 12, Play: 3, Person: 0 }, ['Dagger'], ['Cloud', 'Dagger', 'Play', 'Claim'])).toEqual([
      { value: 'Dagger', count: 0, checked: true },
      { value: 'Play', count: 3, checked: false },
      { value: 'Claim', count: 12, checked: false },
    ]);
  });
  it('sorts values outside the order alphabetically after it', () => {
    expect(filterOptions({ Oracle: 1, AWS: 2, Azure: 1 }, []).map((o) => o.value)).toEqual(['AWS', 'Azure', 'Oracle']);
    expect(filterOptions(undefined, [])).toEqual([]);
  });
});

describe('searchKeywords', () => {
  it('adds the word SEs type when the text says it another way', () => {
    expect(searchKeywords('Default max egress per storage account')).toEqual(['limit']);
    expect(searchKeywords('OCI throttles API calls with HTTP 429 Too Many Requests')).toEqual(['throttling']);
    expect(searchKeywords('p99 time to first byte, 4 KiB GET')).toEqual(['latency']);
  });
  it('adds nothing the text already says, and matches whole words only', () => {
    expect(searchKeywords('Published request-rate limit per bucket')).toEqual([]);
    expect(searchKeywords('A maximal capacity', undefined)).toEqual([]);
  });
});

describe('rows filtered without JavaScript', () => {
  it('hides rows without the checked value, scoped to the list', () => {
    const css = rowFilterCss('ledger', [{ name: 'cloud', label: 'Cloud', values: [{ v: 'azure', label: 'Azure' }] }]);
    expect(css).toBe('.ledger:has(input[name="f-cloud"][value="azure"]:checked) tr[data-cloud]:not([data-cloud~="azure"]){display:none}');
  });
  it('shows only the chosen sort order; the first is the one shown without :has()', () => {
    const css = rowFilterCss('ledger', [], [{ v: 'ledger', label: 'Cloud' }, { v: 'newest', label: 'Newest' }]).split('\n');
    expect(css).toEqual([
      '.ledger:has(input[name="f-sort"][value="ledger"]:checked) tbody[data-sort]:not([data-sort="ledger"]){display:none}',
      '.ledger:has(input[name="f-sort"][value="newest"]:checked) tbody[data-sort]:not([data-sort="newest"]){display:none}',
      '.ledger:has(input[name="f-sort"][value="newest"]:checked) tbody[data-sort="newest"]{display:table-row-group}',
    ]);
  });
  it('escapes quotes in values', () => {
    expect(rowFilterCss('x', [{ name: 'owner', label: 'O', values: [{ v: 'a"b', label: '' }] }])).toContain('[value="a\\"b"]');
  });
  it('keeps the choice in the address, leaving out "All" and the default sort', () => {
    expect(rowFilterSearch([
      { name: 'f-cloud', value: 'azure', isDefault: false },
      { name: 'f-status', value: '', isDefault: true },
      { name: 'f-sort', value: 'ledger', isDefault: true },
    ], '?status=tbd&sort=oldest&keep=1')).toBe('?keep=1&cloud=azure');
    expect(rowFilterSearch([{ name: 'f-sort', value: 'oldest', isDefault: false }])).toBe('?sort=oldest');
    expect(rowFilterSearch([{ name: 'f-cloud', value: '', isDefault: true }], '?cloud=aws')).toBe('');
  });
});
