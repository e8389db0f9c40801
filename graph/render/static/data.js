/* Reads the JSON block written by graph/render/payload.py and indexes it for the other scripts.
   Every string in it comes from scraped articles: it is only ever put in the page with
   textContent (or as text nodes), never parsed as HTML. */
(function () {
  "use strict";
  const ng = (window.newsgraph = window.newsgraph || {});
  const block = document.getElementById("newsgraph-data");
  const data = JSON.parse(block.textContent);

  function groupByEntity(relations) {
    const byEntity = new Map();
    for (const relation of relations) {
      for (const end of new Set([relation.source, relation.target])) {
        if (!byEntity.has(end)) byEntity.set(end, []);
        byEntity.get(end).push(relation); // relations arrive strongest first
      }
    }
    return byEntity;
  }

  /* el("p", "class", "text", childElement, …): strings become text nodes, null is skipped. */
  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function normalise(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function isWebUrl(url) {
    try {
      const parsed = new URL(url);
      return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.host !== "";
    } catch (error) {
      return false; // not an absolute URL: shown as text
    }
  }

  ng.data = data;
  ng.index = {
    entities: new Map(data.entities.map((entity) => [entity.id, entity])),
    relations: new Map(data.relations.map((relation) => [relation.id, relation])),
    articles: new Map(data.articles.map((article) => [article.id, article])),
    types: new Map(data.types.map((item) => [item.value, item])),
    kinds: new Map(data.kinds.map((item) => [item.value, item])),
    byEntity: groupByEntity(data.relations),
  };
  ng.dom = { el, clear };
  ng.normalise = normalise;
  ng.isWebUrl = isWebUrl;
  ng.kindName = (kind) => String(kind).replace(/_/g, "-");
  ng.labelOf = (id) => (ng.index.entities.get(id) || { label: id }).label;
})();
