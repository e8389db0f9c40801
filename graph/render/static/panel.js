/* The side panel: what the reader sees after clicking an entity or an edge.
   Built with DOM calls only; article text never goes through innerHTML. */
(function () {
  "use strict";
  const ng = window.newsgraph;
  const { el, clear } = ng.dom;
  const MAX_RELATIONS = 25;
  const MAX_ARTICLES = 20;
  const EVIDENCE_PER_RELATION = 2;

  function colourChip(colour, className) {
    const chip = el("span", className);
    chip.style.color = colour; // the swatch classes paint with currentColor
    return chip;
  }

  function typeBadge(type) {
    const item = ng.index.types.get(type);
    return el("span", "badge", colourChip(item ? item.colour : "#999", "swatch-dot"), type);
  }

  function kindBadge(relation) {
    const item = ng.index.kinds.get(relation.kind);
    const line = colourChip(item ? item.colour : "#999", "swatch-line");
    if (relation.directed) line.classList.add("directed");
    return el("span", "badge", line, ng.kindName(relation.kind));
  }

  function facts(pairs) {
    const list = el("dl", "facts");
    for (const [name, value] of pairs) list.append(el("dt", null, name), el("dd", null, value));
    return list;
  }

  function entityButton(id) {
    const button = el("button", "link", ng.labelOf(id));
    button.type = "button";
    button.dataset.nodeId = id;
    return button;
  }

  function relationButton(relation, text) {
    const button = el("button", "link relation-link", text);
    button.type = "button";
    button.dataset.edgeId = relation.id;
    return button;
  }

  /* Index of the cue in the sentence, exact case first, then ignoring case; -1 if absent. */
  function findCue(sentence, cue) {
    const exact = sentence.indexOf(cue);
    if (exact >= 0) return exact;
    const lower = sentence.toLowerCase();
    return lower.length === sentence.length ? lower.indexOf(cue.toLowerCase()) : -1;
  }

  function sentenceWithCue(sentence, cue) {
    const paragraph = el("p", "sentence");
    const at = cue ? findCue(sentence, cue) : -1;
    if (at < 0) {
      paragraph.textContent = sentence;
      return paragraph;
    }
    const end = at + cue.length;
    paragraph.append(sentence.slice(0, at), el("mark", null, sentence.slice(at, end)), sentence.slice(end));
    return paragraph;
  }

  function articleLine(articleId) {
    const article = ng.index.articles.get(articleId);
    const line = el("span", "article", el("span", "mono", articleId));
    if (article && article.title) line.append(" — ", article.title);
    if (article && ng.isWebUrl(article.url)) {
      const link = el("a", null, "open");
      link.href = article.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      line.append(" ", link);
    }
    return line;
  }

  /* Where a sentence was read: outlet · date · title (a link when the url is a web address),
     else the url, else the article id. The evidence item says it (graph.json); an older graph
     leaves it to the article list. */
  function sourceLine(item) {
    const article = ng.index.articles.get(item.article) || {};
    const outlet = item.outlet || article.source || "";
    const date = item.date || article.date || "";
    const title = item.title || article.title || "";
    const url = item.url || article.url || "";
    const line = el("p", "evidence-source");
    if (outlet) line.append(el("span", "outlet", outlet), " · ");
    line.append(el("span", "date", date || "no date"), " · ");
    const name = title || url || item.article;
    if (ng.isWebUrl(url)) {
      const link = el("a", null, name);
      Object.assign(link, { href: url, rel: "noopener noreferrer", target: "_blank" });
      line.append(link);
    } else {
      line.append(el("span", title ? null : "mono", name));
    }
    line.title = `article ${item.article}`;
    return line;
  }

  function evidenceItem(item, relation) {
    const li = el("li", "evidence-item", sourceLine(item));
    if (item.before) li.append(el("p", "context before", item.before));
    li.append(sentenceWithCue(item.sentence, item.cue));
    if (item.after) li.append(el("p", "context after", item.after));
    const meta = el("p", "evidence-meta");
    if (relation.directed && (item.speaker || item.target)) {
      meta.append("Speaker: ", item.speaker || "?", " → target: ", item.target || "?");
    }
    if (item.confidence != null) meta.append(meta.firstChild ? " · " : "", `confidence ${item.confidence.toFixed(2)}`);
    if (meta.firstChild) li.append(meta);
    return li;
  }

  /* Under a date or outlet choice (timeline.js), evidence from the articles in scope comes
     first; the rest stays, faded and said to be outside. */
  function evidenceList(relation, limit) {
    const inScope = (item) => !ng.scope || ng.scope.articlePasses(item.article);
    const ordered = relation.evidence.filter(inScope).concat(relation.evidence.filter((i) => !inScope(i)));
    const shown = ordered.slice(0, limit);
    const list = el("ol", "evidence-list");
    for (const item of shown) {
      const li = evidenceItem(item, relation);
      if (!inScope(item)) li.classList.add("out-of-scope");
      list.append(li);
    }
    const more = relation.evidenceTotal - shown.length;
    const fragment = document.createDocumentFragment();
    fragment.append(list);
    if (more > 0) fragment.append(el("p", "more", `and ${more} more`));
    return fragment;
  }

  function notDrawnNote(what) {
    const drawing = ng.data.drawing;
    const text = what === "entity"
      ? `Not drawn: only ${drawing.nodes} entities are drawn, those with a stance first, then the most mentioned.`
      : `Not drawn: only ${drawing.edges} edges between drawn entities are drawn, stances first, then the strongest.`;
    return el("p", "note", text);
  }

  function relationSummary(entityId, relation) {
    const other = relation.source === entityId ? relation.target : relation.source;
    const arrow = !relation.directed ? "—" : relation.source === entityId ? "→" : "←";
    const head = el("div", "relation-head", `${arrow} `, entityButton(other), " ", kindBadge(relation));
    head.append(" ", relationButton(relation, `weight ${relation.weight}`));
    return el("li", "relation", head, evidenceList(relation, EVIDENCE_PER_RELATION));
  }

  function cappedList(className, items, limit, render, moreText) {
    const list = el("ul", className);
    for (const item of items.slice(0, limit)) list.append(render(item));
    const fragment = document.createDocumentFragment();
    fragment.append(list);
    if (items.length > limit) fragment.append(el("p", "more", `and ${items.length - limit} ${moreText}`));
    return fragment;
  }

  /* Stances first, as "Supported by (2)", "Criticises (1)"…: received ones (who takes a side
     on this entity), then sent ones (on whom it does), each kind in the legend's order; the
     words come from the payload (palette.py), never from this file. */
  function stanceGroups(id, stances) {
    const fragment = document.createDocumentFragment();
    for (const [end, heading] of [["target", "passive"], ["source", "active"]]) {
      for (const kind of ng.data.kinds) {
        const group = stances.filter((r) => r.kind === kind.value && r[end] === id);
        if (group.length === 0) continue;
        const title = el("h4", "stance-group", colourChip(kind.colour, "swatch-dot"), `${kind[heading]} (${group.length})`);
        title.dataset.kind = kind.value;
        fragment.append(title, cappedList("relations", group, MAX_RELATIONS,
          (r) => relationSummary(id, r), "more (see the tables)"));
      }
    }
    return fragment;
  }

  /* Influence and camp (graph.ranking, graph.camps), for an entity with a stance. */
  function standing(entity) {
    if (!entity.camp) return [];
    return [["Influence", `${entity.influence.toFixed(2)} (1.00 = average; ${entity.stancesIn} stances received, ${entity.stancesOut} stated)`],
      ["Camp", String(entity.camp)]];
  }

  /* An alias, with the number of articles it was matched in and, on hover, their titles:
     a role description taken for this person can be checked where it was read. */
  function aliasChip({ alias, from }) {
    const chip = el("li", "chip", alias);
    if (!from || !from.count) return chip;
    chip.append(el("span", "chip-count", ` · ${from.count}`));
    const titles = from.first.map((a) => {
      const article = ng.index.articles.get(a);
      return article && article.title ? `${a} — ${article.title}` : a;
    });
    const more = from.count > titles.length ? `\n… and ${from.count - titles.length} more` : "";
    const noun = from.count === 1 ? "article" : "articles";
    chip.title = `Matched in ${from.count} ${noun}:\n${titles.join("\n")}${more}`;
    return chip;
  }

  function showEntity(id) {
    const entity = ng.index.entities.get(id);
    const panel = document.getElementById("panel");
    if (!entity || !panel) return;
    clear(panel);
    panel.dataset.showing = "entity";
    const relations = ng.index.byEntity.get(id) || [];
    const stances = relations.filter((r) => r.directed);
    const mentions = relations.filter((r) => !r.directed);
    panel.append(el("header", "panel-header", typeBadge(entity.type), el("h2", null, entity.label)));
    if (!entity.drawn) panel.append(notDrawnNote("entity"));
    panel.append(facts([["Type", entity.type], ["Mentions", String(entity.mentions)],
      ["Articles", String(entity.articles.length)], ["Stances", String(stances.length)],
      ["Co-mentions", String(mentions.length)], ...standing(entity)]));
    appendActions(panel, "entity", id);
    const stanceSection = el("section", "panel-stances", el("h3", null, `Stances (${stances.length})`));
    if (stances.length === 0) stanceSection.append(el("p", "empty", "None found in these articles."));
    else stanceSection.append(stanceGroups(id, stances));
    panel.append(stanceSection, el("section", "panel-mentions", el("h3", null, `Co-mentions (${mentions.length})`),
      cappedList("relations", mentions, MAX_RELATIONS, (r) => relationSummary(id, r), "more (see the tables)")));
    const provenance = entity.aliasArticles || [];
    const chips = entity.aliases.map((alias, i) => ({ alias, from: provenance[i] }));
    panel.append(el("h3", null, "Aliases"),
      cappedList("chips", chips, MAX_ARTICLES * 2, aliasChip, "more"));
    panel.append(el("h3", null, "Articles"),
      cappedList("articles", entity.articles, MAX_ARTICLES, (a) => el("li", null, articleLine(a)), "more articles"));
  }

  function showRelation(id) {
    const relation = ng.index.relations.get(id);
    const panel = document.getElementById("panel");
    if (!relation || !panel) return;
    clear(panel);
    panel.dataset.showing = "relation";
    const joiner = relation.directed ? " → " : " — ";
    const title = el("h2", null, entityButton(relation.source), joiner, entityButton(relation.target));
    panel.append(el("header", "panel-header", kindBadge(relation), title));
    if (!relation.drawn) panel.append(notDrawnNote("edge"));
    const rows = [["Kind", ng.kindName(relation.kind)], ["Weight", String(relation.weight)]];
    if (ng.scope && ng.scope.active()) rows.push(["In the articles chosen", String(ng.scope.weight(relation))]);
    if (relation.confidence != null) rows.push(["Confidence", relation.confidence.toFixed(2)]);
    rows.push(["Evidence", `${relation.evidence.length} of ${relation.evidenceTotal} sentences shown`]);
    panel.append(facts(rows));
    appendActions(panel, "relation", id);
    panel.append(el("h3", null, "Evidence"), evidenceList(relation, relation.evidence.length));
  }

  /* Buttons other scripts add to the panel (ego view, curation): ng.panel.actions.entity and
     .relation hold functions of the shown id returning an element, or null. */
  function appendActions(panel, what, id) {
    const box = el("div", "panel-actions");
    for (const make of ng.panel.actions[what]) {
      const made = make(id);
      if (made) box.append(made);
    }
    if (box.firstChild) panel.append(box);
  }

  function reset() {
    const panel = document.getElementById("panel");
    if (!panel) return;
    clear(panel);
    delete panel.dataset.showing;
    panel.append(el("p", "hint", "Click an entity or an edge to see its details and the sentences behind it."));
  }

  ng.panel = { showEntity, showRelation, reset, actions: { entity: [], relation: [] } };
})();
