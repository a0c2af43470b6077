// The policy tree (parentID links) and the settings each policy sets itself (the rest it inherits).
import { byId, clear, el } from './dom.js';
import { fleet } from './fleet.js';

function children(parentID) {
  return fleet.policies.filter((p) => (p.parentID ?? null) === parentID).sort((a, b) => a.name.localeCompare(b.name));
}

function branch(policy) {
  const below = children(policy.ID);
  return el('li', {},
    el('button', { type: 'button', 'data-policy-id': policy.ID, text: policy.name,
      onclick: (event) => showPolicy(policy, event.target) }),
    below.length ? el('ul', {}, ...below.map(branch)) : null);
}

export function renderPolicies() {
  clear(byId('policy-tree')).append(...children(null).map(branch));
}

function showPolicy(policy, button) {
  document.querySelectorAll('#policy-tree button.selected').forEach((b) => b.classList.remove('selected'));
  button.classList.add('selected');
  const parent = fleet.policies.find((p) => p.ID === policy.parentID);
  byId('policy-title').textContent = `${policy.name} (${policy.ID})${parent ? ` under ${parent.name}` : ''}`;
  byId('policy-description').textContent = policy.description ?? '';
  const settings = Object.entries(policy.policySettings ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const rows = settings.length
    ? settings.map(([name, setting]) => el('tr', { 'data-setting': name },
      el('td', { text: name }), el('td', { text: setting?.value ?? '' })))
    : [el('tr', {}, el('td', { colspan: 2, class: 'hint', text: 'sets nothing itself: inherits every setting' }))];
  clear(byId('policy-settings').tBodies[0]).append(...rows);
  byId('policy-detail').hidden = false;
}
