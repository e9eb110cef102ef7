// Filters in the query language's form, as facet values carry them (`tag:"John Kerry"`,
// `date:2016-09-12..2016-09-18`), and the date periods they name.

/** "tag:\"John Kerry\"" → {field: "tag", value: "John Kerry"}. */
export function describeFilter(filter) {
  const colon = filter.indexOf(':');
  if (colon < 0)
    return {field: '', value: filter};
  let value = filter.slice(colon + 1);
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    value = value.slice(1, -1).replace(/\\(["\\])/g, '$1');
  }
  return {field: filter.slice(0, colon), value};
}

/**
 * The filter for a tag, written as the server writes a facet value's `filter` (query/facets.cc):
 * quoted, with `"` and `\` escaped, when it is empty or holds a space, a parenthesis or a quote.
 */
export function tagFilter(tag) {
  return tag && !/[ \t\n\r()"]/.test(tag) ? `tag:${tag}` : `tag:"${tag.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * A bucket's first and last day, from its filter ("date:2016-09", "date:2016-09-12..2016-09-18").
 */
export function bucketRange(filter) {
  const period = filter.replace(/^date:/, '');
  const [first, last = first] = period.split('..');
  return {start: firstDay(first), end: lastDay(last)};
}

function firstDay(period) {
  if (/^\d{4}$/.test(period))
    return `${period}-01-01`;
  if (/^\d{4}-\d{2}$/.test(period))
    return `${period}-01`;
  return period;
}

function lastDay(period) {
  if (/^\d{4}$/.test(period))
    return `${period}-12-31`;
  if (/^\d{4}-\d{2}$/.test(period)) {
    const [year, month] = period.split('-').map(Number);
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${period}-${String(days).padStart(2, '0')}`;
  }
  return period;
}

export function readableRange(period) {
  const [first, last] = period.split('..');
  if (last === undefined)
    return first;
  if (!first)
    return `until ${last}`;
  if (!last)
    return `from ${first}`;
  return `${first} – ${last}`;
}

export function dateFilterOf(search) {
  return search.filters.find((filter) => filter.startsWith('date:'));
}
