// The search as it stands: read from and written to the page's URL (so it can be shared and the
// back button works), and sent to the server's /api/search.

export const PAGE_SIZE = 10;
/** Values a facet lists before its "Show more" button. */
export const FACET_VALUES = 10;
/** Values each facet lists once one is unfolded. */
export const FACET_VALUES_UNFOLDED = 100;

/** @typedef {{q: string, filters: string[], sort: string, offset: number}} Search */

/** @returns {Search} */
export function searchFromUrl() {
  const params = new URLSearchParams(location.search);
  const offset = Number.parseInt(params.get('offset') || '0', 10);
  return {
    q: params.get('q') || '',
    filters: params.getAll('filter'),
    sort: ['newest', 'oldest'].includes(params.get('sort')) ? params.get('sort') : 'relevance',
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

/** The page's own URL for a search: what a reader shares. */
export function urlFor(search) {
  const params = new URLSearchParams();
  if (search.q)
    params.set('q', search.q);
  for (const filter of search.filters)
    params.append('filter', filter);
  if (search.sort !== 'relevance')
    params.set('sort', search.sort);
  if (search.offset > 0)
    params.set('offset', String(search.offset));
  const query = params.toString();
  return location.pathname + (query ? '?' + query : '');
}

/** `unfolded`: some facet shows all its values, so ask for more of each. */
export function apiUrlFor(search, unfolded = false) {
  const params = new URLSearchParams();
  params.set('q', search.q);
  // As facet values carry them in their `filter` field (tag:"John Kerry"); the server reads
  // that form back.
  for (const filter of search.filters)
    params.append('filter', filter);
  params.set('sort', search.sort);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String(search.offset));
  params.set('facet_values', String(unfolded ? FACET_VALUES_UNFOLDED : FACET_VALUES));
  return 'api/search?' + params.toString();
}

/** GETs JSON; a 4xx or 5xx answer throws an Error carrying the server's message. */
export async function fetchJson(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && (body.error?.message || body.error || body.message);
    throw new Error(
        typeof message === 'string' ? message : `the server answered ${response.status}`);
  }
  return body;
}
