// Run in a child process (with --expose-gc) by upload-memory.test.ts, so only the client's memory
// is measured (the emulator, which reads uploads whole to count pages, lives in the test's
// process). Uploads one small file to warm up, then the large one while sampling memory, and
// prints what it saw. Each sample follows a full collection, so it counts what is held, not the
// 64 KB chunks already sent and waiting to be collected.
import { createClearfactsClient } from '../../src-main/core/api/clearfacts-graphql-client.ts';

const collectGarbage = globalThis.gc;
if (collectGarbage === undefined) throw new Error('run with --expose-gc');

const [apiUrl, token, companyNumber, smallPath, largePath] = process.argv.slice(2);
if (!apiUrl || !token || !companyNumber || !smallPath || !largePath) {
  throw new Error('usage: upload-memory-probe.ts API_URL TOKEN COMPANY SMALL_PDF LARGE_PDF');
}
const client = createClearfactsClient({
  apiUrl,
  getToken: () => Promise.resolve(token),
  fetch: globalThis.fetch,
});
const request = { companyNumber, invoiceType: 'PURCHASE' as const };
await client.uploadInvoice({ ...request, path: smallPath, fileName: 'warm-up.pdf' });

collectGarbage();
const baseline = process.memoryUsage();
let peak = { ...baseline };
const sampler = setInterval(() => {
  collectGarbage();
  const now = process.memoryUsage();
  peak = {
    ...peak,
    rss: Math.max(peak.rss, now.rss),
    heapUsed: Math.max(peak.heapUsed, now.heapUsed),
    arrayBuffers: Math.max(peak.arrayBuffers, now.arrayBuffers),
  };
}, 10);
const uploaded = await client.uploadInvoice({ ...request, path: largePath, fileName: 'large.pdf' });
clearInterval(sampler);
process.stdout.write(
  JSON.stringify({
    uuid: uploaded.uuid,
    rssGrowth: peak.rss - baseline.rss,
    heapGrowth: peak.heapUsed - baseline.heapUsed,
    arrayBuffersGrowth: peak.arrayBuffers - baseline.arrayBuffers,
  }),
);
