// leakscan HTML report for `diff`: one growth chart per suspect (d3), class table filter.
(() => {
  const { data, bytes, filterable } = leakscan;
  filterable(document.getElementById("class-table"), document.getElementById("classes-filter"), null,
    document.getElementById("classes-count"));

  const times = data.snapshots.map(s => Date.parse(s.timestamp));
  const span = times[times.length - 1] - times[0];
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  // A time axis only when every dump has its own spot on it: at least a second in all, each strictly later, no gap
  // under 2% of the span (dumps taken a moment apart would sit on top of each other). Otherwise one step per dump,
  // with the time since the previous dump as its label.
  const timeAxis = times.every(Number.isFinite) && span >= 1000 && gaps.every(g => g >= span * 0.02);
  const duration = ms => ms < 1000 ? ms + " ms" : ms < 120000 ? (ms / 1000).toFixed(1) + " s"
    : ms < 7200000 ? (ms / 60000).toFixed(1) + " min" : ms < 172800000 ? (ms / 3600000).toFixed(1) + " h"
    : (ms / 86400000).toFixed(1) + " d";

  function chart(el, s) {
    const width = Math.max(360, el.clientWidth), height = Math.max(200, el.clientHeight);
    const m = { top: 26, right: 72, bottom: 42, left: 72 };
    const n = s.retainedBytes.length;
    const x = timeAxis
      ? d3.scaleUtc().domain([times[0], times[n - 1]]).range([m.left, width - m.right])
      : d3.scalePoint().domain(d3.range(n)).range([m.left, width - m.right]).padding(0.3);
    const xAt = i => (timeAxis ? x(times[i]) : x(i));
    const yRetained = d3.scaleLinear().domain([0, d3.max(s.retainedBytes) * 1.08 || 1]).nice()
      .range([height - m.bottom, m.top]);
    const yElements = d3.scaleLinear().domain([0, d3.max(s.elements) * 1.08 || 1]).nice()
      .range([height - m.bottom, m.top]);
    const svg = d3.create("svg").attr("width", width).attr("height", height).attr("viewBox", [0, 0, width, height])
      .attr("data-axis", timeAxis ? "time" : "interval");

    const xAxis = timeAxis ? d3.axisBottom(x).ticks(Math.min(6, Math.max(2, Math.floor(width / 130))))
      : d3.axisBottom(x).tickFormat(i => "#" + (i + 1) + (i > 0 ? " (+" + duration(times[i] - times[i - 1]) + ")" : ""));
    svg.append("g").attr("class", "axis x").attr("transform", `translate(0,${height - m.bottom})`).call(xAxis);
    svg.append("g").attr("class", "axis y-retained").attr("transform", `translate(${m.left},0)`)
      .call(d3.axisLeft(yRetained).ticks(5).tickFormat(bytes));
    svg.append("g").attr("class", "axis y-elements").attr("transform", `translate(${width - m.right},0)`)
      .call(d3.axisRight(yElements).ticks(5).tickFormat(d3.format("~s")));
    svg.append("text").attr("class", "axis-label").attr("x", m.left).attr("y", height - 6)
      .text(timeAxis ? "dump time (UTC)" : "dump (time since the previous one)");
    svg.append("text").attr("class", "axis-label").attr("x", 4).attr("y", 12).text("retained");
    svg.append("text").attr("class", "axis-label").attr("x", width - 4).attr("y", 12)
      .attr("text-anchor", "end").text("entries");

    const series = [
      { name: "retained", values: s.retainedBytes, y: yRetained, fmt: bytes },
      { name: "elements", values: s.elements, y: yElements, fmt: v => v.toLocaleString("en") + " entries" },
    ];
    series.forEach(ser => {
      svg.append("path").attr("class", "line-" + ser.name)
        .attr("d", d3.line().x((v, i) => xAt(i)).y(v => ser.y(v))(ser.values));
      svg.append("g").selectAll("circle").data(ser.values).join("circle")
        .attr("class", ser.name).attr("r", 4)
        .attr("cx", (v, i) => xAt(i)).attr("cy", v => ser.y(v))
        .attr("data-dump", (v, i) => i).attr("data-value", v => v)
        .append("title").text((v, i) => "dump #" + (i + 1) + " at " + data.snapshots[i].timestamp + ": " + ser.fmt(v));
    });
    el.replaceChildren(svg.node());
  }

  function drawAll() {
    document.querySelectorAll(".growth-chart").forEach(el => chart(el, data.suspects[Number(el.dataset.suspect)]));
  }
  let resizeTimer = 0;
  window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(drawAll, 150); });
  drawAll();
})();
