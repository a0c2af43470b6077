// The console API on this origin: every call carries the key in the api-secret-key header (never in a URL or a
// cookie); errors are the API's problem+json answers.

const KEY = 'vigil.apiKey';
const PAGE = 1000;

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** An answer that is not 2xx: its status and problem (RFC 9457) when the API gave one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { 'api-secret-key': session.key() ?? '', Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store', credentials: 'omit', redirect: 'error',
  });
  const type = response.headers.get('Content-Type') ?? '';
  const data = response.status !== 204 && type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** Every item of a keyset-paged list: api('/api/computers', 'computers'), following 'after' page by page. */
export async function listAll(path, member) {
  const all = [];
  let after = 0;
  for (;;) {
    const separator = path.includes('?') ? '&' : '?';
    const page = (await api(`${path}${separator}limit=${PAGE}&after=${after}`))[member] ?? [];
    all.push(...page);
    if (page.length < PAGE) return all;
    after = page[page.length - 1].ID;
  }
}
