/* "Colour entities by: Type | Camp". Camps are computed in Python (graph/camps.py) and come
   with each entity; this only repaints the nodes, keeping the type colours to go back to. */
(function () {
  "use strict";
  const ng = window.newsgraph;
  const OTHER_CAMP = "#c7c7c7"; // palette.OTHER_CAMP_COLOUR: camps past the tenth
  const NO_CAMP = "#ececec"; // palette.NO_CAMP_COLOUR: entities with no stance

  function campColour(entity) {
    if (!entity || !entity.camp) return NO_CAMP;
    return ng.data.campColours[String(entity.camp)] || OTHER_CAMP;
  }

  /* vis-network colours: the fill is the camp's, the border stays darker for contrast. */
  function paint(by) {
    if (!ng.nodes) return;
    ng.nodes.update(ng.data.vis.nodes.map((node) => {
      if (by !== "camp") return { id: node.id, color: node.color };
      const colour = campColour(ng.index.entities.get(node.id));
      return { id: node.id, color: { background: colour, border: "#555555",
        highlight: { background: colour, border: "#222222" } } };
    }));
    const legend = document.getElementById("camp-legend");
    if (legend) legend.hidden = by !== "camp";
    document.body.dataset.colourBy = by;
  }

  /* The legend: each coloured camp with its most influential members. */
  function fillLegend() {
    const legend = document.getElementById("camp-legend");
    if (!legend) return;
    const members = new Map();
    for (const entity of ng.data.entities) {
      if (!entity.camp) continue;
      if (!members.has(entity.camp)) members.set(entity.camp, []);
      members.get(entity.camp).push(entity);
    }
    for (const [camp, colour] of Object.entries(ng.data.campColours)) {
      if (colour === OTHER_CAMP) continue;
      const leaders = members.get(Number(camp)).sort((a, b) => b.influence - a.influence).slice(0, 2);
      const dot = ng.dom.el("span", "swatch-dot");
      dot.style.color = colour;
      legend.insertBefore(ng.dom.el("span", "legend-item", dot, `${camp}: ${leaders.map((e) => e.label).join(", ")}…`),
        legend.lastElementChild);
    }
  }

  fillLegend();
  const choice = document.getElementById("colour-choice");
  if (choice) {
    choice.addEventListener("change", (event) => {
      if (event.target.name === "colour") paint(event.target.value);
    });
  }
  ng.camps = { paint, colour: campColour };
})();
