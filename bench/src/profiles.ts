import { login, orderTarget, RESELLER, VENDOR } from './api.js';
import { measureFanout } from './fanout.js';
import { measureGrid } from './grid.js';
import type { BenchCluster } from './postgres.js';
import { profileUnder, type ProfileSummary } from './profile.js';
import { measureSubmit } from './submit.js';

/**
 * The three loads again, each on a fresh instance under `--cpu-prof` with a database of its
 * own: the grid, the submits and a 1,000-subscriber fan-out. Only the loaded window is
 * summarised (not the start-up, nor making drafts or opening sockets).
 */
export async function profileLoads(
  cluster: BenchCluster,
  settings: { seconds: number; gridConnections: number; submitClients: number; perClient: number },
  step: (what: string) => void,
): Promise<ProfileSummary[]> {
  const profiles: ProfileSummary[] = [];
  const seconds = Math.min(settings.seconds, 10);
  // The .cpuprofile stays on disk for DevTools (Performance → Load profile); its path is logged.
  const keep = ({ file, ...summary }: ProfileSummary & { file: string }) => {
    step(`profile written to ${file}`);
    profiles.push(summary);
  };

  step(`CPU profile under the grid load (${seconds} s)`);
  keep(
    await profileUnder(
      `the grid load (${settings.gridConnections} connections)`,
      await cluster.database('portal_prof_grid'),
      async (portal) => {
        const token = await login(portal.graphqlUrl, RESELLER);
        const { customerId } = await orderTarget(portal.graphqlUrl, token);
        const loadStart = Date.now();
        await measureGrid({
          graphqlUrl: portal.graphqlUrl,
          token,
          customerId,
          connections: settings.gridConnections,
          seconds,
        });
        return { loadStart, loadEnd: Date.now() };
      },
    ),
  );

  step('CPU profile under the submit load');
  keep(
    await profileUnder(
      `the submit load (${settings.submitClients} clients)`,
      await cluster.database('portal_prof_submit'),
      async (portal) => {
        const token = await login(portal.graphqlUrl, RESELLER);
        let loadStart = 0;
        await measureSubmit({
          graphqlUrl: portal.graphqlUrl,
          token,
          target: await orderTarget(portal.graphqlUrl, token),
          clients: settings.submitClients,
          perClient: settings.perClient,
          onLoadStart: () => (loadStart = Date.now()),
        });
        return { loadStart, loadEnd: Date.now() };
      },
    ),
  );

  step('CPU profile under a fan-out to 1,000');
  keep(
    await profileUnder(
      'a fan-out to 1,000 subscribers (5 transitions)',
      await cluster.database('portal_prof_fanout'),
      async (portal) => {
        const [resellerToken, vendorToken] = await Promise.all([
          login(portal.graphqlUrl, RESELLER),
          login(portal.graphqlUrl, VENDOR),
        ]);
        let loadStart = 0;
        let loadEnd = 0;
        await measureFanout({
          portal,
          resellerToken,
          vendorToken,
          target: await orderTarget(portal.graphqlUrl, resellerToken),
          count: 1_000,
          transitions: 5,
          onLoadStart: () => (loadStart = Date.now()),
          onLoadEnd: () => (loadEnd = Date.now()),
        });
        return { loadStart, loadEnd };
      },
    ),
  );
  return profiles;
}
