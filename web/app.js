// The morgue search page: reads the search from the URL, asks /api/search, draws the answer.
// Plain browser JavaScript, no build step. Every field from the server is put on the page as
// text (textContent); only `snippet`, which the server escapes and marks with <mark>, is read
// as markup, and even then only its text and <mark> elements are kept.
'use strict';

const PAGE_SIZE = 10;
const FACET_TITLES = {
  tag: 'Tags',
  author: 'Authors',
  site: 'Publications',
  type: 'Type',
  language: 'Language',
  kind: 'Articles or comments',
};
const FACET_ORDER = ['kind', 'tag', 'author', 'site', 'type', 'language'];

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------
// The search as it stands, and its place in the URL.

/** @typedef {{q: string, filters: string[], sort: string, offset: number}} Search */

/** @returns {Search} */
function searchFromUrl() {
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
function urlFor(search) {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  for (const filter of search.filters) params.append('filter', filter);
  if (search.sort !== 'relevance') params.set('sort', search.sort);
  if (search.offset > 0) params.set('offset', String(search.offset));
  const query = params.toString();
  return location.pathname + (query ? '?' + query : '');
}

function apiUrlFor(search) {
  const params = new URLSearchParams();
  params.set('q', search.q);
  // The server takes FIELD:VALUE unquoted; the page's URL keeps the query-language form that
  // facet values carry in their `filter` field (tag:"John Kerry").
  for (const filter of search.filters) {
    const {field, value} = describeFilter(filter);
    params.append('filter', field ? `${field}:${value}` : value);
  }
  params.set('sort', search.sort);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String(search.offset));
  return 'api/search?' + params.toString();
}

let current = searchFromUrl();
let requestNumber = 0;

/** Runs `search`, and records it in the history unless we are replaying the history. */
function go(search, {push = true} = {}) {
  current = search;
  if (push) history.pushState(null, '', urlFor(search));
  run(search);
}

function withChanges(changes) {
  return {...current, offset: 0, ...changes};
}

function toggleFilter(filter) {
  const filters = current.filters.includes(filter)
    ? current.filters.filter((f) => f !== filter)
    : [...current.filters, filter];
  go(withChanges({filters}));
}

// ---------------------------------------------------------------------------------------------
// Talking to the server.

async function fetchJson(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && (body.error?.message || body.error || body.message);
    throw new Error(typeof message === 'string' ? message : `the server answered ${response.status}`);
  }
  return body;
}

