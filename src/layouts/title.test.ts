import { describe, expect, it } from 'vitest';
import { documentTitle } from './title.ts';

describe('documentTitle', () => {
  it('joins the parts and the site name with " · " when they fit', () => {
    expect(documentTitle(['Max object size', 'AWS claim'], 'Fieldkit')).toBe('Max object size · AWS claim · Fieldkit');
    expect(documentTitle(['Home'], 'Fieldkit')).toBe('Home · Fieldkit');
  });

  it('shortens the first part at a word, keeps the context and the site name, and stays within 70 characters', () => {
    const t = documentTitle(['Initial object read capacity per bucket (includes listing and metadata)', 'GCP claim'], 'Fieldkit');
    expect(t).toBe('Initial object read capacity per bucket… · GCP claim · Fieldkit');
    expect(t.length).toBeLessThanOrEqual(70);
  });

  it('never ends the shortened part on a connector word or punctuation', () => {
    // 40 characters leave "Throughput per provisioned TiB, fastest" → no trailing "per"/",".
    expect(documentTitle(['Throughput per provisioned TiB, fastest Managed Lustre tier', 'Azure claim'], 'Fieldkit', 40)).toBe('Throughput… · Azure claim · Fieldkit');
    expect(documentTitle(['Sustained read bandwidth per GPU node from the shared storage'], 'Fieldkit', 40)).toBe('Sustained read bandwidth… · Fieldkit');
    expect(documentTitle(['Alpha beta, gamma delta'], 'Site', 24)).toBe('Alpha beta… · Site');
    // A parenthesis whose close was cut goes too: "capacity (includes" would read as broken.
    expect(documentTitle(['Read capacity (includes listing and metadata)'], 'Site', 31)).toBe('Read capacity… · Site');
  });

  it('drops the middle parts before it would cut the first part to nothing, and never cuts a word', () => {
    expect(documentTitle(['Supercalifragilistic thing', 'A very long context label'], 'Fieldkit', 40)).toBe('Supercalifragilistic thing · Fieldkit');
    expect(documentTitle(['Pneumonoultramicroscopicsilicovolcanoconiosis'], 'Fieldkit', 20)).toBe('Pneumonoultramicroscopicsilicovolcanoconiosis · Fieldkit');
  });
});
