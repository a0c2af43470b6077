// What the page knows about the fleet: the computers by ID (from REST, then kept current by the live stream) and
// the policies. Counting is plain functions of it, so the overview and the list always agree.

export const STATUSES = ['active', 'offline', 'vm-stopped', 'inactive'];

export const fleet = {
  computers: new Map(),
  policies: [],
};

export function statusOf(computer) {
  return computer.computerStatus?.agentStatus ?? 'unknown';
}

/** False only when the agent's configuration is known to differ from the expected one. */
export function upToDate(computer) {
  return computer.configuration?.upToDate !== false;
}

/** The release an agent reports, for grouping ('unknown' when it has not said). */
export function releaseOf(computer) {
  return computer.agentRelease || computer.agentVersion || 'unknown';
}

/** The counts of the overview: total, per status, out of date (of the computers not deactivated), per release. */
export function summarize(computers) {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  const byRelease = new Map();
  let outOfDate = 0;
  for (const computer of computers) {
    const status = statusOf(computer);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (status !== 'inactive') {
      if (!upToDate(computer)) outOfDate += 1;
      const release = releaseOf(computer);
      byRelease.set(release, (byRelease.get(release) ?? 0) + 1);
    }
  }
  return { total: computers.length, byStatus, outOfDate, byRelease };
}

/** Applies a vigil.computer.status.changed.v1 event; the computer, or null when the page does not know it yet. */
export function applyStatusChange(change) {
  const computer = fleet.computers.get(change.computerID);
  if (!computer) return null;
  computer.computerStatus = { ...(computer.computerStatus ?? {}), agentStatus: change.agentStatus };
  computer.offlineReason = change.agentStatus === 'offline' ? change.offlineReason ?? null : null;
  if (change.missedHeartbeats !== undefined) computer.missedHeartbeats = change.missedHeartbeats;
  return computer;
}