async function run(search) {
  const number = ++requestNumber;
  $('q').value = search.q;
  $('sort').value = search.sort;
  document.body.classList.add('loading');
  try {
    const result = await fetchJson(apiUrlFor(search));
    if (number !== requestNumber) return;  // a newer search has started
    showError('');
    render(search, result);
  } catch (error) {
    if (number !== requestNumber) return;
    showError(error.message);
  } finally {
    if (number === requestNumber) document.body.classList.remove('loading');
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
// Small DOM helpers.

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

const inertDocument = document.implementation.createHTMLDocument('');

/** The snippet's text with its <mark>s, and nothing else of whatever markup it holds. */
function snippetFragment(html) {
  const holder = inertDocument.createElement('div');
  holder.innerHTML = html;  // an inert document: nothing loads, nothing runs
  const fragment = document.createDocumentFragment();
  for (const node of holder.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === 'MARK') {
      fragment.append(el('mark', {text: node.textContent}));
    } else {
      fragment.append(document.createTextNode(node.textContent));
    }
  }
  return fragment;
}

const plural = (count, one, many = one + 's') =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2016-09-14T08:30:00+02:00" → "14 Sep 2016, 08:30" as the source wrote it (its own zone). */
function readableDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso || '');
  if (!match) return iso || '';
  const [, year, month, day, hour, minute] = match;
  const date = `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
  return hour ? `${date}, ${hour}:${minute}` : date;
}

// ---------------------------------------------------------------------------------------------
// Drawing a result.

function render(search, result) {
  renderSummary(search, result);
  renderDidYouMean(result);
  renderSelectedFilters(search);
  renderHistogram(search, result.facets?.date);
  renderFacets(search, result.facets || {});
  renderHits(result.hits || []);
  renderPager(search, result);
  document.title = search.q ? `${search.q} — morgue` : 'morgue — search the archive';
}

function renderSummary(search, result) {
  const total = result.total;
  if (total.hits === 0) {
    $('summary').replaceChildren(
      el('strong', {text: 'No hits'}),
      document.createTextNode(search.q ? ` for “${search.q}”` : ' for these filters'),
    );
    return;
  }
  const what = search.q ? ` for “${search.q}”` : search.filters.length ? '' : ' in the archive';
  $('summary').replaceChildren(
    el('strong', {text: plural(total.hits, 'hit')}),
    document.createTextNode(
      `${what} · ${plural(total.articles, 'article')} and ${plural(total.comments, 'comment')} match`),
  );
}

function renderDidYouMean(result) {
  const box = $('did-you-mean');
  if (!result.did_you_mean) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const suggestion = {...current, q: result.did_you_mean, offset: 0};
  const link = el('a', {href: urlFor(suggestion), text: result.did_you_mean});
  link.addEventListener('click', (event) => {
    event.preventDefault();
    go(suggestion);
  });
  box.replaceChildren(document.createTextNode('Did you mean '), link, document.createTextNode('?'));
  box.hidden = false;
}

/** "tag:\"John Kerry\"" → {field: "tag", value: "John Kerry"}. */
function describeFilter(filter) {
  const colon = filter.indexOf(':');
  if (colon < 0) return {field: '', value: filter};
  let value = filter.slice(colon + 1);
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    value = value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return {field: filter.slice(0, colon), value};
}

function renderSelectedFilters(search) {
  const box = $('selected-filters');
  box.replaceChildren(
    ...search.filters.map((filter) => {
      const {field, value} = describeFilter(filter);
      const label = field === 'date' ? readableRange(value) : value;
      return el(
        'button',
        {
          type: 'button',
          class: 'chip',
          'aria-label': `Remove filter ${field} ${label}`,
          onclick: () => toggleFilter(filter),
        },
        el('span', {class: 'chip-field', text: field}),
        document.createTextNode(label),
        el('span', {class: 'chip-x', 'aria-hidden': 'true', text: '×'}),
      );
    }),
  );
  if (search.filters.length > 1) {
    box.append(
      el('button', {
        type: 'button',
        class: 'link-button',
        text: 'Clear all',
        onclick: () => go(withChanges({filters: []})),
      }),
    );
  }
}

function renderFacets(search, facets) {
  const box = $('facets');
  const names = [
    ...FACET_ORDER.filter((name) => name in facets),
    ...Object.keys(facets).filter((name) => name !== 'date' && !FACET_ORDER.includes(name)),
  ];
  const shown = names.filter((name) => facets[name].values.length > 0);
  box.replaceChildren(...shown.map((name) => renderFacet(search, name, facets[name])));
  document.querySelector('.layout').classList.toggle('no-sidebar', shown.length === 0);
}

function renderFacet(search, name, facet) {
  const titleId = `facet-${name}`;
  const items = facet.values.map((value) => {
    const selected = value.selected || search.filters.includes(value.filter);
    const title =
      name === 'kind' ? (value.value === 'comment' ? 'Reader comments' : 'Articles') : value.value;
    return el(
      'li',
      {},
      el(
        'button',
        {
          type: 'button',
          class: 'facet-value',
          'aria-pressed': selected ? 'true' : 'false',
          'data-filter': value.filter,
          title: `${value.articles} articles, ${value.comments} comments`,
          onclick: () => toggleFilter(value.filter),
        },
        el('span', {class: 'check', 'aria-hidden': 'true'}),
        el('span', {class: 'facet-label', text: title}),
        el('span', {class: 'count', text: value.count.toLocaleString('en')}),
      ),
    );
  });
  const left = facet.values_left_out
    ? el('p', {class: 'left-out', text: `and ${plural(facet.values_left_out, 'more')}`})
    : null;
  return el(
    'section',
    {class: 'facet', 'aria-labelledby': titleId, 'data-facet': name},
    el('h2', {id: titleId, text: FACET_TITLES[name] || name}),
    el('ul', {}, ...items),
    left,
  );
}

function renderHits(hits) {
  $('hits').replaceChildren(...hits.map(renderHit));
}

function renderHit(hit) {
  const title = hit.title || hit.id || hit.key;
  const heading = el(
    'h3',
    {class: 'hit-title'},
    isWebAddress(hit.url) ? el('a', {href: hit.url, rel: 'noopener noreferrer', text: title}) : title,
  );
  const meta = el('p', {class: 'meta'});
  const parts = [
    hit.site && el('span', {class: 'site', text: hit.site}),
    hit.published && el('time', {datetime: hit.published, text: readableDate(hit.published)}),
    hit.authors?.length && el('span', {text: `by ${hit.authors.join(', ')}`}),
    hit.type && el('span', {class: 'type', text: hit.type}),
  ].filter(Boolean);
  parts.forEach((part, index) => {
    if (index > 0) meta.append(el('span', {class: 'dot', 'aria-hidden': 'true', text: ' · '}));
    meta.append(part);
  });

  const snippet = hit.snippet
    ? el('p', {class: 'snippet'}, snippetFragment(hit.snippet))
    : !hit.article_matched
      ? el('p', {class: 'snippet muted', text: 'Only reader comments under this article match.'})
      : null;

  const tags = hit.tags?.length
    ? el(
        'ul',
        {class: 'tags', 'aria-label': 'Tags'},
        ...hit.tags.map((tag) =>
          el(
            'li',
            {},
            el('button', {
              type: 'button',
              class: 'tag',
              text: tag,
              'aria-label': `Filter by tag ${tag}`,
              onclick: () => toggleFilter(tagFilter(tag)),
            }),
          ),
        ),
      )
    : null;

  return el(
    'li',
    {class: 'hit', 'data-key': hit.key},
    heading,
    meta,
    snippet,
    tags,
    renderThread(hit),
  );
}

/** Only http(s) addresses become links: a scraped `javascript:` URL must not run. */
function isWebAddress(url) {
  return /^https?:\/\//i.test(url || '');
}

/** The query-language filter for a tag, quoted when it is more than one plain word. */
function tagFilter(tag) {
  return /^[\p{L}\p{N}_.-]+$/u.test(tag)
    ? `tag:${tag}`
    : `tag:"${tag.replace(/["\\]/g, '\\$&')}"`;
}

