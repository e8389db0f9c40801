/* The ego view: one entity and its neighbours at depth 1 or 2, nothing else, and back.
   Neighbours are found through the edges the current filters show (graph.js reads ng.ego
   to hide everything else), so the ego view of a stance-only page stays stance-only. */
(function () {
  "use strict";
  const ng = window.newsgraph;
  const { el } = ng.dom;
  const state = { id: null, depth: 1 };

  /* Entities within `depth` steps of `id` over drawn edges passing the filters. */
  function neighbourhood(id, depth) {
    const near = new Map();
    for (const edge of ng.data.vis.edges) {
      const relation = ng.index.relations.get(edge.id);
      if (!ng.relationPasses(relation)) continue;
      for (const [a, b] of [[relation.source, relation.target], [relation.target, relation.source]]) {
        if (!near.has(a)) near.set(a, []);
        near.get(a).push(b);
      }
    }
    let frontier = [id];
    const seen = new Set([id]);
    for (let step = 0; step < depth; step += 1) {
      const next = [];
      for (const node of frontier) {
        for (const other of near.get(node) || []) {
          if (!seen.has(other)) { seen.add(other); next.push(other); }
        }
      }
      frontier = next;
    }
    return seen;
  }

  function show(id, depth) {
    Object.assign(state, { id, depth });
    ng.ego = null; // neighbours are read on the filters alone, not on a previous ego view
    ng.ego = neighbourhood(id, depth);
    ng.applyFilters();
    if (ng.network && ng.nodeView.get(id)) ng.network.selectNodes([id]);
    ng.focus.off();
    ng.fitView();
    const bar = document.getElementById("ego-bar");
    bar.hidden = false;
    document.getElementById("ego-title").textContent =
      `${ng.labelOf(id)} and its neighbours at depth ${depth} (${ng.ego.size - 1})`;
    for (const button of bar.querySelectorAll("[data-ego-depth]")) {
      button.setAttribute("aria-pressed", String(Number(button.dataset.egoDepth) === depth));
    }
    document.body.dataset.egoDepth = String(depth);
  }

  function back() {
    const id = state.id;
    Object.assign(state, { id: null });
    ng.ego = null;
    ng.applyFilters();
    document.getElementById("ego-bar").hidden = true;
    delete document.body.dataset.egoDepth;
    ng.fitView();
    if (id !== null && ng.network && ng.nodeView.get(id)) {
      ng.network.selectNodes([id]);
      ng.focus.on(id);
    }
  }

  /* The panel's button: only for an entity on the canvas. */
  function egoButton(id) {
    const entity = ng.index.entities.get(id);
    if (!ng.network || !entity || !entity.drawn) return null;
    const button = el("button", "action ego-open", "Show only its neighbourhood");
    button.type = "button";
    button.addEventListener("click", () => show(id, state.id === id ? state.depth : 1));
    return button;
  }

  const bar = document.getElementById("ego-bar");
  if (bar) {
    bar.addEventListener("click", (event) => {
      const depth = event.target.closest("[data-ego-depth]");
      if (depth && state.id !== null) show(state.id, Number(depth.dataset.egoDepth));
      if (event.target.closest("#ego-back")) back();
    });
    ng.panel.actions.entity.push(egoButton);
  }
  ng.egoView = { show, back, state };
})();
