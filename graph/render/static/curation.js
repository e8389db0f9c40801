/* Curation: the reader marks edges wrong and merges, keeps apart or renames entities from the
   panel; the corrections collect in the Curation section, for review, and download as the
   alias file `newsgraph build --aliases` reads (graph/aliases.py): [[merge]], [[keep_apart]],
   [[reject]] and [rename]. Names are written as TOML basic strings, every one escaped. */
(function () {
  "use strict";
  const ng = window.newsgraph;
  const { el, clear } = ng.dom;
  const list = document.getElementById("curation-list");
  if (!list) return; // the graph-only page (notebooks) has no curation
  const items = [];

  /* A TOML basic string: JSON's escapes are TOML's, but for DEL, which TOML wants escaped. */
  function tomlString(text) {
    return JSON.stringify(String(text)).replace(/\u007f/g, "\\u007f");
  }

  /* The names the merge rules know an entity by: its label when it was written so, else the
     label and its first aliases (a gazetteer label such as "France" may never be written). */
  function namesOf(id) {
    const entity = ng.index.entities.get(id);
    const written = entity.aliases.map(ng.normalise);
    if (written.includes(ng.normalise(entity.label))) return [entity.label];
    return [entity.label, ...entity.aliases.slice(0, 3)];
  }

  /* A name the entity was written as (a rename applies to written names). */
  function writtenName(id) {
    const entity = ng.index.entities.get(id);
    const written = entity.aliases.map(ng.normalise);
    return written.includes(ng.normalise(entity.label)) || !entity.aliases.length ? entity.label : entity.aliases[0];
  }

  function describe(item) {
    const name = (id) => ng.labelOf(id);
    if (item.kind === "reject") {
      const relation = ng.index.relations.get(item.relation);
      return `Wrong edge: ${name(relation.source)} ${ng.kindName(relation.kind)} ${name(relation.target)}`;
    }
    if (item.kind === "merge") return `Merge ${name(item.a)} with ${name(item.b)}`;
    if (item.kind === "apart") return `Keep ${name(item.a)} apart from ${name(item.b)}`;
    return `Rename ${name(item.a)} to “${item.label}”`;
  }

  function groupToml(item) {
    if (item.kind === "reject") {
      const relation = ng.index.relations.get(item.relation);
      return ["[[reject]]", `source = ${tomlString(ng.labelOf(relation.source))}`,
        `kind = ${tomlString(relation.kind)}`, `target = ${tomlString(ng.labelOf(relation.target))}`];
    }
    const names = [...namesOf(item.a), ...namesOf(item.b)].map(tomlString).join(", ");
    if (item.kind === "merge") return ["[[merge]]", `names = [${names}]`, `label = ${tomlString(ng.labelOf(item.a))}`];
    return ["[[keep_apart]]", `names = [${names}]`];
  }

  /* The whole file: groups in the order made, renames last (one table, one line each). */
  function toml() {
    const lines = ["# Corrections made in the newsgraph report. Build again with:",
      "#   newsgraph build ARTICLES -o OUTDIR --aliases aliases.toml", ""];
    for (const item of items.filter((i) => i.kind !== "rename")) lines.push(...groupToml(item), "");
    const renames = items.filter((i) => i.kind === "rename");
    if (renames.length) {
      lines.push("[rename]");
      for (const item of renames) lines.push(`${tomlString(writtenName(item.a))} = ${tomlString(item.label)}`);
    }
    return lines.join("\n").trimEnd() + "\n";
  }

  function render() {
    clear(list);
    items.forEach((item, index) => {
      const remove = el("button", "link remove", "remove");
      remove.type = "button";
      remove.addEventListener("click", () => { items.splice(index, 1); render(); });
      list.append(el("li", null, describe(item), " ", remove));
    });
    document.getElementById("curation-count").textContent = `(${items.length})`;
    document.getElementById("curation-empty").hidden = items.length > 0;
    document.getElementById("curation-download").disabled = items.length === 0;
    document.getElementById("curation-clear").disabled = items.length === 0;
    document.getElementById("curation-preview").textContent = items.length ? toml() : "";
  }

  /* One correction per subject: marking the same thing twice replaces it. */
  function add(item) {
    const same = items.findIndex((other) => other.kind === item.kind && other.a === item.a
      && other.b === item.b && other.relation === item.relation);
    if (same >= 0) items.splice(same, 1);
    if (item.kind === "rename") {
      const earlier = items.findIndex((other) => other.kind === "rename" && other.a === item.a);
      if (earlier >= 0) items.splice(earlier, 1);
    }
    items.push(item);
    render();
  }

  function download() {
    const blob = new Blob([toml()], { type: "application/toml" });
    const link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = "aliases.toml";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  function actionButton(text, onClick) {
    const button = el("button", "action", text);
    button.type = "button";
    button.addEventListener("click", onClick);
    return button;
  }

  function relationActions(id) {
    const status = el("span", "status");
    return el("div", "curate", actionButton("Mark this edge wrong", () => {
      add({ kind: "reject", relation: id });
      status.textContent = " Added to Curation.";
    }), status);
  }

  /* One box, three verbs: the other entity (merge, keep apart) or the new name (rename). */
  function entityActions(id) {
    const input = el("input");
    input.type = "text";
    input.setAttribute("list", "entity-names");
    input.placeholder = "Another entity, or a new name";
    input.setAttribute("aria-label", "Another entity, or a new name");
    const status = el("span", "status");
    const withOther = (kind) => () => {
      const other = ng.findEntity(input.value);
      if (!other || other.id === id) {
        status.textContent = ` No other entity matches “${input.value}”.`;
        return;
      }
      add({ kind, a: id, b: other.id });
      status.textContent = " Added to Curation.";
    };
    const rename = () => {
      if (!input.value.trim()) return;
      add({ kind: "rename", a: id, label: input.value.trim() });
      status.textContent = " Added to Curation.";
    };
    return el("div", "curate", input, actionButton("Merge with", withOther("merge")),
      actionButton("Keep apart from", withOther("apart")), actionButton("Rename to", rename), status);
  }

  document.getElementById("curation-download").addEventListener("click", download);
  document.getElementById("curation-clear").addEventListener("click", () => { items.length = 0; render(); });
  ng.panel.actions.relation.push(relationActions);
  ng.panel.actions.entity.push(entityActions);
  ng.curation = { items, toml, add };
  render();
})();
