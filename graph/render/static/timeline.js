/* Time and outlets: which articles the graph is drawn from.
   Defines window.newsgraph.scope before graph.js starts (graph.js asks it whether an entity or
   an edge has articles in scope, and an edge's weight in them), then draws the timeline (an SVG
   of articles and stances per day or week, made here: no library) with a date range, a "no
   date" box and the outlet choice. The bars cover the main span of the dates (payload
   `timeline`, chosen by render/timeline.py): articles dated before or after it are gathered in
   an "earlier" and a "later" bar, counted and in the range like any other, so one article dated
   years off does not squash the rest into a corner. Articles whose date cannot be read are
   counted apart, under "no date", never dropped. Every string is article data: text nodes only. */
(function () {
  "use strict";
  const ng = window.newsgraph;
  const { el } = ng.dom;
  const SVG = "http://www.w3.org/2000/svg";
  const DAY_MS = 86400000;
  const WEEKS_PAST_DAYS = 120; // a longer span is drawn a bar per week
  // outer: the width of the "earlier", "later" and "no date" bars; gap: the space setting
  // "earlier" and "later" apart from the main span, noDateGap the "no date" bar
  const CHART = { width: 760, height: 64, bottom: 13, top: 12, outer: 40, gap: 10, noDateGap: 48 };
  const NO_OUTLET = "(no outlet)";

  const articles = ng.data.articles;
  const span = ng.data.timeline || {};
  const state = { from: 0, to: 0, noDate: true, outlets: null, passing: null };
  const bins = makeBins();

  function dayNumber(day) {
    return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
  }

  function dayText(number) {
    return new Date(number * DAY_MS).toISOString().slice(0, 10);
  }

  /* The bins, in order: "earlier" (when an article is dated before the main span), one a day
     or a week (from Monday) past WEEKS_PAST_DAYS across the main span, "later"; each a span of
     days, and each article's bin index. */
  function makeBins() {
    const days = articles.filter((a) => a.day).map((a) => dayNumber(a.day));
    if (days.length === 0) return { size: 1, spans: [], count: 0, of: new Map() };
    // a loop, not Math.min(...days): a spread of 100,000 arguments overflows the stack
    const low = days.reduce((a, b) => Math.min(a, b));
    const high = days.reduce((a, b) => Math.max(a, b));
    const mainLow = span.first ? Math.max(low, dayNumber(span.first)) : low;
    const mainHigh = span.last ? Math.min(high, dayNumber(span.last)) : high;
    const size = mainHigh - mainLow > WEEKS_PAST_DAYS ? 7 : 1;
    const first = size === 7 ? mainLow - ((mainLow + 3) % 7) : mainLow; // day 0 (1970-01-01) was a Thursday
    const steps = Math.floor((mainHigh - first) / size) + 1;
    const last = first + steps * size - 1;
    const spans = [];
    if (low < first) spans.push({ start: low, end: first - 1, outer: "earlier" });
    const offset = spans.length;
    for (let step = 0; step < steps; step += 1) {
      spans.push({ start: first + step * size, end: first + step * size + size - 1, outer: null });
    }
    if (high > last) spans.push({ start: last + 1, end: high, outer: "later" });
    const of = new Map();
    for (const article of articles) {
      if (!article.day) continue;
      const day = dayNumber(article.day);
      const index = day < first ? 0 : day > last ? spans.length - 1 : offset + Math.floor((day - first) / size);
      of.set(article.id, index);
    }
    return { size, spans, count: spans.length, of };
  }

  function binStart(index) {
    return dayText(bins.spans[index].start);
  }

  function binEnd(index) {
    return dayText(bins.spans[index].end);
  }

  const outletOf = (article) => article.source || NO_OUTLET;

  /* Whether an article is in scope; one the page knows nothing about always is. */
  function articlePasses(id) {
    const article = ng.index.articles.get(id);
    if (!article) return true;
    if (state.outlets && !state.outlets.has(outletOf(article))) return false;
    const bin = bins.of.get(id);
    return bin === undefined ? state.noDate : bin >= state.from && bin <= state.to;
  }

  function active() {
    return state.passing !== null;
  }

  function recompute() {
    const full = state.from === 0 && state.to >= bins.count - 1 && state.noDate && state.outlets === null;
    state.passing = full ? null : new Set(articles.filter((a) => articlePasses(a.id)).map((a) => a.id));
  }

  /* An edge's weight per article; a graph.json older than `by_article` has only its evidence. */
  function perArticle(relation) {
    if (relation.byArticle && Object.keys(relation.byArticle).length > 0) return relation.byArticle;
    const counts = {};
    for (const item of relation.evidence) counts[item.article] = (counts[item.article] || 0) + 1;
    return counts;
  }

  /* An edge's weight counted in the articles in scope (its full weight when all are). */
  function weight(relation) {
    if (!active()) return relation.weight;
    let total = 0;
    for (const [id, count] of Object.entries(perArticle(relation))) {
      if (!ng.index.articles.has(id) || state.passing.has(id)) total += count;
    }
    return total;
  }

  function entityInScope(entity) {
    if (!active()) return true;
    return entity.articles.some((id) => !ng.index.articles.has(id) || state.passing.has(id));
  }

  ng.scope = { weight, entityInScope, articlePasses: (id) => !active() || articlePasses(id), active };

  // --- the chart ---------------------------------------------------------------------------

  function stancesPerArticle() {
    const counts = new Map();
    for (const relation of ng.data.relations) {
      if (!relation.directed) continue;
      for (const [id, count] of Object.entries(relation.byArticle || {})) {
        counts.set(id, (counts.get(id) || 0) + count);
      }
    }
    return counts;
  }

  /* Per bin (and the last one for "no date"): articles and stances, and the dates that are
     wrong: in the future (render/timeline.py's date_note), or given but unreadable. */
  function tally() {
    const stances = stancesPerArticle();
    const perBin = Array.from({ length: bins.count + 1 }, () => ({ articles: 0, stances: 0, wrong: 0 }));
    for (const article of articles) {
      const bin = bins.of.has(article.id) ? bins.of.get(article.id) : bins.count;
      perBin[bin].articles += 1;
      perBin[bin].stances += stances.get(article.id) || 0;
      if (article.dateNote) perBin[bin].wrong += 1;
    }
    return perBin;
  }

  function svgEl(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Where each bar is, {x, w}: the main span shares what "earlier", "later" and "no date"
     (the last) leave of the width. */
  function geometry(width) {
    const { outer, gap, noDateGap } = CHART;
    const outers = bins.spans.filter((item) => item.outer).length;
    const main = bins.count - outers;
    const slot = main > 0 ? (width - noDateGap - outer - outers * (outer + gap)) / main : 0;
    const boxes = [];
    let x = 0;
    for (const item of bins.spans) {
      if (item.outer === "later") x += gap;
      const w = item.outer ? outer : slot;
      boxes.push({ x, w });
      x += w + (item.outer === "earlier" ? gap : 0);
    }
    boxes.push({ x: width - outer, w: outer });
    return boxes;
  }

  function binTitle(index, bin) {
    const counts = `${bin.articles} articles, ${bin.stances} stances`;
    if (index === bins.count) {
      return `no date: ${counts}${bin.wrong ? ` (${bin.wrong} with a date that cannot be read)` : ""}`;
    }
    const item = bins.spans[index];
    if (!item.outer) return `${bins.size === 7 ? "week of " : ""}${binStart(index)}: ${counts}`;
    const future = bin.wrong ? `; ${bin.wrong} dated after the day the report was made, ${span.today}` : "";
    return `${item.outer}, ${binStart(index)} to ${binEnd(index)}: ${counts}${future}`;
  }

  /* Drawn in the container's own pixels (measured once), so text keeps its size. */
  function drawChart(perBin, width) {
    const { height, bottom } = CHART;
    const boxes = geometry(width);
    const isOuter = (index) => index === bins.count || bins.spans[index].outer !== null;
    // Scaled to the busiest bar of the main span: the others (often taller) are capped, counted.
    const top = Math.max(1, ...perBin.filter((bin, index) => !isOuter(index)).map((b) => b.articles));
    const scale = (value) => Math.min(1, value / top) * (height - bottom - CHART.top);
    const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "timeline-chart", role: "img" });
    svg.append(svgEl("title", {}, `Articles and stances per ${bins.size === 7 ? "week" : "day"}`));
    const axis = (x, text, anchor, y = height - 3) => svg.append(svgEl("text", { x, y, class: "axis", "text-anchor": anchor }, text));
    perBin.forEach((bin, index) => {
      const { x, w } = boxes[index];
      const outer = index === bins.count ? "no-date" : bins.spans[index].outer;
      const group = svgEl("g", { class: outer ? `bin outer ${outer}` : "bin", "data-bin": index });
      const articleHeight = scale(bin.articles);
      group.append(svgEl("rect", { class: "bar-articles", x, width: Math.max(1, w - 1),
        y: height - bottom - articleHeight, height: articleHeight }));
      const stanceHeight = Math.min(articleHeight, scale(bin.stances));
      group.append(svgEl("rect", { class: "bar-stances", x: x + w * 0.25, width: Math.max(1, w * 0.5 - 1),
        y: height - bottom - stanceHeight, height: stanceHeight }));
      group.append(svgEl("title", {}, binTitle(index, bin)));
      svg.append(group);
      if (!outer) return;
      axis(x + w / 2, outer === "no-date" ? "no date" : outer, "middle");
      axis(x + w / 2, `${bin.articles}${bin.wrong && outer === "later" ? "!" : ""}`, "middle",
        height - bottom - articleHeight - 2);
    });
    const main = bins.spans.map((item, index) => index).filter((index) => !isOuter(index));
    if (main.length > 0) {
      const [first, last] = [main[0], main[main.length - 1]];
      axis(boxes[first].x, binStart(first), "start");
      axis(boxes[last].x + boxes[last].w, binEnd(last), "end");
    }
    svg.append(svgEl("rect", { class: "range-shade", x: 0, y: 0, width: 0, height: height - bottom }));
    return { svg, boxes };
  }

  function shade(chart) {
    const rect = chart.svg.querySelector(".range-shade");
    if (bins.count > 0) {
      const [from, to] = [chart.boxes[state.from], chart.boxes[state.to]];
      rect.setAttribute("x", String(from.x));
      rect.setAttribute("width", String(Math.max(0, to.x + to.w - from.x)));
    }
    for (const group of chart.svg.querySelectorAll(".bin")) {
      const index = Number(group.dataset.bin);
      const inside = index === bins.count ? state.noDate : index >= state.from && index <= state.to;
      group.classList.toggle("out", !inside);
    }
  }

  /* Dragging across the chart chooses the range; a click on one bar, that bar alone. */
  function bindDrag(chart, setRange) {
    const binAt = (event) => {
      const x = event.clientX - chart.svg.getBoundingClientRect().left;
      const index = chart.boxes.slice(0, bins.count).findIndex((box) => x < box.x + box.w);
      return index === -1 ? Math.max(0, bins.count - 1) : index;
    };
    let start = null;
    chart.svg.addEventListener("pointerdown", (event) => { start = binAt(event); });
    chart.svg.addEventListener("pointerup", (event) => {
      if (start === null || bins.count === 0) return;
      const end = binAt(event);
      setRange(Math.min(start, end), Math.max(start, end));
      start = null;
    });
  }

  // --- the controls ------------------------------------------------------------------------

  function slider(id, value) {
    const input = el("input");
    Object.assign(input, { type: "range", id, min: "0", max: String(Math.max(0, bins.count - 1)), step: "1" });
    input.value = String(value);
    return input;
  }

  function outletChoice(onChange) {
    const counts = new Map();
    for (const article of articles) counts.set(outletOf(article), (counts.get(outletOf(article)) || 0) + 1);
    const names = Array.from(counts.keys()).sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b));
    const box = el("fieldset", "control outlets", el("legend", "control-title", `Outlets (${names.length})`));
    box.id = "outlet-filters";
    const list = el("div", "outlet-list");
    for (const name of names) {
      const input = el("input");
      Object.assign(input, { type: "checkbox", name: "outlet", value: name, checked: true });
      list.append(el("label", "check", input, name, " ", el("span", "muted", `(${counts.get(name)})`)));
    }
    const every = el("button", "link", "all");
    every.type = "button";
    every.addEventListener("click", () => {
      for (const input of list.querySelectorAll("input")) input.checked = true;
      onChange();
    });
    list.addEventListener("change", onChange);
    box.append(list, every);
    return box;
  }

  function checkedOutlets(box) {
    const inputs = Array.from(box.querySelectorAll('input[name="outlet"]'));
    const kept = inputs.filter((input) => input.checked).map((input) => input.value);
    return kept.length === inputs.length ? null : new Set(kept);
  }

  function describe(status) {
    const parts = [];
    if (bins.count > 0) parts.push(`${binStart(state.from)} to ${binEnd(state.to)}`);
    const inScope = state.passing ? state.passing.size : articles.length;
    status.textContent = `${inScope} of ${articles.length} articles in scope (${parts.join("")}${state.noDate ? ", with" : ", without"} those with no date)`;
    status.dataset.articles = String(inScope);
  }

  function build(container) {
    const perBin = tally();
    const undated = perBin[bins.count].articles;
    const dates = el("div", "control dates", el("span", "control-title", "Dates"));
    dates.id = "timeline";
    const outlets = outletChoice(() => update());
    container.append(dates, outlets); // both in place before the chart measures its width
    const chart = drawChart(perBin, Math.max(320, dates.clientWidth || CHART.width));
    const from = slider("date-from", 0);
    const to = slider("date-to", Math.max(0, bins.count - 1));
    const noDate = el("input");
    Object.assign(noDate, { type: "checkbox", id: "include-no-date", checked: true });
    const status = el("output", "status scope-status");
    status.id = "scope-status";
    const fromText = el("output", "mono");
    const toText = el("output", "mono");
    function update() {
      state.from = Math.min(Number(from.value), Number(to.value));
      state.to = Math.max(Number(from.value), Number(to.value));
      state.noDate = noDate.checked;
      state.outlets = checkedOutlets(outlets);
      fromText.textContent = bins.count ? binStart(state.from) : "";
      toText.textContent = bins.count ? binEnd(state.to) : "";
      recompute();
      shade(chart);
      describe(status);
      if (ng.applyFilters) ng.applyFilters();
    }
    const setRange = (low, high) => {
      from.value = String(low);
      to.value = String(high);
      update();
    };
    const reset = el("button", null, "All dates");
    reset.type = "button";
    reset.id = "all-dates";
    reset.addEventListener("click", () => { noDate.checked = true; setRange(0, Math.max(0, bins.count - 1)); });
    for (const input of [from, to, noDate]) input.addEventListener("input", update);
    noDate.addEventListener("change", update);
    const apart = bins.spans.some((item) => item.outer)
      ? " · the bars set apart hold the articles dated before or after the rest" : "";
    const legend = el("p", "timeline-legend muted", el("span", "key-articles"), " articles ",
      el("span", "key-stances"), " stances, per ", bins.size === 7 ? "week" : "day",
      " · drag across the bars to choose dates", apart);
    dates.append(chart.svg, legend, el("div", "range-row", el("label", null, "From ", fromText, from),
      el("label", null, "to ", toText, to), reset, el("label", "check", noDate, `Articles with no date (${undated})`,
        perBin[bins.count].wrong ? el("span", "muted", ` · ${perBin[bins.count].wrong} given but unreadable`) : null)), status);
    bindDrag(chart, setRange);
    update();
  }

  const container = document.getElementById("scope");
  if (container && articles.length > 0) build(container);
  else if (container) container.hidden = true;
})();
