// The morgue search page: reads the search from the URL, asks /api/search, draws the answer.
// Plain browser JavaScript modules, no build step. Every field from the server is put on the page
// as text (textContent); only `snippet`, which the server escapes and marks with <mark>, is read as
// markup, and even then only its text and <mark> elements are kept.
import {$} from './dom.js';
import {setUpHistogram} from './histogram.js';
import {render} from './results.js';
import {apiUrlFor, fetchJson, PAGE_SIZE, searchFromUrl, urlFor} from './search.js';

let current = searchFromUrl();
let requestNumber = 0;
// Facets whose every value is shown; kept while the reader refines a search, not in the URL.
const unfoldedFacets = new Set();

/** Runs `search`, and records it in the history unless we are replaying the history. */
function go(search, {push = true} = {}) {
  current = search;
  if (push)
    history.pushState(null, '', urlFor(search));
  run(search);
}

function withChanges(changes) {
  return {...current, offset: 0, ...changes};
}

// What the drawn page may do to the search (results.js and histogram.js call these).
const actions = {
  toggleFilter(filter) {
    const filters = current.filters.includes(filter) ? current.filters.filter((f) => f !== filter) :
                                                       [...current.filters, filter];
    go(withChanges({filters}));
  },
  clearFilters() {
    go(withChanges({filters: []}));
  },
  /** Replaces the date filter with `filter`, or removes it when `filter` is null. */
  chooseDates(filter) {
    const filters = current.filters.filter((f) => !f.startsWith('date:'));
    go(withChanges({filters: filter ? [...filters, filter] : filters}));
  },
  isUnfolded(facet) {
    return unfoldedFacets.has(facet);
  },
  /** Shows all of a facet's values (true) or the first few (false). */
  unfold(facet, unfold) {
    if (unfold)
      unfoldedFacets.add(facet);
    else
      unfoldedFacets.delete(facet);
    run(current);
  },
  /** The page's URL for the current search with query `q`, and a way to go there. */
  searchWith(q) {
    const search = withChanges({q});
    return {href: urlFor(search), go: () => go(search)};
  },
};

async function run(search) {
  const number = ++requestNumber;
  $('q').value = search.q;
  $('sort').value = search.sort;
  document.body.classList.add('loading');
  try {
    const result = await fetchJson(apiUrlFor(search, unfoldedFacets.size > 0));
    if (number !== requestNumber)
      return;  // a newer search has started
    showError('');
    render(search, result, actions);
  } catch (error) {
    if (number !== requestNumber)
      return;
    showError(error.message);
  } finally {
    if (number === requestNumber)
      document.body.classList.remove('loading');
  }
}

function showError(message) {
  const box = $('error');
  box.textContent = message ? `Cannot search: ${message}` : '';
  box.hidden = !message;
  if (message) {
    $('hits').replaceChildren();
    $('pager').hidden = true;
    $('summary').textContent = '';
  }
}

// ---------------------------------------------------------------------------------------------
// Wiring.

function setUp() {
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    go(withChanges({q: $('q').value.trim()}));
  });
  $('sort').addEventListener('change', () => go(withChanges({sort: $('sort').value})));
  $('prev').addEventListener('click', () => {
    go({...current, offset: Math.max(0, current.offset - PAGE_SIZE)});
    $('results').focus();
  });
  $('next').addEventListener('click', () => {
    go({...current, offset: current.offset + PAGE_SIZE});
    $('results').focus();
  });
  window.addEventListener('popstate', () => go(searchFromUrl(), {push: false}));
  setUpHistogram(actions.chooseDates);

  // Filters start folded on a phone, open on a wider screen.
  const wide = window.matchMedia('(min-width: 52rem)');
  const fold = () => ($('refine').open = wide.matches);
  wide.addEventListener('change', fold);
  fold();

  run(current);
}

setUp();
