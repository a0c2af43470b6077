// Open alerts with their dismissal, and the history (every state).
import { api, listAll } from './api.js';
import { byId, clear, el, formatTime } from './dom.js';

function dismissButton(alert, onError) {
  if (alert.state !== 'active' || !alert.dismissible) return '';
  return el('button', {
    type: 'button', class: 'dismiss', 'data-alert-id': alert.ID, text: 'Dismiss',
    onclick: async (event) => {
      event.target.disabled = true;
      try {
        await api(`/api/alerts/${alert.ID}/dismiss`, { method: 'POST' });
        await loadAlerts(onError);
      } catch (error) {
        event.target.disabled = false;
        onError(error);
      }
    },
  });
}

function row(alert, onError) {
  return el('tr', { 'data-alert-id': alert.ID, 'data-alert-type': alert.alertType, 'data-state': alert.state },
    el('td', { text: alert.ID }),
    el('td', { class: 'name', text: alert.name ?? alert.alertType, title: alert.description ?? '' }),
    el('td', { class: `severity-${alert.severity}`, text: alert.severity }),
    el('td', { text: alert.hostName ? `${alert.hostName} (${alert.computerID})` : '-' }),
    el('td', { text: formatTime(alert.raisedAt) }),
    el('td', { text: formatTime(alert.lastOccurrenceAt) }),
    el('td', { text: alert.occurrences ?? 1 }),
    el('td', { class: 'state', text: alert.state }),
    el('td', {}, dismissButton(alert, onError)));
}

export async function loadAlerts(onError) {
  const state = byId('alert-state').value;
  const [shown, open] = await Promise.all([
    listAll(`/api/alerts?state=${encodeURIComponent(state)}`, 'alerts'),
    state === 'active' ? null : listAll('/api/alerts?state=active', 'alerts'),
  ]);
  const newestFirst = [...shown].sort((a, b) => b.ID - a.ID);
  clear(byId('alerts-table').tBodies[0]).append(...newestFirst.map((a) => row(a, onError)));
  const count = (open ?? shown).length;
  byId('alert-count').textContent = count;
  byId('alert-count').dataset.zero = String(count === 0);
}

export function bindAlertFilter(onError) {
  byId('alert-state').addEventListener('change', () => loadAlerts(onError).catch(onError));
}
