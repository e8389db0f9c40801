/* The interactive graph: vis-network over filtered views of the drawn nodes and edges, the
   search box, and the links from the panel and the tables back into the graph.
   Exposes window.newsgraph.network (and .ready once the drawing has settled). */
(function () {
  "use strict";
  const ng = window.newsgraph;
  const { el } = ng.dom;
  const filters = { view: "all", types: new Set(), kinds: new Set(), minWeight: 1, minConfidence: 0 };
  let sidesEnds = new Set(); // in the sides view: the entities with a stance edge shown
  let widthsScoped = false; // whether the drawn widths count only the articles in scope
  const MAX_SUGGESTIONS = 2000;
  const FIT_MARGIN = 0.88;
  const VIS_EDGE_REACH = 10; // vis-network's own reach for a click on an edge, in canvas units
  const CLICK_REACH_PX = 6; // a stance edge this close on screen takes the click

  function readFilters() {
    const checked = (name) =>
      new Set(Array.from(document.querySelectorAll(`input[name="${name}"]:checked`), (box) => box.value));
    const view = document.querySelector('input[name="view"]:checked');
    filters.view = view ? view.value : "all";
    filters.types = checked("type");
    filters.kinds = checked("kind");
    const slider = document.getElementById("min-weight");
    filters.minWeight = slider ? Number(slider.value) || 1 : 1;
    const shown = document.getElementById("min-weight-value");
    if (shown) shown.textContent = String(filters.minWeight);
    const confidence = document.getElementById("min-confidence");
    filters.minConfidence = confidence ? Number(confidence.value) || 0 : 0;
    const sure = document.getElementById("min-confidence-value");
    if (sure) sure.textContent = filters.minConfidence.toFixed(2);
  }

  function entityPasses(id) {
    const entity = ng.index.entities.get(id);
    return Boolean(entity && entity.drawn && filters.types.has(entity.type) && ng.scope.entityInScope(entity));
  }

  /* The filters, and in the sides view no co-mention. The weight is counted in the articles
     in scope (timeline.js: dates and outlets). */
  function relationPasses(relation) {
    return Boolean(relation && filters.kinds.has(relation.kind) && ng.scope.weight(relation) >= filters.minWeight
      && (relation.confidence == null || relation.confidence >= filters.minConfidence)
      && (filters.view !== "sides" || relation.directed)
      && entityPasses(relation.source) && entityPasses(relation.target));
  }

  /* The sides view hides entities left without a stance edge: alone they say nothing about sides. */
  function entityVisible(id) {
    return entityPasses(id) && (filters.view !== "sides" || sidesEnds.has(id))
      && (!ng.ego || ng.ego.has(id));
  }

  /* In the ego view (ego.js sets ng.ego) only edges between its entities. */
  function relationVisible(id) {
    const relation = ng.index.relations.get(id);
    return relationPasses(relation) && (!ng.ego || (ng.ego.has(relation.source) && ng.ego.has(relation.target)));
  }

  function findSidesEnds() {
    const ends = new Set();
    for (const edge of ng.data.vis.edges) {
      const relation = ng.index.relations.get(edge.id);
      if (relation.directed && relationPasses(relation)) ends.add(relation.source).add(relation.target);
    }
    return ends;
  }

  /* Tooltips are DOM elements filled with text: vis-network shows them as they are. */
  function entityTooltip(entity) {
    const counts = `${entity.type} · ${entity.mentions} mentions · ${entity.articles.length} articles`;
    return el("div", "tip", el("strong", null, entity.label), el("div", null, counts));
  }

  function relationTooltip(relation) {
    const joiner = relation.directed ? " → " : " — ";
    const ends = ng.labelOf(relation.source) + joiner + ng.labelOf(relation.target);
    const sure = relation.confidence == null ? "" : ` · confidence ${relation.confidence.toFixed(2)}`;
    const kind = `${ng.kindName(relation.kind)} · weight ${relation.weight}${sure}`;
    return el("div", "tip", el("strong", null, ends), el("div", null, kind));
  }

  function createNetwork(container) {
    const vis = window.vis;
    const nodes = new vis.DataSet(ng.data.vis.nodes.map((node) =>
      Object.assign({}, node, { title: entityTooltip(ng.index.entities.get(node.id)) })));
    const edges = new vis.DataSet(ng.data.vis.edges.map((edge) =>
      Object.assign({}, edge, { title: relationTooltip(ng.index.relations.get(edge.id)) })));
    const nodeView = new vis.DataView(nodes, { filter: (node) => entityVisible(node.id) });
    const edgeView = new vis.DataView(edges, { filter: (edge) => relationVisible(edge.id) });
    const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, ng.data.vis.options);
    Object.assign(ng, { network, nodes, edges, nodeView, edgeView });
    return network;
  }

  /* vis fits the dots, not their labels: a margin keeps labels near the border whole. */
  function fitWithMargin(network) {
    network.fit({ animation: false });
    network.moveTo({ scale: network.getScale() * FIT_MARGIN });
  }

  function markReadyWhenSettled(network) {
    const ready = () => {
      fitWithMargin(network);
      ng.ready = true;
      document.body.dataset.graphReady = "true";
    };
    if (ng.data.drawing.physics) {
      // Still once settled: nodes that keep drifting are hard to read and to click.
      network.once("stabilizationIterationsDone", () => {
        network.setOptions({ physics: { enabled: false } });
        ready();
      });
    } else {
      network.once("afterDrawing", ready);
    }
  }

  /* With physics, nodes hidden when the drawing settled have no place of their own yet and
     would pile up in the middle: let the whole view settle again, then stop. The page is
     not "ready" (data-graph-ready) meanwhile. */
  function resettle(network) {
    ng.ready = false;
    document.body.dataset.graphReady = "false";
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      fitWithMargin(network);
      ng.ready = true;
      document.body.dataset.graphReady = "true";
    });
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(ng.data.vis.options.physics.stabilization.iterations);
  }

  /* The drawn stance edge nearest a canvas point, within a few pixels on screen: vis-network
     picks the nearest edge of any kind within 10 canvas units (a pixel or two once a corpus is
     fitted to the view), and among a corpus's co-mentions a stance edge (the few edges the
     reader is after) would almost never win. */
  function stanceEdgeNear(point) {
    const network = ng.network;
    let best = null;
    let reach = Math.max(VIS_EDGE_REACH, CLICK_REACH_PX / network.getScale());
    for (const id of ng.edgeView.getIds()) {
      const edge = network.body.edges[id];
      if (!edge || !edge.connected || !ng.index.relations.get(id).directed) continue;
      const distance = edge.edgeType.getDistanceToEdge(edge.from.x, edge.from.y, edge.to.x, edge.to.y,
        point.x, point.y);
      if (distance < reach) [best, reach] = [id, distance];
    }
    return best;
  }

  function onCanvasClick(params) {
    if (params.nodes.length > 0) {
      ng.panel.showEntity(params.nodes[0]);
      ng.focus.on(params.nodes[0]);
      return;
    }
    ng.focus.off();
    // also when vis-network found no edge: zoomed out to a corpus, its reach is a pixel or two
    const stance = stanceEdgeNear(params.pointer.canvas);
    if (stance !== null) ng.network.selectEdges([stance]);
    const edge = stance !== null ? stance : params.edges[0];
    if (edge !== undefined) ng.panel.showRelation(edge);
    else ng.panel.reset();
  }

  /* Without physics the sides view has positions of its own (views.py): its nodes would
     otherwise be scattered over the much larger layout of the full drawing. */
  function placeFor(view) {
    const sides = ng.data.view.sidesPositions;
    if (!ng.nodes || Object.keys(sides).length === 0) return;
    ng.nodes.update(ng.data.vis.nodes.filter((node) => node.x !== undefined).map((node) => {
      const [x, y] = view === "sides" && sides[node.id] ? sides[node.id] : [node.x, node.y];
      return { id: node.id, x, y };
    }));
  }

  /* An edge's width from the evidence left in scope (dates, outlets), on network.py's scale
     (the log of the weight, up to the heaviest drawn edge's full weight): an edge thins as
     the articles stating it leave the scope, and is drawn as built when every article is in. */
  function scopedWidth(relation) {
    const { min, max, top } = ng.data.drawing.edgeWidth;
    if (top <= 0) return min;
    return min + ((max - min) * Math.log1p(Math.max(ng.scope.weight(relation), 0))) / Math.log1p(top);
  }

  function updateWidths() {
    if (!ng.edges || (!ng.scope.active() && !widthsScoped)) return;
    widthsScoped = ng.scope.active();
    ng.edges.update(ng.data.vis.edges.map((edge) => ({
      id: edge.id,
      width: widthsScoped ? scopedWidth(ng.index.relations.get(edge.id)) : edge.width,
    })));
  }

  function applyFilters() {
    const before = filters.view;
    readFilters();
    sidesEnds = filters.view === "sides" ? findSidesEnds() : new Set();
    if (filters.view !== before) placeFor(filters.view);
    updateWidths();
    if (ng.nodeView) ng.nodeView.refresh();
    if (ng.edgeView) ng.edgeView.refresh();
    showDrawnCount();
    if (ng.network) {
      ng.focus.refresh();
      if (filters.view !== before && ng.data.drawing.physics) resettle(ng.network);
      else if (filters.view !== before) fitWithMargin(ng.network);
    }
  }

  function showDrawnCount() {
    const count = document.getElementById("drawn-count");
    if (!count || !ng.nodeView) return;
    count.textContent = `${ng.nodeView.length} entities and ${ng.edgeView.length} edges shown`;
    Object.assign(count.dataset, { entities: ng.nodeView.length, edges: ng.edgeView.length });
  }

  /* Best match first: exact label, exact alias, label prefix, label substring, alias substring.
     Entities arrive most mentioned first, so ties go to the better-known entity. */
  function findEntity(query) {
    const wanted = ng.normalise(query);
    if (!wanted) return null;
    const aliases = (entity) => entity.aliases.map(ng.normalise);
    const tests = [
      (entity) => ng.normalise(entity.label) === wanted,
      (entity) => aliases(entity).includes(wanted),
      (entity) => ng.normalise(entity.label).startsWith(wanted),
      (entity) => ng.normalise(entity.label).includes(wanted),
      (entity) => aliases(entity).some((alias) => alias.includes(wanted)),
    ];
    for (const test of tests) {
      const hit = ng.data.entities.find(test);
      if (hit) return hit;
    }
    return null;
  }

  /* Show an entity in the panel and, when it is on the canvas, select it and bring it into view. */
  function selectEntity(id) {
    ng.panel.showEntity(id);
    if (!ng.network) return "no-graph";
    if (!entityVisible(id)) {
      ng.network.unselectAll();
      ng.focus.off();
      if (!ng.index.entities.get(id).drawn) return "not-drawn";
      return filters.view === "sides" && entityPasses(id) ? "no-stance" : "filtered";
    }
    ng.network.selectNodes([id]);
    ng.focus.on(id);
    ng.network.focus(id, { scale: Math.max(ng.network.getScale(), 1.0), animation: { duration: 400 } });
    return "shown";
  }

  function selectRelation(id) {
    ng.panel.showRelation(id);
    if (!ng.network) return;
    ng.focus.off();
    if (relationVisible(id)) ng.network.selectEdges([id]);
    else ng.network.unselectAll();
  }

  function onSearch(event) {
    event.preventDefault();
    const input = document.getElementById("search-input");
    const status = document.getElementById("search-status");
    const entity = findEntity(input.value);
    if (!entity) {
      status.textContent = `No entity matches “${input.value}”.`;
      return;
    }
    const outcome = selectEntity(entity.id);
    const messages = {
      shown: "",
      filtered: `${entity.label} is hidden by the current filters.`,
      "no-stance": `${entity.label} has no stance shown: choose “Everything” under View to see it.`,
      "not-drawn": `${entity.label} is not drawn (see the panel and the tables).`,
      "no-graph": "",
    };
    status.textContent = messages[outcome];
  }

  function fillSuggestions() {
    const list = document.getElementById("entity-names");
    if (!list) return;
    for (const entity of ng.data.entities.slice(0, MAX_SUGGESTIONS)) {
      const option = document.createElement("option");
      option.value = entity.label;
      list.append(option);
    }
  }

  /* Entity and edge buttons in the panel and the tables lead back to the graph. */
  function onLinkClick(event) {
    const link = event.target.closest("[data-node-id], [data-edge-id]");
    if (!link) return;
    if (link.dataset.nodeId !== undefined) selectEntity(link.dataset.nodeId);
    else selectRelation(link.dataset.edgeId);
    const graph = document.getElementById("graph");
    if (graph && !link.closest("#graph")) graph.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function bindControls() {
    const form = document.getElementById("graph-controls");
    if (form) {
      form.addEventListener("submit", onSearch);
      form.addEventListener("change", (event) => { if (event.target.name) applyFilters(); });
    }
    for (const id of ["min-weight", "min-confidence"]) {
      const slider = document.getElementById(id);
      if (slider) slider.addEventListener("input", applyFilters);
    }
    const fit = document.getElementById("fit-button");
    if (fit) fit.addEventListener("click", () => ng.network && fitWithMargin(ng.network));
    document.addEventListener("click", onLinkClick);
  }

  function start() {
    readFilters();
    sidesEnds = filters.view === "sides" ? findSidesEnds() : new Set();
    bindControls();
    fillSuggestions();
    Object.assign(ng, { selectEntity, selectRelation, findEntity, applyFilters, relationPasses,
      fitView: () => ng.network && fitWithMargin(ng.network) });
    ng.ready = false;
    const container = document.getElementById("network");
    if (!container || !window.vis || ng.data.vis.nodes.length === 0) {
      ng.ready = true;
      return;
    }
    const network = createNetwork(container);
    placeFor(filters.view);
    showDrawnCount();
    network.on("click", onCanvasClick);
    markReadyWhenSettled(network);
  }

  start();
})();
