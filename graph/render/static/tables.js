/* Sortable tables: click a column header to sort, click again to reverse. Columns marked
   data-sort="number" compare as numbers; text compares accent- and case-insensitively. */
(function () {
  "use strict";
  const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

  function sortKey(row, column, numeric) {
    const text = row.cells[column] ? row.cells[column].textContent.trim() : "";
    if (!numeric) return text;
    const value = Number.parseFloat(text);
    return Number.isNaN(value) ? -Infinity : value;
  }

  /* Numbers start from the largest (the useful end); text from A. */
  function nextDirection(header, numeric) {
    const current = header.getAttribute("aria-sort");
    if (current === "ascending") return "descending";
    if (current === "descending") return "ascending";
    return numeric ? "descending" : "ascending";
  }

  function sortTable(header) {
    const table = header.closest("table");
    const body = table.tBodies[0];
    const column = header.cellIndex;
    const numeric = header.dataset.sort === "number";
    const direction = nextDirection(header, numeric);
    for (const other of header.parentElement.cells) other.removeAttribute("aria-sort");
    header.setAttribute("aria-sort", direction);
    const sign = direction === "ascending" ? 1 : -1;
    const compare = numeric ? (a, b) => a - b : (a, b) => collator.compare(a, b);
    const keyed = Array.from(body.rows, (row) => ({ row, key: sortKey(row, column, numeric) }));
    keyed.sort((a, b) => sign * compare(a.key, b.key)); // stable: ties keep the previous order
    const fragment = document.createDocumentFragment();
    for (const item of keyed) fragment.append(item.row);
    body.append(fragment);
  }

  document.addEventListener("click", (event) => {
    const header = event.target.closest("table.sortable th[data-sort]");
    if (header) sortTable(header);
  });
})();
