// The console page: sign-in with an API key, then the views, loaded over REST and kept current by the live stream.
import { ApiError, api, listAll, session } from './api.js';
import { bindAlertFilter, loadAlerts } from './alerts.js';
import { bindComputerFilters, renderComputers, updateComputerRow } from './computers.js';
import { byId, debounce, formatTime } from './dom.js';
import { applyStatusChange, fleet } from './fleet.js';
import { loadTlsCompatibility, renderOverview } from './overview.js';
import { renderPolicies } from './policies.js';
import { openStream } from './stream.js';

const LIVE_TEXT = {
  live: 'live', reconnecting: 'reconnecting…', unauthorized: 'no live updates for this key', off: 'not connected',
};
let stream = null;

function showError(error) {
  if (error instanceof ApiError && error.status === 401) {
    signOut('The API key was refused.');
    return;
  }
  const box = byId('app-error');
  box.textContent = error instanceof ApiError && error.problem
    ? `${error.problem.title ?? 'Error'}: ${error.problem.detail ?? ''}` : String(error.message ?? error);
  box.hidden = false;
}

function setLive(state) {
  const badge = byId('live');
  badge.dataset.state = state;
  badge.textContent = LIVE_TEXT[state] ?? state;
}

async function loadFleet() {
  const [policies, computers] = await Promise.all([
    listAll('/api/policies', 'policies'), listAll('/api/computers', 'computers')]);
  fleet.policies = policies;
  fleet.computers = new Map(computers.map((c) => [c.ID, c]));
  renderOverview();
  renderComputers();
  renderPolicies();
}

async function loadEverything() {
  byId('app-error').hidden = true;
  await Promise.all([loadFleet(), loadAlerts(showError), loadTlsCompatibility()]);
}

const reloadFleet = debounce(() => loadFleet().catch(showError), 500);
const reloadAlerts = debounce(() => loadAlerts(showError).catch(showError), 300);

function onEvent(name, event) {
  byId('last-event').textContent = `last live event: ${event.type} at ${formatTime(Date.now())}`;
  if (name === 'computer-status') {
    const computer = applyStatusChange(event.data);
    if (computer) {
      updateComputerRow(computer);
      renderOverview();
    } else {
      reloadFleet(); // a computer this page has not seen yet
    }
  } else if (name === 'alert') {
    reloadAlerts();
  }
}

function onStreamState(state) {
  setLive(state);
  if (state === 'live') loadEverything().catch(showError); // whatever happened while not connected
  // the REST calls decide about the key: a key the API takes but the stream does not (a managed key) keeps the page,
  // without live updates
  if (state === 'unauthorized') api('/api/computers?limit=1').catch(showError);
}

function showView(view) {
  document.querySelectorAll('.tabs button').forEach((b) => b.classList.toggle('active', b.dataset.view === view));
  document.querySelectorAll('main .view').forEach((s) => { s.hidden = s.id !== `view-${view}`; });
}

function startApp() {
  byId('login').hidden = true;
  byId('app').hidden = false;
  byId('sign-out').hidden = false;
  stream = openStream(onEvent, onStreamState);
}

function signOut(message) {
  session.signOut();
  stream?.close();
  stream = null;
  setLive('off');
  byId('app').hidden = true;
  byId('sign-out').hidden = true;
  byId('login').hidden = false;
  byId('login-error').textContent = message ?? '';
  byId('login-error').hidden = !message;
}

async function signIn(event) {
  event.preventDefault();
  const input = byId('api-key');
  session.signIn(input.value.trim());
  input.value = '';
  try {
    await api('/api/computers?limit=1');
    byId('login-error').hidden = true;
    startApp();
  } catch (error) {
    signOut(error instanceof ApiError && error.status === 401 ? 'The API key was refused.' : String(error.message));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  byId('login-form').addEventListener('submit', signIn);
  byId('sign-out').addEventListener('click', () => signOut());
  document.querySelectorAll('.tabs button').forEach((b) => b.addEventListener('click', () => showView(b.dataset.view)));
  bindComputerFilters();
  bindAlertFilter(showError);
  if (session.key()) startApp();
});
