// Drawing a search result: summary, did-you-mean, selected filters, facets, hits with their
// comment threads, and the pager. User actions go back through `actions` (see app.js).
import {$, el, isWebAddress, plural, readableDate, snippetFragment} from './dom.js';
import {describeFilter, readableRange, tagFilter} from './filters.js';
import {renderHistogram} from './histogram.js';
import {FACET_VALUES, fetchJson, PAGE_SIZE} from './search.js';

const FACET_TITLES = {
  tag: 'Tags',
  author: 'Authors',
  site: 'Publications',
  type: 'Type',
  language: 'Language',
  kind: 'Articles or comments',
};
const FACET_ORDER = ['kind', 'tag', 'author', 'site', 'type', 'language'];

/** The page's callbacks (app.js): toggleFilter, clearFilters, searchWith. */
let actions = null;

/** Draws `result`, the server's answer to `search`. */
export function render(search, result, pageActions) {
  actions = pageActions;
  renderSummary(search, result);
  renderDidYouMean(result);
  renderSelectedFilters(search);
  renderHistogram(search, result.facets?.date);
  renderFacets(search, result.facets || {});
  renderHits(result.hits || [], !search.q && search.filters.length === 0);
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
      document.createTextNode(`${what} · ${plural(total.articles, 'article')} and ${
          plural(total.comments, 'comment')} match`),
  );
}

function renderDidYouMean(result) {
  const box = $('did-you-mean');
  if (!result.did_you_mean) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const suggestion = actions.searchWith(result.did_you_mean);
  const link = el('a', {href: suggestion.href, text: result.did_you_mean});
  link.addEventListener('click', (event) => {
    event.preventDefault();
    suggestion.go();
  });
  box.replaceChildren(document.createTextNode('Did you mean '), link, document.createTextNode('?'));
  box.hidden = false;
}

function renderSelectedFilters(search) {
  const count = search.filters.length;
  $('refine-summary').textContent = count ? `Filters (${count} selected)` : 'Filters';
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
              onclick: () => actions.toggleFilter(filter),
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
          onclick: () => actions.clearFilters(),
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
  const unfolded = actions.isUnfolded(name);
  const shown = unfolded ? facet.values : facet.values.slice(0, FACET_VALUES);
  const items = shown.map((value) => {
    const selected = value.selected || search.filters.includes(value.filter);
    const title = name === 'kind' ? (value.value === 'comment' ? 'Reader comments' : 'Articles') :
                                    value.value;
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
              onclick: () => actions.toggleFilter(value.filter),
            },
            el('span', {class: 'check', 'aria-hidden': 'true'}),
            el('span', {class: 'facet-label', text: title}),
            el('span', {class: 'count', text: value.count.toLocaleString('en')}),
            ),
    );
  });
  const more = facet.values.length - shown.length + facet.values_left_out;
  let left = null;
  if (more > 0 && !unfolded) {
    left = el('button', {
      type: 'button',
      class: 'link-button more',
      text: `Show ${more.toLocaleString('en')} more`,
      'aria-label': `Show ${more} more ${FACET_TITLES[name] || name}`,
      onclick: () => actions.unfold(name, true),
    });
  } else if (unfolded) {
    left =
        el('p', {class: 'left-out'}, more > 0 ? `and ${more.toLocaleString('en')} more · ` : '',
           el('button', {
             type: 'button',
             class: 'link-button',
             text: 'Show fewer',
             onclick: () => actions.unfold(name, false),
           }));
  }
  return el(
      'section',
      {class: 'facet', 'aria-labelledby': titleId, 'data-facet': name},
      el('h2', {id: titleId, text: FACET_TITLES[name] || name}),
      el('ul', {}, ...items),
      left,
  );
}

/** `browsing`: no query and no filter, so every comment "matches"; list none of them. */
function renderHits(hits, browsing) {
  $('hits').replaceChildren(...hits.map((hit) => renderHit(hit, browsing)));
}

/** Tags under a hit; each one filters by itself. */
function renderTags(tags) {
  if (tags.length === 0)
    return null;
  const button = (tag) => el('button', {
    type: 'button',
    class: 'tag',
    text: tag,
    'aria-label': `Filter by tag ${tag}`,
    onclick: () => actions.toggleFilter(tagFilter(tag)),
  });
  return el(
      'ul', {class: 'tags', 'aria-label': 'Tags'}, ...tags.map((tag) => el('li', {}, button(tag))));
}

function renderHit(hit, browsing) {
  const title = hit.title || hit.id || hit.key;
  const heading = el(
      'h3',
      {class: 'hit-title'},
      isWebAddress(hit.url) ? el('a', {href: hit.url, rel: 'noopener noreferrer', text: title}) :
                              title,
  );
  const meta = el('p', {class: 'meta'});
  const parts = [
    hit.site && el('span', {class: 'site', text: hit.site}),
    hit.published && el('time', {datetime: hit.published, text: readableDate(hit.published)}),
    hit.authors?.length && el('span', {text: `by ${hit.authors.join(', ')}`}),
    hit.type && el('span', {class: 'type', text: hit.type}),
  ].filter(Boolean);
  parts.forEach((part, index) => {
    if (index > 0)
      meta.append(el('span', {class: 'dot', 'aria-hidden': 'true', text: ' · '}));
    meta.append(part);
  });

  let snippet = null;
  if (hit.snippet) {
    snippet = el('p', {class: 'snippet'}, snippetFragment(hit.snippet));
  } else if (!hit.article_matched) {
    snippet =
        el('p', {class: 'snippet muted', text: 'Only reader comments under this article match.'});
  }

  return el(
      'li',
      {class: 'hit', 'data-key': hit.key},
      heading,
      meta,
      snippet,
      renderTags(hit.tags || []),
      renderThread(hit, browsing),
  );
}

function renderThread(hit, browsing) {
  if (!hit.comment_count)
    return null;
  const box = el('div', {class: 'thread'});
  const heading = el('p', {
    class: 'thread-title',
    text: hit.matched_comments && !browsing ?
        `${hit.matched_comments} of ${plural(hit.comment_count, 'reader comment')} match` :
        plural(hit.comment_count, 'reader comment'),
  });
  const matched = browsing ? [] : hit.comments || [];
  const list = el('ol', {class: 'comments'}, ...matched.map(renderMatchedComment));
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
      comment.in_reply_to ?
          el('span', {class: 'reply', text: `replying to ${comment.in_reply_to}`}) :
          null,
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
                marked && marked.textContent === comment.text ?
                    el('p', {class: 'comment-text'}, marked) :
                    el('p', {class: 'comment-text', text: comment.text}),
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
  $('page-info').textContent = shown ?
      `${(search.offset + 1).toLocaleString('en')}–${
          (search.offset + shown).toLocaleString('en')} of ${total.toLocaleString('en')}` :
      '';
  $('prev').disabled = search.offset === 0;
  $('next').disabled = !result.next_cursor && search.offset + shown >= total;
}