function renderThread(hit) {
  if (!hit.comment_count) return null;
  const box = el('div', {class: 'thread'});
  const heading = el('p', {
    class: 'thread-title',
    text: hit.matched_comments
      ? `${hit.matched_comments} of ${plural(hit.comment_count, 'reader comment')} match`
      : plural(hit.comment_count, 'reader comment'),
  });
  const list = el('ol', {class: 'comments'}, ...(hit.comments || []).map(renderMatchedComment));
  const button = el('button', {
    type: 'button',
    class: 'thread-button',
    'aria-expanded': 'false',
    text: `Show all ${plural(hit.comment_count, 'comment')}`,
  });
  const full = el('ol', {class: 'comments full', hidden: true});
  button.addEventListener('click', () => toggleThread(hit, button, list, full));
  box.append(heading, list, full, button);
  return box;
}

function commentHeader(comment) {
  return el(
    'p',
    {class: 'comment-meta'},
    el('span', {class: 'position', text: `#${comment.position}`}),
    el('span', {
      class: comment.author ? 'author' : 'author anonymous',
      text: comment.author || 'anonymous',
    }),
    comment.in_reply_to ? el('span', {class: 'reply', text: `replying to ${comment.in_reply_to}`}) : null,
  );
}

function renderMatchedComment(comment) {
  return el(
    'li',
    {class: 'comment matched'},
    commentHeader(comment),
    el('p', {class: 'comment-text'}, snippetFragment(comment.snippet || '')),
  );
}

