/* Time and outlets: which articles the graph is drawn from.
   Defines window.newsgraph.scope before graph.js starts (graph.js asks it whether an entity or
   an edge has articles in scope, and an edge's weight in them), then draws the timeline (an SVG
   of articles and stances per day or week, made here: no library) with a date range, a "no
   date" box and the outlet choice. Articles whose date cannot be read are counted apart, under
   "no date", never dropped. Every string is article data: text nodes only. */
(function () {
  "use strict";
  const ng = window.newsgraph;
  const { el } = ng.dom;
  const SVG = "http://www.w3.org/2000/svg";
  const DAY_MS = 86400000;
  const WEEKS_PAST_DAYS = 120; // a longer span is drawn a bar per week
  const CHART = { width: 760, height: 64, bottom: 13, noDateGap: 48 };
  const NO_OUTLET = "(no outlet)";

  const articles = ng.data.articles;
  const state = { from: 0, to: 0, noDate: true, outlets: null, passing: null };
  const bins = makeBins();

  function dayNumber(day) {
    return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
  }

  function dayText(number) {
    return new Date(number * DAY_MS).toISOString().slice(0, 10);
  }

  /* One bin a day, or a week (from Monday) past WEEKS_PAST_DAYS; each article's bin index. */
  function makeBins() {
    const days = articles.filter((a) => a.day).map((a) => dayNumber(a.day));
    if (days.length === 0) return { size: 1, first: 0, count: 0, of: new Map() };
    // a loop, not Math.min(...days): a spread of 100,000 arguments overflows the stack
    const low = days.reduce((a, b) => Math.min(a, b));
    const high = days.reduce((a, b) => Math.max(a, b));
    const size = high - low > WEEKS_PAST_DAYS ? 7 : 1;
    const first = size === 7 ? low - ((low + 3) % 7) : low; // day 0 (1970-01-01) was a Thursday
    const of = new Map();
    for (const article of articles) {
      if (article.day) of.set(article.id, Math.floor((dayNumber(article.day) - first) / size));
    }
    return { size, first, count: Math.floor((high - first) / size) + 1, of };
  }

  function binStart(index) {
    return dayText(bins.first + index * bins.size);
  }

  function binEnd(index) {
    return dayText(bins.first + index * bins.size + bins.size - 1);
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

  /* Per bin (and the last one for "no date"): articles and stances. */
  function tally() {
    const stances = stancesPerArticle();
    const perBin = Array.from({ length: bins.count + 1 }, () => ({ articles: 0, stances: 0 }));
    for (const article of articles) {
      const bin = bins.of.has(article.id) ? bins.of.get(article.id) : bins.count;
      perBin[bin].articles += 1;
      perBin[bin].stances += stances.get(article.id) || 0;
    }
    return perBin;
  }

  function svgEl(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Drawn in the container's own pixels (measured once), so text keeps its size. */
  function drawChart(perBin, width) {
    const { height, bottom, noDateGap } = CHART;
    const slots = bins.count + 1;
    const slot = (width - noDateGap) / slots;
    // Scaled to the busiest day: the "no date" bar (often the tallest) is capped, its count written.
    const top = Math.max(1, ...perBin.slice(0, bins.count).map((b) => b.articles));
    const scale = (value) => Math.min(1, value / top) * (height - bottom - 12);
    const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "timeline-chart", role: "img" });
    svg.append(svgEl("title", {}, `Articles and stances per ${bins.size === 7 ? "week" : "day"}`));
    perBin.forEach((bin, index) => {
      const x = index * slot + (index === bins.count ? noDateGap : 0);
      const group = svgEl("g", { class: index === bins.count ? "bin no-date" : "bin", "data-bin": index });
      const articleHeight = scale(bin.articles);
      group.append(svgEl("rect", { class: "bar-articles", x, width: Math.max(1, slot - 1),
        y: height - bottom - articleHeight, height: articleHeight }));
      const stanceHeight = Math.min(articleHeight, scale(bin.stances));
      group.append(svgEl("rect", { class: "bar-stances", x: x + slot * 0.25, width: Math.max(1, slot * 0.5 - 1),
        y: height - bottom - stanceHeight, height: stanceHeight }));
      const when = index === bins.count ? "no date" : bins.size === 7 ? `week of ${binStart(index)}` : binStart(index);
      group.append(svgEl("title", {}, `${when}: ${bin.articles} articles, ${bin.stances} stances`));
      svg.append(group);
    });
    const axis = (x, text, anchor) => svg.append(svgEl("text", { x, y: height - 3, class: "axis", "text-anchor": anchor }, text));
    if (bins.count > 0) {
      axis(0, binStart(0), "start");
      axis(bins.count * slot, binEnd(bins.count - 1), "end");
    }
    axis(width - 2, "no date", "end");
    const undated = perBin[bins.count].articles;
    svg.append(svgEl("text", { x: width - slot / 2, y: height - bottom - scale(undated) - 2, class: "axis",
      "text-anchor": "middle" }, String(undated)));
    svg.append(svgEl("rect", { class: "range-shade", x: 0, y: 0, width: 0, height: height - bottom }));
    return { svg, slot };
  }

  function shade(chart) {
    const rect = chart.svg.querySelector(".range-shade");
    rect.setAttribute("x", String(state.from * chart.slot));
    rect.setAttribute("width", String(Math.max(0, (state.to - state.from + 1) * chart.slot)));
    for (const group of chart.svg.querySelectorAll(".bin")) {
      const index = Number(group.dataset.bin);
      const inside = index === bins.count ? state.noDate : index >= state.from && index <= state.to;
      group.classList.toggle("out", !inside);
    }
  }

  /* Dragging across the chart chooses the range; a click on one bar, that bar alone. */
  function bindDrag(chart, setRange) {
    const binAt = (event) => {
      const box = chart.svg.getBoundingClientRect();
      const x = event.clientX - box.left;
      return Math.max(0, Math.min(bins.count - 1, Math.floor(x / chart.slot)));
    };
    let start = null;
    chart.svg.addEventListener("pointerdown", (event) => { start = binAt(event); });
    chart.svg.addEventListener("pointerup", (event) => {
      if (start === null) return;
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
    const chart = drawChart(perBin, Math.max(240, dates.clientWidth || CHART.width));
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
    const legend = el("p", "timeline-legend muted", el("span", "key-articles"), " articles ",
      el("span", "key-stances"), " stances, per ", bins.size === 7 ? "week" : "day", " · drag across the bars to choose dates");
    dates.append(chart.svg, legend, el("div", "range-row", el("label", null, "From ", fromText, from),
      el("label", null, "to ", toText, to), reset, el("label", "check", noDate, `Articles with no date (${undated})`)), status);
    bindDrag(chart, setRange);
    update();
  }

  const container = document.getElementById("scope");
  if (container && articles.length > 0) build(container);
  else if (container) container.hidden = true;
})();
