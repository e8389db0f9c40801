/* Names that do not print over each other. vis-network draws every label big enough on screen
   (its one control, scaling.label.drawThreshold, looks at a label's size, not at what it
   covers), so zoomed on the core of a few hundred entities the names overlap into a smear.
   Once the view stops moving, the labels in view are placed most important first (the focused
   entity and its neighbours, then the biggest names, then the most mentioned); a label that
   would cover one already placed is left out until the reader zooms closer. An entity whose
   label is left out still names itself on hover, in the panel and in the tables. */
(function () {
  "use strict";
  const ng = window.newsgraph;
  const SETTLE_MS = 120; // after the last redraw: a zoom or a drag has ended
  const GAP_PX = 3; // on-screen space kept around each label
  const LABEL_BELOW_PX = 4; // vis-network writes a dot's label this far under it (canvas units)
  const LINE_HEIGHT = 1.2;
  const CELL_PX = 120; // the grid that finds the labels a box could touch
  const network = ng.network;
  if (!network) return;
  const originals = new Map(ng.data.vis.nodes.map((node) => [node.id, node]));
  const options = ng.data.vis.options.nodes || {};
  const face = (options.font && options.font.face) || "sans-serif";
  const stroke = (options.font && options.font.strokeWidth) || 0;
  const scaling = (options.scaling || {}).label || {};
  // vis-network draws a label from drawThreshold - 1 on screen (faded up to drawThreshold),
  // and no bigger on screen than maxVisible
  const threshold = (scaling.drawThreshold || 5) - 1;
  const maxVisible = scaling.maxVisible || 30;
  const measure = document.createElement("canvas").getContext("2d");
  const widths = new Map(); // label width per node, in canvas units (it does not change with zoom)
  const hidden = new Set();
  let timer = null;

  function fontSize(id) {
    const font = originals.get(id).font;
    return (font && font.size) || (options.font && options.font.size) || 14;
  }

  function labelWidth(id) {
    if (!widths.has(id)) {
      measure.font = `${fontSize(id)}px ${face}`;
      widths.set(id, measure.measureText(originals.get(id).label || "").width + 2 * stroke);
    }
    return widths.get(id);
  }

  /* Focused entity and neighbours first, then bigger names, then more mentions. */
  function byImportance(ids) {
    const first = new Set();
    if (ng.focus && ng.focus.current !== null && ng.nodeView.get(ng.focus.current)) {
      first.add(ng.focus.current);
      for (const id of network.getConnectedNodes(ng.focus.current)) first.add(id);
    }
    const mentions = (id) => (ng.index.entities.get(id) || { mentions: 0 }).mentions;
    return ids.slice().sort((a, b) => (first.has(b) - first.has(a)) || fontSize(b) - fontSize(a)
      || mentions(b) - mentions(a) || (a < b ? -1 : 1));
  }

  /* The labels left out at this zoom: every label in view that vis-network would draw, laid
     down in order of importance, keeps its place unless it covers one laid down before. */
  function crowded() {
    const scale = network.getScale();
    const box = (document.getElementById("network") || network.body.container).getBoundingClientRect();
    const [low, high] = [network.DOMtoCanvas({ x: 0, y: 0 }), network.DOMtoCanvas({ x: box.width, y: box.height })];
    const gap = GAP_PX / scale;
    const cell = CELL_PX / scale;
    const grid = new Map();
    const out = new Set();
    const ids = ng.nodeView.getIds().filter((id) => originals.has(id) && fontSize(id) * scale >= threshold);
    const positions = network.getPositions(ids);
    for (const id of byImportance(ids)) {
      const { x, y } = positions[id];
      const shrink = Math.min(1, maxVisible / scale / fontSize(id));
      const half = (labelWidth(id) * shrink) / 2 + gap;
      const top = y + (network.body.nodes[id].options.size || 0) + LABEL_BELOW_PX - gap;
      const height = fontSize(id) * shrink * LINE_HEIGHT + 2 * gap;
      const label = { left: x - half, right: x + half, top, bottom: top + height };
      if (label.right < low.x || label.left > high.x || label.bottom < low.y || label.top > high.y) continue;
      const cells = [];
      for (let cx = Math.floor(label.left / cell); cx <= Math.floor(label.right / cell); cx += 1) {
        for (let cy = Math.floor(label.top / cell); cy <= Math.floor(label.bottom / cell); cy += 1) cells.push(`${cx},${cy}`);
      }
      const covers = cells.some((key) => (grid.get(key) || []).some((other) => other.left < label.right
        && label.left < other.right && other.top < label.bottom && label.top < other.bottom));
      if (covers) {
        out.add(id);
        continue;
      }
      for (const key of cells) {
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(label);
      }
    }
    return out;
  }

  function declutter() {
    timer = null;
    const out = crowded();
    const changed = [];
    for (const id of hidden) {
      if (!out.has(id)) changed.push({ id, label: originals.get(id).label });
    }
    for (const id of out) {
      if (!hidden.has(id) && ng.nodes.get(id)) changed.push({ id, label: "" });
    }
    hidden.clear();
    for (const id of out) hidden.add(id);
    if (changed.length > 0) ng.nodes.update(changed);
    document.body.dataset.labelsHidden = String(hidden.size);
    document.body.dataset.labelsScale = String(network.getScale()); // the zoom they were placed at
  }

  /* Every redraw (a zoom, a drag, a filter, a focus) puts the check off until the view is still. */
  network.on("afterDrawing", () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(declutter, SETTLE_MS);
  });

  ng.labels = { hidden, declutter };
})();
