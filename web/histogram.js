// The date histogram: one bar per bucket of the `date` facet. Dragging across bars (or Shift+arrows
// and Enter) chooses a range, handed to `onChoose` as one `date:A..B` filter (null: clear it).
import {$, el, plural} from './dom.js';
import {bucketRange, dateFilterOf} from './filters.js';

export function renderHistogram(search, facet) {
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
        el('span', {
          class: 'bar-fill',
          style: `height:${Math.max(value.count ? 4 : 0, (100 * value.count) / max)}%`
        }),
    );
    return bar;
  });
  chart.replaceChildren(...bars);
  chart.dataset.bucket = facet.bucket || '';
  const first = values[0].value;
  const last = values[values.length - 1].value;
  axis.replaceChildren(
      el('span', {text: first}), el('span', {text: `by ${facet.bucket}`}),
      el('span', {text: last}));
  $('clear-dates').hidden = !selected;
  brush.values = values;
}

const brush = {
  values: [],
  anchor: null,
  focus: null,
  dragging: false,
  onChoose: null,
};

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
  brush.onChoose(filter);
}

function barIndexAt(event) {
  const target = document.elementFromPoint(event.clientX, event.clientY)?.closest('.bar');
  if (target && target.parentElement === $('histogram'))
    return Number(target.dataset.index);
  // Past either end of the chart: the nearest bar.
  const bars = $('histogram').children;
  if (bars.length === 0)
    return null;
  const box = $('histogram').getBoundingClientRect();
  return event.clientX < box.left ? 0 : event.clientX > box.right ? bars.length - 1 : null;
}

export function setUpHistogram(onChoose) {
  brush.onChoose = onChoose;
  const chart = $('histogram');
  chart.addEventListener('pointerdown', (event) => {
    const index = barIndexAt(event);
    if (index === null || event.button !== 0)
      return;
    event.preventDefault();
    chart.setPointerCapture(event.pointerId);
    brush.anchor = brush.focus = index;
    brush.dragging = true;
    paintBrush(index, index);
  });
  chart.addEventListener('pointermove', (event) => {
    if (!brush.dragging)
      return;
    const index = barIndexAt(event);
    if (index === null || index === brush.focus)
      return;
    brush.focus = index;
    paintBrush(brush.anchor, index);
  });
  const finish = (event) => {
    if (!brush.dragging)
      return;
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
    if (!bar)
      return;
    const index = Number(bar.dataset.index);
    const count = chart.children.length;
    let next = null;
    if (event.key === 'ArrowRight')
      next = Math.min(count - 1, index + 1);
    else if (event.key === 'ArrowLeft')
      next = Math.max(0, index - 1);
    else if (event.key === 'Home')
      next = 0;
    else if (event.key === 'End')
      next = count - 1;
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
      if (brush.anchor === null)
        brush.anchor = index;
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
  $('clear-dates')
      .addEventListener(
          'click',
          () => onChoose(null),
      );
}
