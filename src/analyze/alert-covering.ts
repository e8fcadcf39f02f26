import type { RaisedAlert } from '../domain/alerts.js';
import type { AlertChanges, AlertCoverage } from '../store/types.js';

/**
 * Which raised alerts are new: an alert about an event whose reports an earlier alert of the same rule already
 * covers (the same event reposted, re-ingested or regrouped) is not raised again, its new reports join the earlier
 * alert; a spike is not raised again for a window already alerted on. Each alert is raised once per run too.
 */
export function coverAlerts(
  raised: readonly RaisedAlert[],
  coverage: readonly AlertCoverage[],
  spikeKeys: readonly { rule: string; key: string }[],
): AlertChanges {
  const covering = new Map<string, number>();
  for (const entry of coverage) covering.set(`${entry.rule} ${entry.eventId}`, entry.alertId);
  const spikes = new Set(spikeKeys.map(({ rule, key }) => `${rule} ${key}`));
  const changes: AlertChanges = { insert: [], cover: [] };
  /** Reports of the alerts raised in this run, by rule: the index of the alert in `changes.insert`. */
  const inserted = new Map<string, number>();
  for (const alert of raised) {
    if (alert.reportIds.length === 0) {
      const spike = `${alert.rule} ${alert.key}`;
      if (spikes.has(spike)) continue;
      spikes.add(spike);
      changes.insert.push(alert);
      continue;
    }
    const earlier = alert.reportIds
      .map((id) => covering.get(`${alert.rule} ${id}`))
      .find((id) => id !== undefined);
    if (earlier !== undefined) {
      const uncovered = alert.reportIds.filter((id) => !covering.has(`${alert.rule} ${id}`));
      if (uncovered.length > 0)
        changes.cover.push({ alertId: earlier, rule: alert.rule, eventIds: uncovered });
      for (const id of uncovered) covering.set(`${alert.rule} ${id}`, earlier);
      continue;
    }
    // An event raised twice in one run (two events sharing a report) is one alert, with the reports of both.
    const twin = alert.reportIds
      .map((id) => inserted.get(`${alert.rule} ${id}`))
      .find((at) => at !== undefined);
    if (twin !== undefined) {
      const first = changes.insert[twin] as RaisedAlert;
      const added = alert.reportIds.filter((id) => !first.reportIds.includes(id));
      changes.insert[twin] = { ...first, reportIds: [...first.reportIds, ...added] };
      for (const id of added) inserted.set(`${alert.rule} ${id}`, twin);
      continue;
    }
    for (const id of alert.reportIds) inserted.set(`${alert.rule} ${id}`, changes.insert.length);
    changes.insert.push(alert);
  }
  return changes;
}
