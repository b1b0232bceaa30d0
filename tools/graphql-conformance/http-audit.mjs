// Runs graphql-http's server audits (the GraphQL-over-HTTP specification's checks) against a running host.
// Usage: node http-audit.mjs http://127.0.0.1:5080/graphql
// Exits non-zero when a MUST or a SHOULD audit does not pass; prints one line per audit.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node http-audit.mjs <graphql endpoint url>');
  process.exit(2);
}

let failures = 0;
let passed = 0;
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  const counts = audit.name.startsWith('MUST') || audit.name.startsWith('SHOULD');
  const ok = result.status === 'ok';
  if (ok) {
    passed++;
  } else if (counts) {
    failures++;
  }
  const reason = ok ? '' : ` -- ${result.reason}${result.response ? ` (status ${result.response.status})` : ''}`;
  console.log(`${ok ? 'pass' : counts ? 'FAIL' : 'note'} ${audit.id} ${audit.name}${reason}`);
}

console.log(`${passed} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
