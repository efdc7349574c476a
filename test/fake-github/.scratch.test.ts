import { test, expect } from 'vitest';
import { Octokit } from '@octokit/rest';
import { startFakeGitHub } from './server.js';
test('smoke', async () => {
  const t0 = Date.now();
  const fake = await startFakeGitHub({ files: { 'README.md': '# webapp\n', 'src/app.js': "res.cookie('sid', v);\nline2\nline3\n" } });
  console.log('start', Date.now() - t0);
  const o = new Octokit({ baseUrl: fake.url, auth: 'x' });
  const owner = fake.owner, repo = fake.repo;
  try {
    const repoData = (await o.rest.repos.get({ owner, repo })).data;
    const ref = (await o.rest.git.getRef({ owner, repo, ref: 'heads/main' })).data;
    const base = (await o.rest.git.getCommit({ owner, repo, commit_sha: ref.object.sha })).data;
    const blob = (await o.rest.git.createBlob({ owner, repo, content: "res.cookie('sid', v, { httpOnly: true, secure: true });\nline2\nline3\n" })).data;
    const tree = (await o.rest.git.createTree({ owner, repo, base_tree: base.tree.sha, tree: [{ path: 'src/app.js', mode: '100644', type: 'blob', sha: blob.sha }] })).data;
    const commit = (await o.rest.git.createCommit({ owner, repo, message: 'fix cookies', tree: tree.sha, parents: [base.sha] })).data;
    console.log(commit.verification);
    await o.rest.git.createRef({ owner, repo, ref: 'refs/heads/cookie-hardener/remediation', sha: commit.sha });
    const pr = (await o.rest.pulls.create({ owner, repo, title: 'Harden cookies', head: 'acme:cookie-hardener/remediation', base: 'main', body: 'hi' })).data;
    console.log(pr.number, pr.head.sha === commit.sha, pr.mergeable_state);
    const files = (await o.rest.pulls.listFiles({ owner, repo, pull_number: pr.number })).data;
    console.log(files);
    const diff = await o.rest.pulls.get({ owner, repo, pull_number: pr.number, mediaType: { format: 'diff' } });
    console.log(diff.data);
    const review = await o.rest.pulls.createReview({ owner, repo, pull_number: pr.number, event: 'COMMENT', body: 'r', comments: [{ path: 'src/app.js', line: 1, side: 'RIGHT', body: 'x' }] });
    console.log(review.data.state);
    const rc = await o.rest.pulls.listReviewComments({ owner, repo, pull_number: pr.number });
    console.log(rc.data[0]?.diff_hunk, rc.data[0]?.line, rc.data[0]?.position);
    await o.rest.issues.createComment({ owner, repo, issue_number: pr.number, body: 'summary' });
    await o.rest.issues.addLabels({ owner, repo, issue_number: pr.number, labels: ['security'] });
    const list = await o.rest.pulls.list({ owner, repo, head: 'acme:cookie-hardener/remediation' });
    console.log(list.data.length);
    const cmp = await o.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: 'main...cookie-hardener/remediation' });
    console.log(cmp.data.status, cmp.data.ahead_by);
    const commits = await o.rest.repos.listCommits({ owner, repo, sha: 'cookie-hardener/remediation' });
    console.log(commits.data.length, commits.data[0]?.author?.login);
    const threads = await o.graphql(`query($owner:String!,$name:String!,$number:Int!){repository(owner:$owner,name:$name){pullRequest(number:$number){reviewThreads(first:100){nodes{id isResolved comments(first:1){nodes{databaseId}}}}}}}`, { owner, name: repo, number: pr.number });
    console.log(JSON.stringify(threads));
    console.log(await fake.git(['log', '--format=%H %an %cn %s', 'cookie-hardener/remediation']));
  } finally {
    console.log('violations', JSON.stringify(fake.responseViolations.map(v => [v.operation, v.problems.slice(0, 5)]), null, 1), fake.schemaViolations, fake.unhandledRequests);
    console.log(fake.requests.map(r => `${r.method} ${r.path} ${r.status}`).join('\n'));
    await fake.close();
  }
  console.log('total', Date.now() - t0);
});
