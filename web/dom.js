// Putting the server's data on the page: everything as text, but for the snippets, of which only
// the text and the <mark>s are kept.

export const $ = (id) => document.getElementById(id);

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false)
      continue;
    if (name === 'class')
      node.className = value;
    else if (name === 'text')
      node.textContent = value;
    else if (name.startsWith('on'))
      node.addEventListener(name.slice(2), value);
    else
      node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false)
      node.append(child);
  }
  return node;
}

const inertDocument = document.implementation.createHTMLDocument('');

/** The snippet's text with its <mark>s, and nothing else of whatever markup it holds. */
export function snippetFragment(html) {
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

export const plural = (count, one, many = one + 's') =>
    `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2016-09-14T08:30:00+02:00" → "14 Sep 2016, 08:30" as the source wrote it (its own zone). */
export function readableDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso || '');
  if (!match)
    return iso || '';
  const [, year, month, day, hour, minute] = match;
  const date = `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
  return hour ? `${date}, ${hour}:${minute}` : date;
}

/** Only http(s) addresses become links: a scraped `javascript:` URL must not run. */
export function isWebAddress(url) {
  return /^https?:\/\//i.test(url || '');
}
