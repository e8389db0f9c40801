/* The tables. Small ones (skipped inputs, possible duplicates) are in the page and sorted in
   place. The big ones (entities, relations, processed articles: hundreds of thousands of rows
   for a large corpus) are built here from the JSON data block, a page of rows at a time:
   sorting and filtering work on the data, and only the rows shown exist in the DOM.
   Click a column header to sort, click again to reverse. Columns marked data-sort="number"
   compare as numbers; text compares accent- and case-insensitively. Every string comes from
   scraped articles: it only ever becomes text nodes (ng.dom.el) or an http(s) link's href. */
(function () {
  "use strict";
  const ng = window.newsgraph;
  const { el, clear } = ng.dom;
  const PAGE_ROWS = 500;
  const FILTER_DELAY_MS = 150;
  const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

  function chip(colour, className) {
    const span = el("span", className);
    span.style.color = colour; // the swatch classes paint with currentColor
    return span;
  }

  function linkButton(className, text, key, value) {
    const button = el("button", className, text);
    button.type = "button";
    button.dataset[key] = value;
    return button;
  }

  function entityCell(id) {
    return el("td", null, linkButton("link", ng.labelOf(id), "nodeId", id));
  }

  function kindCell(relation) {
    const item = ng.index.kinds.get(relation.kind);
    const line = chip(item ? item.colour : "#999", "swatch-line");
    if (relation.directed) line.classList.add("directed");
    const button = linkButton("link kind", null, "edgeId", relation.id);
    button.append(line, ng.kindName(relation.kind));
    return el("td", null, button);
  }

  function typeCell(type) {
    const item = ng.index.types.get(type);
    return el("td", null, chip(item ? item.colour : "#999", "swatch-dot"), type);
  }

  function urlCell(url) {
    if (!ng.isWebUrl(url)) return el("td", "url", url);
    const link = el("a", null, url);
    link.href = url;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    return el("td", "url", link);
  }

  /* The date as the input gave it, and what is wrong with it (timeline.py's date_note). */
  const DATE_NOTES = { unreadable: "cannot be read", future: "after the report's day" };

  function dateCell(article) {
    const note = DATE_NOTES[article.dateNote];
    return el("td", "date", article.date, note ? el("span", "date-note", ` (${note})`) : null);
  }

  function campCell(entity) {
    if (!entity.camp) return el("td", "num");
    return el("td", "num", chip(ng.camps.colour(entity), "swatch-dot"), String(entity.camp));
  }

  const firstEvidence = (relation) => (relation.evidence.length ? relation.evidence[0].sentence : "");
  const number = (value) => el("td", "num", String(value));

  /* Per table: where its rows come from, and per column the sort value and the cell. */
  const TABLES = {
    "entities-table": {
      rows: () => ng.data.entities,
      columns: [
        { value: (e) => e.label, cell: (e) => entityCell(e.id) },
        { value: (e) => e.type, cell: (e) => typeCell(e.type) },
        { value: (e) => e.mentions, cell: (e) => number(e.mentions) },
        { value: (e) => e.articles.length, cell: (e) => number(e.articles.length) },
        { value: (e) => e.influence, cell: (e) => number(e.camp ? e.influence.toFixed(2) : ""),
          csv: (e) => (e.camp ? e.influence.toFixed(2) : "") },
        { value: (e) => e.stancesIn + e.stancesOut,
          cell: (e) => number(e.camp ? `${e.stancesIn} / ${e.stancesOut}` : ""),
          csv: (e) => (e.camp ? `${e.stancesIn} / ${e.stancesOut}` : "") },
        { value: (e) => e.camp, cell: campCell, csv: (e) => e.camp || "" },
        { value: (e) => e.aliases.join(" · "), cell: (e) => el("td", "aliases", e.aliases.join(" · ")),
          csv: (e) => e.aliases.join(" | ") },
      ],
      rowData: (e) => ({ nodeId: e.id }),
    },
    "relations-table": {
      rows: () => ng.data.relations,
      columns: [
        { value: (r) => ng.labelOf(r.source), cell: (r) => entityCell(r.source) },
        { value: (r) => ng.kindName(r.kind), cell: kindCell },
        { value: (r) => ng.labelOf(r.target), cell: (r) => entityCell(r.target) },
        { value: (r) => r.weight, cell: (r) => number(r.weight) },
        { value: (r) => (r.confidence == null ? -1 : r.confidence),
          cell: (r) => el("td", "num", r.confidence == null ? "" : r.confidence.toFixed(2)),
          csv: (r) => (r.confidence == null ? "" : r.confidence) },
        { value: firstEvidence, cell: (r) => el("td", "evidence", firstEvidence(r)) },
      ],
      rowData: (r) => ({ edgeId: r.id }),
    },
    "articles-table": {
      rows: () => ng.data.articles,
      columns: [
        { value: (a) => a.id, cell: (a) => el("td", "mono", a.id) },
        { value: (a) => a.title, cell: (a) => el("td", null, a.title) },
        { value: (a) => a.lang, cell: (a) => el("td", null, a.lang) },
        { value: (a) => a.words, cell: (a) => number(a.words) },
        { value: (a) => a.date, cell: dateCell },
        { value: (a) => a.source, cell: (a) => el("td", null, a.source) },
        { value: (a) => a.url, cell: (a) => urlCell(a.url) },
      ],
    },
  };

  /* One data-built table: its rows in the current order, those matching the filter, and
     how many of them are in the DOM. */
  class LazyTable {
    constructor(table, spec) {
      this.table = table;
      this.spec = spec;
      this.ordered = spec.rows().slice();
      this.matching = this.ordered;
      this.query = "";
      this.columnQueries = spec.columns.map(() => "");
      this.searchText = null; // built on the first filter: most readers never filter
      this.shown = 0;
      this.status = document.getElementById(`${table.id}-status`);
      this.more = document.querySelector(`button[data-more="${table.id}"]`);
      if (this.more) this.more.addEventListener("click", () => this.showMore());
      this.render();
    }

    sort(column, numeric, sign) {
      const value = this.spec.columns[column].value;
      const keyed = this.ordered.map((row) => ({ row, key: sortKey(value(row), numeric) }));
      const compare = numeric ? (a, b) => a - b : (a, b) => collator.compare(a, b);
      keyed.sort((a, b) => sign * compare(a.key, b.key)); // stable: ties keep the previous order
      this.ordered = keyed.map((item) => item.row);
      this.filter(this.query);
    }

    filter(query) {
      this.query = ng.normalise(query);
      this.refilter();
    }

    /* The column filters combine with each other and with the table's filter: "supports"
       under Kind and "macron" under Source keep Macron's supports only. */
    filterColumn(column, query) {
      this.columnQueries[column] = ng.normalise(query);
      this.refilter();
    }

    refilter() {
      const columns = this.columnQueries.map((query, column) => [column, query]).filter(([, q]) => q);
      if (!this.query && columns.length === 0) {
        this.matching = this.ordered;
      } else {
        if (!this.searchText) this.searchText = this.indexText();
        this.matching = this.ordered.filter((row) => {
          const texts = this.searchText.get(row);
          return texts.all.includes(this.query) && columns.every(([column, query]) => texts.cells[column].includes(query));
        });
      }
      this.render();
    }

    indexText() {
      const text = new Map();
      for (const row of this.ordered) {
        const cells = this.spec.columns.map((c) => ng.normalise(c.value(row)));
        text.set(row, { cells, all: cells.join(" ") });
      }
      return text;
    }

    render() {
      clear(this.table.tBodies[0]);
      this.shown = 0;
      this.showMore();
    }

    showMore() {
      const end = Math.min(this.matching.length, this.shown + PAGE_ROWS);
      const fragment = document.createDocumentFragment();
      for (const row of this.matching.slice(this.shown, end)) {
        const line = el("tr", null, ...this.spec.columns.map((column) => column.cell(row)));
        // graph.js opens the node or edge of a clicked row (its own buttons take precedence)
        if (this.spec.rowData) Object.assign(line.dataset, this.spec.rowData(row));
        fragment.append(line);
      }
      this.table.tBodies[0].append(fragment);
      this.shown = end;
      this.report();
    }

    report() {
      const total = this.ordered.length;
      const of = this.matching !== this.ordered ? `${this.matching.length} matching of ${total}` : `${total}`;
      if (this.status) this.status.textContent = `Showing ${this.shown} of ${of}`;
      if (this.more) this.more.hidden = this.shown >= this.matching.length;
    }
  }

  // --- CSV ---------------------------------------------------------------------------------

  /* First characters that make a spreadsheet run a cell as a formula: such a text cell gets a
     leading apostrophe, as graph/export_files.py's spreadsheet_safe does (article text is
     untrusted; "=HYPERLINK(…)" must stay words). Numbers stay numbers. */
  const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];

  function csvCell(value) {
    if (typeof value === "number") return String(value);
    let text = value == null ? "" : String(value);
    if (FORMULA_STARTS.some((start) => text.startsWith(start))) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  /* Every row the filters keep (not only the page of them in the DOM), in the order shown,
     each column as the table shows it; the header row is the table's. */
  function tableCsv(lazyTable) {
    const headers = Array.from(lazyTable.table.tHead.rows[0].cells, (cell) => cell.textContent.trim());
    const columns = lazyTable.spec.columns.map((column) => column.csv || column.value);
    const lines = [headers.map(csvCell).join(",")];
    for (const row of lazyTable.matching) lines.push(columns.map((text) => csvCell(text(row))).join(","));
    return lines.join("\n") + "\n";
  }

  function downloadCsv(id) {
    const blob = new Blob([tableCsv(lazy.get(id))], { type: "text/csv;charset=utf-8" });
    const link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${id.replace(/-table$/, "")}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  function sortKey(value, numeric) {
    if (!numeric) return String(value);
    const parsed = typeof value === "number" ? value : Number.parseFloat(value);
    return Number.isNaN(parsed) ? -Infinity : parsed;
  }

  function cellKey(row, column, numeric) {
    return sortKey(row.cells[column] ? row.cells[column].textContent.trim() : "", numeric);
  }

  /* Numbers start from the largest (the useful end); text from A. */
  function nextDirection(header, numeric) {
    const current = header.getAttribute("aria-sort");
    if (current === "ascending") return "descending";
    if (current === "descending") return "ascending";
    return numeric ? "descending" : "ascending";
  }

  function sortRowsInPlace(table, column, numeric, sign) {
    const body = table.tBodies[0];
    const compare = numeric ? (a, b) => a - b : (a, b) => collator.compare(a, b);
    const keyed = Array.from(body.rows, (row) => ({ row, key: cellKey(row, column, numeric) }));
    keyed.sort((a, b) => sign * compare(a.key, b.key));
    const fragment = document.createDocumentFragment();
    for (const item of keyed) fragment.append(item.row);
    body.append(fragment);
  }

  const lazy = new Map();

  function sortTable(header) {
    const table = header.closest("table");
    const numeric = header.dataset.sort === "number";
    const direction = nextDirection(header, numeric);
    for (const other of header.parentElement.cells) other.removeAttribute("aria-sort");
    header.setAttribute("aria-sort", direction);
    const sign = direction === "ascending" ? 1 : -1;
    if (lazy.has(table.id)) lazy.get(table.id).sort(header.cellIndex, numeric, sign);
    else sortRowsInPlace(table, header.cellIndex, numeric, sign);
  }

  for (const [id, spec] of Object.entries(TABLES)) {
    const table = document.getElementById(id);
    if (table) lazy.set(id, new LazyTable(table, spec));
  }

  /* A row of filter boxes under the headers of each data-built table. */
  function addColumnFilters(table, lazyTable) {
    const row = el("tr", "column-filters");
    for (const header of table.tHead.rows[0].cells) {
      const input = el("input", "column-filter");
      input.type = "search";
      input.placeholder = "filter";
      input.setAttribute("aria-label", `Filter the ${header.textContent.trim()} column`);
      input.dataset.column = String(header.cellIndex);
      let timer = 0;
      input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(() => lazyTable.filterColumn(header.cellIndex, input.value), FILTER_DELAY_MS);
      });
      row.append(el("td", null, input));
    }
    table.tHead.append(row);
  }

  for (const [id, lazyTable] of lazy) addColumnFilters(document.getElementById(id), lazyTable);

  for (const input of document.querySelectorAll("input.table-filter")) {
    let timer = 0;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => lazy.get(input.dataset.table).filter(input.value), FILTER_DELAY_MS);
    });
  }

  for (const button of document.querySelectorAll("button.table-csv")) {
    if (lazy.has(button.dataset.table)) button.addEventListener("click", () => downloadCsv(button.dataset.table));
    else button.hidden = true;
  }

  document.addEventListener("click", (event) => {
    const header = event.target.closest("table.sortable th[data-sort]");
    if (header) sortTable(header);
  });
})();
