// The fleet overview: counts, two bar charts drawn as inline SVG, and the TLS compatibility of each mode.
import { api } from './api.js';
import { byId, clear, el, svg } from './dom.js';
import { STATUSES, fleet, summarize } from './fleet.js';

const TLS_MODES = ['legacy', 'default', 'strong', 'fips'];

/** A horizontal bar chart of rows [{label, value, css}] into the container. */
export function barChart(container, rows, title) {
  const width = 380;
  const bar = 18;
  const gap = 6;
  const labelWidth = 120;
  const room = width - labelWidth - 40;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = Math.max(1, rows.length) * (bar + gap) + gap;
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  rows.forEach((row, i) => {
    const y = gap + i * (bar + gap);
    const length = Math.round((room * row.value) / max);
    chart.append(
      svg('text', { x: 0, y: y + 13, text: row.label }),
      svg('rect', { x: labelWidth, y, width: Math.max(length, row.value > 0 ? 2 : 0), height: bar, class: row.css,
        'data-label': row.label, 'data-value': row.value }),
      svg('text', { x: labelWidth + length + 6, y: y + 13, text: row.value }),
    );
  });
  clear(container).append(chart);
}

export function renderOverview() {
  const summary = summarize([...fleet.computers.values()]);
  byId('count-total').textContent = summary.total;
  for (const status of STATUSES) byId(`count-${status}`).textContent = summary.byStatus[status] ?? 0;
  byId('count-out-of-date').textContent = summary.outOfDate;
  barChart(byId('chart-status'),
    STATUSES.map((s) => ({ label: s, value: summary.byStatus[s] ?? 0, css: `bar-${s}` })), 'computers by status');
  const releases = [...summary.byRelease.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  barChart(byId('chart-releases'),
    releases.map(([release, n]) => ({ label: release, value: n, css: 'bar-release' })), 'computers by agent release');
}

export async function loadTlsCompatibility() {
  const body = clear(byId('tls-table').tBodies[0]);
  for (const mode of TLS_MODES) {
    const report = await api(`/api/computers/tlscompatibility?mode=${mode}`);
    const verdicts = (report.computers ?? []).map((c) => c.verdict);
    body.append(el('tr', { 'data-mode': mode },
      el('td', { text: mode }),
      el('td', { class: 'cut-off', text: verdicts.filter((v) => v === 'cut-off').length }),
      el('td', { class: 'unknown', text: verdicts.filter((v) => v === 'unknown').length })));
  }
}
