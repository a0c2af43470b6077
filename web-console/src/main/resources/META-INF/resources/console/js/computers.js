// The computers list (filtered here, so that live changes and filters always agree) and one computer's details with
// its effective settings and where each comes from.
import { api } from './api.js';
import { ago, byId, clear, el, formatTime } from './dom.js';
import { fleet, releaseOf, statusOf, upToDate } from './fleet.js';

const CONFIGURATION_MEMBERS = new Set(['expected', 'reported', 'upToDate', 'lastOperation']);
let selected = null;

function policyName(id) {
  const policy = fleet.policies.find((p) => p.ID === id);
  return policy ? `${policy.name} (${id})` : id ?? '-';
}

/** The settings a drift explanation names, whatever member carries it (text, or objects with setting/name). */
export function driftSettings(configuration) {
  const names = [];
  for (const [member, value] of Object.entries(configuration ?? {})) {
    if (CONFIGURATION_MEMBERS.has(member) || !Array.isArray(value)) continue;
    for (const item of value) {
      if (typeof item === 'string') names.push(item);
      else if (item && typeof item === 'object') names.push(item.setting ?? item.name ?? JSON.stringify(item));
    }
  }
  return names;
}

function configurationCell(computer) {
  if (upToDate(computer)) return el('td', { class: 'config config-ok', text: 'up to date' });
  const differing = driftSettings(computer.configuration);
  const text = differing.length ? `differs: ${differing.join(', ')}` : 'differs (agent not yet updated)';
  return el('td', { class: 'config config-drift', text, title: computer.configuration?.expected ?? '' });
}

function statusCell(computer) {
  const status = statusOf(computer);
  return el('td', { class: 'status', 'data-status': status, text: status });
}

function row(computer) {
  // a redraw (a computer this page had not seen appeared) keeps the chosen row marked
  const rowClass = computer.ID === selected ? 'clickable selected' : 'clickable';
  return el('tr', { class: rowClass, 'data-computer-id': computer.ID, onclick: () => showComputer(computer.ID) },
    el('td', { text: computer.ID }),
    el('td', { class: 'host', text: computer.hostName ?? '-' }),
    statusCell(computer),
    el('td', { class: 'last-communication', text: ago(computer.lastAgentCommunication),
      title: formatTime(computer.lastAgentCommunication) }),
    el('td', { class: 'offline-reason', text: computer.offlineReason ?? '' }),
    configurationCell(computer),
    el('td', { text: releaseOf(computer) }),
    el('td', { text: policyName(computer.policyID) }));
}

function matches(computer) {
  const status = byId('filter-status').value;
  const host = byId('filter-host').value.trim().toLowerCase();
  const policy = byId('filter-policy').value;
  return (!status || statusOf(computer) === status)
    && (!host || (computer.hostName ?? '').toLowerCase().startsWith(host))
    && (!policy || String(computer.policyID) === policy)
    && (!byId('filter-out-of-date').checked || !upToDate(computer));
}

export function renderComputers() {
  const rows = [...fleet.computers.values()].filter(matches).sort((a, b) => a.ID - b.ID).map(row);
  clear(byId('computers-table').tBodies[0]).append(...rows);
  const options = fleet.policies.map((p) => el('option', { value: p.ID, text: `${p.name} (${p.ID})` }));
  const policyFilter = byId('filter-policy');
  const chosen = policyFilter.value;
  clear(policyFilter).append(el('option', { value: '', text: 'any' }), ...options);
  policyFilter.value = chosen;
}

/** Updates one computer's row in place after a live change (no re-render: the rest of the page stays as it is). */
export function updateComputerRow(computer) {
  const current = document.querySelector(`#computers-table tr[data-computer-id="${computer.ID}"]`);
  if (!current) {
    if (matches(computer)) renderComputers();
    return;
  }
  current.replaceChild(statusCell(computer), current.querySelector('td.status'));
  current.querySelector('td.offline-reason').textContent = computer.offlineReason ?? '';
  current.classList.remove('changed');
  void current.offsetWidth; // restart the highlight
  current.classList.add('changed');
  if (selected === computer.ID) byId('detail-status').textContent = statusOf(computer);
}

export function bindComputerFilters() {
  byId('computer-filters').addEventListener('input', renderComputers);
  byId('computer-filters').addEventListener('submit', (event) => event.preventDefault());
}

function sourceText(source) {
  if (!source) return '-';
  const rule = source.rule ? ` (${source.rule})` : '';
  switch (source.level) {
    case 'policy': return `policy ${policyName(source.policyID)}${rule}`;
    case 'computer': return `this computer${rule}`;
    case 'default': return `default${rule}`;
    default: return `${source.level ?? '?'}${source.policyID ? ` ${policyName(source.policyID)}` : ''}${rule}`;
  }
}

export async function showComputer(id) {
  selected = id;
  document.querySelectorAll('#computers-table tr.selected').forEach((r) => r.classList.remove('selected'));
  document.querySelector(`#computers-table tr[data-computer-id="${id}"]`)?.classList.add('selected');
  const [computer, settings] = await Promise.all([api(`/api/computers/${id}`), api(`/api/computers/${id}/settings`)]);
  byId('detail-title').textContent = `${computer.hostName ?? ''} (${id})`;
  const facts = [
    ['status', el('span', { id: 'detail-status', class: 'status', 'data-status': statusOf(computer),
      text: statusOf(computer) })],
    ['status messages', (computer.computerStatus?.agentStatusMessages ?? []).join(', ') || '-'],
    ['last communication', formatTime(computer.lastAgentCommunication)],
    ['missed heartbeats', computer.missedHeartbeats ?? 0],
    ['offline reason', computer.offlineReason ?? '-'],
    ['configuration', upToDate(computer) ? 'up to date'
      : `differs${driftSettings(computer.configuration).length
        ? `: ${driftSettings(computer.configuration).join(', ')}` : ''}`],
    ['agent', `${computer.agentVersion ?? '-'} (release ${releaseOf(computer)})`],
    ['TLS', computer.tls ? `${computer.tls.protocol} ${computer.tls.cipherSuite}` : '-'],
    ['policy', policyName(computer.policyID)],
    ['address', `${computer.lastIPUsed ?? '-'}`],
  ];
  clear(byId('detail-facts')).append(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', {}, v)]));
  const rows = Object.entries(settings).sort(([a], [b]) => a.localeCompare(b)).map(([name, setting]) =>
    el('tr', { 'data-setting': name },
      el('td', { text: name }),
      el('td', { class: 'value', text: setting.value ?? '' }),
      el('td', { class: `source source-${setting.source?.level ?? 'unknown'}`, text: sourceText(setting.source) })));
  clear(byId('settings-table').tBodies[0]).append(...rows);
  byId('computer-detail').hidden = false;
}
