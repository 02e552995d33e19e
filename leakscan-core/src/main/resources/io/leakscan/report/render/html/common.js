// leakscan HTML report: shared helpers (sortable and filterable tables, sizes). No network, no storage.
"use strict";
const leakscan = (() => {
  const data = JSON.parse(document.getElementById("leakscan-data").textContent);
  const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

  /** 1536 -> "1.5 KiB", as leakscan's text output says it. */
  function bytes(n) {
    let v = Math.abs(n), u = 0;
    while (v >= 1024 && u < UNITS.length - 1) { v /= 1024; u++; }
    const s = u === 0 ? String(v) : (v >= 100 ? v.toFixed(0) : v.toFixed(1));
    return (n < 0 ? "-" : "") + s + " " + UNITS[u];
  }

  /** Click a heading: numbers sort biggest first, text A to Z; a second click reverses. */
  function sortable(table) {
    const heads = Array.from(table.tHead.rows[0].cells);
    heads.forEach((th, col) => th.querySelector("button").addEventListener("click", () => {
      const numeric = th.dataset.type === "num";
      const first = numeric ? "descending" : "ascending";
      const dir = th.getAttribute("aria-sort") === first ? (first === "ascending" ? "descending" : "ascending") : first;
      heads.forEach(h => h.setAttribute("aria-sort", "none"));
      th.setAttribute("aria-sort", dir);
      const sign = dir === "ascending" ? 1 : -1;
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      const key = numeric ? r => Number(r.cells[col].dataset.v) : r => r.cells[col].textContent;
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        return sign * (numeric ? x - y : x.localeCompare(y));
      });
      body.append(...rows);
    }));
  }

  /** Shows only rows whose first cell contains the text (and starts with the package, when one is chosen). */
  function filterable(table, input, select, counter) {
    const rows = Array.from(table.tBodies[0].rows);
    if (select) {
      const counts = new Map();
      rows.forEach(r => {
        const p = packageOf(r.cells[0].textContent);
        counts.set(p, (counts.get(p) || 0) + 1);
      });
      Array.from(counts.keys()).sort().forEach(p => {
        const o = document.createElement("option");
        o.value = p;
        o.textContent = (p || "(no package)") + " (" + counts.get(p) + ")";
        select.append(o);
      });
    }
    const apply = () => {
      const text = input.value.trim().toLowerCase();
      const pkg = select ? select.value : "";
      let shown = 0;
      rows.forEach(r => {
        const name = r.cells[0].textContent;
        const ok = (!text || name.toLowerCase().includes(text)) && (!pkg || packageOf(name) === pkg);
        r.hidden = !ok;
        if (ok) shown++;
      });
      counter.textContent = shown + " of " + rows.length + " rows";
    };
    input.addEventListener("input", apply);
    if (select) select.addEventListener("change", apply);
    apply();
  }

  function packageOf(className) {
    const base = className.replace(/(\[\])+$/, "");
    const dot = base.lastIndexOf(".");
    return dot < 0 ? "" : base.substring(0, dot);
  }

  document.querySelectorAll("table.sortable").forEach(sortable);
  return { data, bytes, filterable };
})();