async function toggleThread(hit, button, matchedList, fullList) {
  const open = button.getAttribute('aria-expanded') === 'true';
  if (open) {
    fullList.hidden = true;
    matchedList.hidden = false;
    button.setAttribute('aria-expanded', 'false');
    button.textContent = `Show all ${plural(hit.comment_count, 'comment')}`;
    return;
  }
  if (!fullList.hasChildNodes()) {
    button.disabled = true;
    button.textContent = 'Loading the thread…';
    try {
      const thread = await fetchJson(`api/articles/${encodeURIComponent(hit.id || hit.key)}`);
      const matched = new Map((hit.comments || []).map((comment) => [comment.position, comment]));
      fullList.replaceChildren(
        ...thread.article.comments.map((comment) => {
          // A matching comment keeps its marked words when its snippet is the whole text.
          const snippet = matched.get(comment.position)?.snippet;
          const marked = snippet && snippetFragment(snippet);
          return el(
            'li',
            {class: matched.has(comment.position) ? 'comment matched' : 'comment'},
            commentHeader(comment),
            marked && marked.textContent === comment.text
              ? el('p', {class: 'comment-text'}, marked)
              : el('p', {class: 'comment-text', text: comment.text}),
          );
        }),
      );
    } catch (error) {
      button.disabled = false;
      button.textContent = `Cannot load the thread (${error.message}); try again`;
      return;
    }
    button.disabled = false;
  }
  fullList.hidden = false;
  matchedList.hidden = true;
  button.setAttribute('aria-expanded', 'true');
  button.textContent = 'Show only matching comments';
}

function renderPager(search, result) {
  const total = result.total.hits;
  const shown = (result.hits || []).length;
  const pager = $('pager');
  pager.hidden = total <= PAGE_SIZE && search.offset === 0;
  $('page-info').textContent = shown
    ? `${(search.offset + 1).toLocaleString('en')}–${(search.offset + shown).toLocaleString('en')} of ${total.toLocaleString('en')}`
    : '';
  $('prev').disabled = search.offset === 0;
  $('next').disabled = !result.next_cursor && search.offset + shown >= total;
}

// ---------------------------------------------------------------------------------------------
// The date histogram: one bar per bucket of the `date` facet; drag across bars (or use the
// arrow keys with Shift) to choose a range, which becomes one `date:A..B` filter.

/** A bucket's first and last day, from its filter ("date:2016-09", "date:2016-09-12..2016-09-18"). */
function bucketRange(filter) {
  const period = filter.replace(/^date:/, '');
  const [first, last = first] = period.split('..');
  return {start: firstDay(first), end: lastDay(last)};
}

function firstDay(period) {
  if (/^\d{4}$/.test(period)) return `${period}-01-01`;
  if (/^\d{4}-\d{2}$/.test(period)) return `${period}-01`;
  return period;
}

