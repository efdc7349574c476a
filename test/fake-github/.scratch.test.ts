import { test } from 'vitest';
import { OpenApiSubset, invalidRequestMessage } from './openapi.js';
test('x', () => {
  const t0 = Date.now();
  const o = OpenApiSubset.load();
  console.log(o.source, Date.now() - t0);
  const key = 'POST /repos/{owner}/{repo}/pulls';
  console.log(o.checkRequest(key, { title: 't', head: 'h', base: 'b' }));
  const body = { title: 5, head: 'h', draft: 'yes' };
  const p = o.checkRequest(key, body);
  console.log(p, invalidRequestMessage(p, body));
  const lb = 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels';
  console.log(o.checkRequest(lb, { labels: ['a'] }), o.checkRequest(lb, ['a']).length, invalidRequestMessage(o.checkRequest(lb, {labels: 5}), {labels:5}));
  for (const op of o.operations()) { const t = Date.now(); o.checkResponse(op.key, {}); if (op.requestBody) o.checkRequest(op.key, {}); console.log(op.key, Date.now()-t); }
  console.log(o.checkResponse('GET /repos/{owner}/{repo}/commits', [{}]).slice(0,3));
});
