// A thin fetch wrapper: JSON in and out, problem details on failure, and a trip to the sign-in page when the
// session has expired.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

export function signInUrl() {
  return `/login?ReturnUrl=${encodeURIComponent(location.pathname + location.search)}`;
}

export async function api(path, { method = 'GET', json, body, headers = {}, raw = false } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin' };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(path, init);
  if (response.status === 401 && !path.startsWith('/api/auth/login')) {
    location.assign(signInUrl());
    throw new ApiError(401, { title: 'Sign in first.' });
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // Not every failure carries problem details (a proxy's 502, say).
    }
    throw new ApiError(response.status, problem);
  }
  if (raw) {
    return response;
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}