function lastDay(period) {
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  if (/^\d{4}-\d{2}$/.test(period)) {
    const [year, month] = period.split('-').map(Number);
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${period}-${String(days).padStart(2, '0')}`;
  }
  return period;
}

function readableRange(period) {
  const [first, last] = period.split('..');
  if (last === undefined) return first;
  if (!first) return `until ${last}`;
  if (!last) return `from ${first}`;
  return `${first} – ${last}`;
}

function dateFilterOf(search) {
  return search.filters.find((filter) => filter.startsWith('date:'));
}

function renderHistogram(search, facet) {
  const section = $('timeline');
  const values = facet?.values || [];
  section.hidden = values.length < 2 && !dateFilterOf(search);
  const chart = $('histogram');
  const axis = $('histogram-axis');
  if (values.length === 0) {
    chart.replaceChildren();
    axis.replaceChildren();
    return;
  }
  const selected = dateFilterOf(search);
  const selectedRange = selected ? bucketRange(selected) : null;
  const max = Math.max(1, ...values.map((value) => value.count));
  const unit = {day: 'day', week: 'week of', month: 'month', year: 'year'}[facet.bucket] || '';
  const bars = values.map((value, index) => {
    const range = bucketRange(value.filter);
    const inSelection =
      selectedRange && range.start <= selectedRange.end && range.end >= selectedRange.start;
    const bar = el(
      'button',
      {
        type: 'button',
        class: inSelection ? 'bar selected' : 'bar',
        'data-index': index,
        'data-filter': value.filter,
        tabindex: index === 0 ? 0 : -1,
        'aria-pressed': inSelection ? 'true' : 'false',
        'aria-label': `${unit} ${value.value}: ${plural(value.count, 'match', 'matches')}`,
        title: `${value.value}: ${value.count}`,
      },
      el('span', {class: 'bar-fill', style: `height:${Math.max(value.count ? 4 : 0, (100 * value.count) / max)}%`}),
    );
    return bar;
  });
  chart.replaceChildren(...bars);
  chart.dataset.bucket = facet.bucket || '';
  const first = values[0].value;
  const last = values[values.length - 1].value;
  axis.replaceChildren(el('span', {text: first}), el('span', {text: `by ${facet.bucket}`}), el('span', {text: last}));
  $('clear-dates').hidden = !selected;
  brush.values = values;
}

const brush = {values: [], anchor: null, focus: null, dragging: false};

function paintBrush(from, to) {
  const [low, high] = from <= to ? [from, to] : [to, from];
  for (const bar of $('histogram').children) {
    const index = Number(bar.dataset.index);
    bar.classList.toggle('brushing', index >= low && index <= high);
  }
}

function chooseRange(from, to) {
  const [low, high] = from <= to ? [from, to] : [to, from];
  const start = bucketRange(brush.values[low].filter).start;
  const end = bucketRange(brush.values[high].filter).end;
  const filter = low === high ? brush.values[low].filter : `date:${start}..${end}`;
  const filters = current.filters.filter((f) => !f.startsWith('date:'));
  go(withChanges({filters: [...filters, filter]}));
}

function barIndexAt(event) {
  const target = document.elementFromPoint(event.clientX, event.clientY)?.closest('.bar');
  if (target && target.parentElement === $('histogram')) return Number(target.dataset.index);
  // Past either end of the chart: the nearest bar.
  const bars = $('histogram').children;
  if (bars.length === 0) return null;
  const box = $('histogram').getBoundingClientRect();
  return event.clientX < box.left ? 0 : event.clientX > box.right ? bars.length - 1 : null;
}

function setUpHistogram() {
  const chart = $('histogram');
  chart.addEventListener('pointerdown', (event) => {
    const index = barIndexAt(event);
    if (index === null || event.button !== 0) return;
    event.preventDefault();
    chart.setPointerCapture(event.pointerId);
    brush.anchor = brush.focus = index;
    brush.dragging = true;
    paintBrush(index, index);
  });
  chart.addEventListener('pointermove', (event) => {
    if (!brush.dragging) return;
    const index = barIndexAt(event);
    if (index === null || index === brush.focus) return;
    brush.focus = index;
    paintBrush(brush.anchor, index);
  });
  const finish = (event) => {
    if (!brush.dragging) return;
    brush.dragging = false;
    if (event.type === 'pointercancel') {
      paintBrush(-1, -1);
      return;
    }
    chooseRange(brush.anchor, brush.focus);
  };
  chart.addEventListener('pointerup', finish);
  chart.addEventListener('pointercancel', finish);
  // Keyboard: arrows move between bars, Shift+arrows stretch a range, Enter or Space chooses.
  chart.addEventListener('keydown', (event) => {
    const bar = event.target.closest('.bar');
    if (!bar) return;
    const index = Number(bar.dataset.index);
    const count = chart.children.length;
    let next = null;
    if (event.key === 'ArrowRight') next = Math.min(count - 1, index + 1);
    else if (event.key === 'ArrowLeft') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      chooseRange(brush.anchor ?? index, index);
      brush.anchor = null;
      return;
    } else if (event.key === 'Escape') {
      brush.anchor = null;
      paintBrush(-1, -1);
      return;
    } else {
      return;
    }
    event.preventDefault();
    if (event.shiftKey) {
      if (brush.anchor === null) brush.anchor = index;
      paintBrush(brush.anchor, next);
    } else {
      brush.anchor = null;
      paintBrush(-1, -1);
    }
    bar.tabIndex = -1;
    chart.children[next].tabIndex = 0;
    chart.children[next].focus();
  });
  // Clicks are handled by the pointer events above; keep the buttons from submitting twice.
  chart.addEventListener('click', (event) => event.preventDefault());
  $('clear-dates').addEventListener('click', () =>
    go(withChanges({filters: current.filters.filter((f) => !f.startsWith('date:'))})),
  );
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
  setUpHistogram();

  // Filters start folded on a phone, open on a wider screen.
  const wide = window.matchMedia('(min-width: 52rem)');
  const fold = () => ($('refine').open = wide.matches);
  wide.addEventListener('change', fold);
  fold();

  run(current);
}

setUp();
