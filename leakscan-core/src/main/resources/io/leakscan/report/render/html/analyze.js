// leakscan HTML report for `analyze`: treemap of the dominator tree (d3), histogram filters.
(() => {
  const { data, bytes, filterable } = leakscan;
  filterable(document.getElementById("histogram-table"), document.getElementById("histogram-filter"),
    document.getElementById("histogram-package"), document.getElementById("histogram-count"));

  const container = document.getElementById("treemap");
  const crumbs = document.getElementById("treemap-crumbs");
  const colors = d3.schemeTableau10;
  const percent = n => (n.retainedPercent ?? 0).toFixed(1) + "%";

  // A node's own bytes (the object itself) become a tile of their own, so children and self fill the parent exactly.
  const childrenOf = d => {
    if (!d.children || d.children.length === 0) return null;
    const own = d.retainedBytes - d.children.reduce((s, c) => s + c.retainedBytes, 0);
    return own > 0 ? d.children.concat([{ kind: "self", label: "the object itself", retainedBytes: own,
      retainedPercent: data.snapshot.usedHeapBytes ? own * 100 / data.snapshot.usedHeapBytes : 0, children: [] }])
      : d.children;
  };
  const leafBytes = d => (d.children && d.children.length ? 0 : d.retainedBytes);
  // "java.util.HashMap @ 0x1f" -> "HashMap @ 0x1f": package names take the room the sizes need.
  const shortName = s => s.replace(/\b(?:[a-z_$][\w$]*\.)+(?=[A-Za-z_$])/g, "");

  const trail = [data.dominatorTree];

  function zoomTo(depth) {
    trail.length = depth + 1;
    render();
  }

  function renderCrumbs() {
    crumbs.replaceChildren(...trail.map((d, i) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = (i === 0 ? "Heap" : shortName(d.label)) + " (" + bytes(d.retainedBytes) + ")";
      b.title = d.label;
      if (i === trail.length - 1) b.setAttribute("aria-current", "true");
      else b.addEventListener("click", () => zoomTo(i));
      return b;
    }));
  }

  function fitText(text, width) {
    const max = Math.floor((width - 6) / 6.8);
    return max < 3 ? "" : text.length <= max ? text : text.substring(0, max - 1) + "…";
  }

  function render() {
    renderCrumbs();
    const focus = trail[trail.length - 1];
    const width = Math.max(320, container.clientWidth);
    const height = Math.max(240, container.clientHeight);
    const root = d3.hierarchy(focus, childrenOf).sum(leafBytes).sort((a, b) => b.value - a.value);
    d3.treemap().tile(d3.treemapSquarify.ratio(1.4)).size([width, height]).round(true)
      .paddingOuter(1).paddingInner(1).paddingTop(n => (n.depth === 1 && n.children ? 18 : 0))(root);

    const svg = d3.create("svg").attr("width", width).attr("height", height)
      .attr("viewBox", [0, 0, width, height]);
    const tiles = svg.selectAll("g.tile").data(root.children || []).join("g")
      .attr("class", n => "tile" + (n.data.children && n.data.children.length ? "" : " leaf"))
      .attr("data-label", n => n.data.label)
      .attr("data-bytes", n => n.data.retainedBytes)
      .attr("data-kind", n => n.data.kind)
      .attr("data-index", (n, i) => i);
    tiles.append("title").text(n => n.data.label + "\n" + bytes(n.data.retainedBytes) + " retained, " + percent(n.data)
      + " of the heap" + (n.data.objects > 1 ? "\n" + n.data.objects.toLocaleString("en") + " objects" : ""));
    tiles.append("rect").attr("class", "outer")
      .attr("x", n => n.x0).attr("y", n => n.y0)
      .attr("width", n => Math.max(0, n.x1 - n.x0)).attr("height", n => Math.max(0, n.y1 - n.y0))
      .attr("fill", (n, i) => n.data.kind === "self" || n.data.kind === "rest" ? "#6e7781" : colors[i % colors.length]);
    tiles.each(function (n, i) {
      const g = d3.select(this);
      const base = d3.color(n.data.kind === "self" || n.data.kind === "rest" ? "#6e7781" : colors[i % colors.length]);
      (n.children || []).forEach(c => {
        const w = c.x1 - c.x0, h = c.y1 - c.y0;
        g.append("rect").attr("class", "inner").attr("x", c.x0).attr("y", c.y0).attr("width", Math.max(0, w))
          .attr("height", Math.max(0, h)).attr("fill", base.darker(c.data.kind === "self" ? 0.2 : 0.6).formatHex());
        if (w > 40 && h > 16) {
          g.append("text").attr("x", c.x0 + 3).attr("y", c.y0 + 13)
            .text(fitText(shortName(c.data.label) + " " + bytes(c.data.retainedBytes), w));
        }
      });
      const w = n.x1 - n.x0, h = n.y1 - n.y0;
      if (w > 30 && h > 14) {
        g.append("text").attr("class", "head").attr("x", n.x0 + 3).attr("y", n.y0 + 13).style("font-weight", "600")
          .text(fitText(shortName(n.data.label) + " " + bytes(n.data.retainedBytes) + " " + percent(n.data), w));
      }
    });
    tiles.filter(n => n.data.children && n.data.children.length)
      .attr("tabindex", 0).attr("role", "button")
      .attr("aria-label", n => "Zoom into " + n.data.label + ", " + bytes(n.data.retainedBytes))
      .on("click", (event, n) => { trail.push(n.data); render(); })
      .on("keydown", (event, n) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); trail.push(n.data); render(); }
      });
    container.replaceChildren(svg.node());
  }

  document.addEventListener("keydown", event => {
    if (event.key === "Escape" && trail.length > 1) zoomTo(trail.length - 2);
  });
  let resizeTimer = 0;
  window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(render, 150); });
  render();
})();
