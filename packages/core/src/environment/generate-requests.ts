import type { SpecsFile } from '../config/index.js';
import type { RandomStream } from '../engine/rng.js';
import type { DataSource } from '../model/data-source.js';
import type { SfcRequest } from '../model/sfc-request.js';
import type { User } from '../model/user.js';
import { pick, specsProblem, type GenerationContext } from './generate-util.js';

/**
 * SFC requests `r_0 …` (model-spec §2.8), user-major: for each user in order and each of its requested
 * SFC types in order, a data source (uniform among all), a priority (uniform integer in
 * [0, user.priority]) and a duration (pick of `sfc_requests.duration`); ingress and egress come from
 * the user, the arrival time from `arrivals` (one per request, in request order).
 * @internal
 */
export function generateRequests(
  specs: SpecsFile,
  users: readonly User[],
  dataSources: readonly DataSource[],
  arrivals: readonly number[],
  stream: RandomStream,
  ctx: GenerationContext,
): SfcRequest[] {
  const requests: SfcRequest[] = [];
  const total = users.reduce((n, u) => n + u.sfcs.length, 0);
  if (total > 0 && dataSources.length === 0) {
    specsProblem(ctx, '/entities_number/data_sources', 'at least 1 data source (SFC requests need one)', '0');
  }
  for (const user of users) {
    for (const sfc of user.sfcs) {
      const dataSource = stream.choice(dataSources).name;
      const priority = stream.integer(0, Math.floor(user.priority));
      const duration = pick(stream, specs.sfc_requests.duration, ctx, '/sfc_requests/duration');
      const io = user.sfcIngressEgress[sfc];
      const index = requests.length;
      requests.push({
        index,
        name: `r_${index}`,
        user: user.name,
        sfc,
        dataSource,
        priority,
        arrivalTime: arrivals[index],
        ingressNode: io.ingressNode,
        egressNode: io.egressNode,
        duration,
      });
    }
  }
  return requests;
}
