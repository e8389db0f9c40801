/* Focus: the selected entity and its neighbours stay bright, everything else fades.
   On a graph of hundreds of nodes the selection alone is a dot among dots; fading the rest
   shows at a glance whom the entity is linked to. Only drawing attributes change: the
   filters (graph.js) still decide what is shown. Exposes newsgraph.focus.{on, off, current}. */
(function () {
  "use strict";
  const ng = window.newsgraph;
  const DIM_NODE_OPACITY = 0.15;
  const DIM_EDGE_OPACITY = 0.06;
  const DIM_LABEL = "rgba(52, 52, 52, 0.25)";
  const LABEL = "#343434"; // vis-network's default label colour
  const state = { id: null, nodes: [], edges: [] };
  let originals = null;

  /* The drawing as written by network.py, by id: what a faded item goes back to. */
  function original() {
    if (!originals) {
      originals = {
        nodes: new Map(ng.data.vis.nodes.map((node) => [node.id, node])),
        edges: new Map(ng.data.vis.edges.map((edge) => [edge.id, edge])),
      };
    }
    return originals;
  }

  function fadeNode(id) {
    const font = Object.assign({}, original().nodes.get(id).font, { color: DIM_LABEL });
    return { id, opacity: DIM_NODE_OPACITY, font };
  }

  function fadeEdge(id) {
    const color = Object.assign({}, original().edges.get(id).color, { opacity: DIM_EDGE_OPACITY });
    return { id, color };
  }

  function restoreNode(id) {
    return { id, opacity: 1, font: Object.assign({ color: LABEL }, original().nodes.get(id).font) };
  }

  function restoreEdge(id) {
    return { id, color: Object.assign({ opacity: 1 }, original().edges.get(id).color) };
  }

  /* Undo the fading; the selection itself is left to the caller. */
  function off() {
    if (!ng.network || state.id === null) return;
    ng.nodes.update(state.nodes.map(restoreNode));
    ng.edges.update(state.edges.map(restoreEdge));
    Object.assign(state, { id: null, nodes: [], edges: [] });
    ng.focus.current = null;
  }

  /* Fade every shown node but `id` and its neighbours through shown edges, and every shown
     edge not touching `id`. Returns the ids kept bright (empty when `id` is not shown). */
  function on(id) {
    off();
    if (!ng.network || !ng.nodeView.get(id)) return [];
    const near = new Set([id, ...ng.network.getConnectedNodes(id)]);
    const touching = new Set(ng.network.getConnectedEdges(id));
    state.id = id;
    state.nodes = ng.nodeView.getIds().filter((node) => !near.has(node));
    state.edges = ng.edgeView.getIds().filter((edge) => !touching.has(edge));
    ng.nodes.update(state.nodes.map(fadeNode));
    ng.edges.update(state.edges.map(fadeEdge));
    ng.focus.current = id;
    return Array.from(near);
  }

  /* After the filters or the view change, the neighbours may have changed too. */
  function refresh() {
    if (state.id !== null) on(state.id);
  }

  ng.focus = { on, off, refresh, current: null };
})();
