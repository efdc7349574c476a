// What an App installation token reaches: `GET /installation/repositories`, the organisation sweep's listing.
// GitHub answers it only to installation tokens (GITHUB_TOKEN lists its one repository); the fake does not
// tell tokens apart, so it lists the repositories the options say the installation was given.

import type { RouteRequest, RouteResponse, RouteTable } from './common.js';
import type { RepoState } from './common.js';
import { paginate } from './common.js';

async function installationRepositories(_state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const { repositories, installed } = request.organization;
  // GitHub lists them by name within the installation.
  const reachable = repositories
    .filter((repository) => installed(repository))
    .sort((a, b) => a.payloads.fullName.localeCompare(b.payloads.fullName));
  const { page, headers } = paginate(request, reachable);
  return {
    status: 200,
    headers,
    body: {
      total_count: reachable.length,
      repositories: page.map((repository) => repository.payloads.repository(repository.pushedAt)),
    },
  };
}

export const installationRoutes: RouteTable = {
  'GET /installation/repositories': installationRepositories,
};
