/**
 * Search relevance: queries SEs really type, each with the page that must be in the top 3, run
 * in Chromium against the built Pagefind index with the site's own ranking (SEARCH_RANKING).
 * When a case fails, fix the weighting (src/lib/site/search.ts, data-pagefind-* in the templates),
 * not the expectation.
 */
import { describe, expect, it } from 'vitest';
import { SEARCH_RANKING } from '../../src/lib/site/search.ts';
import { useSite } from './browser.ts';

const site = useSite();

const CASES: [query: string, expected: string][] = [
  ['egress limit', '/claims/azure/account-egress/'],
  ['checkpoint', '/plays/checkpoint-storms-azure/'],
  ['Bedrock', '/plays/bedrock-data-layer/'],
  ['small object latency', '/claims/aws/s3-small-object-latency/'],
  ['rack power', '/tco/ai-training-tier-1pb/'],
  ['S3 Express', '/claims/aws/s3-express-latency/'],
  ['Managed Lustre', '/claims/azure/managed-lustre-scale/'],
  ['Foundry', '/plays/microsoft-foundry-data-layer/'],
  ['Vertex', '/plays/vertex-ai-data-layer/'],
  ['429 throttling', '/claims/oracle/throttling-429/'],
  ['Cloud Storage max object size', '/claims/gcp/max-object-size/'],
  ['Azure request rate', '/claims/azure/account-request-rate/'],
  ['tier-2 GPU cloud', '/plays/tier2-gpu-cloud-storage/'],
  ['block storage', '/plays/block-storage-fit/'],
  ['prefix write rate', '/claims/aws/s3-prefix-write-rate/'],
  ['503 Slow Down', '/claims/aws/s3-slow-down-repartition/'],
  ['S3 Vectors query latency', '/claims/aws/s3-vectors-query-latency/'],
  ['Rapid Bucket throughput', '/claims/gcp/rapid-bucket-throughput/'],
  ['hierarchical namespace', '/claims/gcp/hns-initial-rate-multiplier/'],
  ['storage accounts per region', '/claims/azure/accounts-per-region/'],
  ['data lake TCO', '/tco/ai-data-lake-10pb/'],
  ['azure/account-ingress', '/claims/azure/account-ingress/'],
  ['Ultra Disk', '/claims/azure/ultra-disk-throughput/'],
  ['FSx for Lustre', '/claims/aws/fsx-lustre-throughput/'],
  ['feature store', '/plays/feature-store-vector-db-aws/'],
  ['cold starts', '/plays/gcs-throughput-ceiling/'],
  ['OCI Generative AI', '/plays/oci-generative-ai-data-layer/'],
  ['ingress limit', '/claims/azure/account-ingress/'],
];

describe('search relevance (top 3, built index, site ranking)', () => {
  it('ranks the expected page in the top 3 for every query', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/search/`);
    // A string, so Vitest does not rewrite the browser's dynamic import.
    const ranked = (await page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.options({ ranking: ${JSON.stringify(SEARCH_RANKING)} });
      await pf.init();
      const out = {};
      for (const q of ${JSON.stringify(CASES.map(([q]) => q))}) {
        const s = await pf.search(q);
        out[q] = await Promise.all(s.results.slice(0, 3).map(async (r) => (await r.data()).url));
      }
      return out;
    })()`)) as Record<string, string[]>;
    const misses = CASES.filter(([q, want]) => !ranked[q]!.includes(want)).map(([q, want]) => `"${q}": want ${want}, top 3 ${JSON.stringify(ranked[q])}`);
    expect(misses).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
