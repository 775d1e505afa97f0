// Network page: fetches /api/network and draws a force-directed graph in SVG (plain JS, no
// library). Nodes are actors (area ~ mentions, colour = the actor's speaker colour); arrows go
// from a source to the actor it judges or acts on, as wide as the evidence is numerous and
// coloured by the pair's label (orange hostile, blue favourable, purple mixed, dashed grey for
// neutral acts); light grey lines join co-mentioned actors when the toggle asks for them.
// Clicking a node (or Enter on it) opens the actor's page; nodes can be dragged.
"use strict";
(() => {
  const root = document.getElementById("network");
  const svg = document.getElementById("network-svg");
  const status = root.querySelector("[data-status]");
  const edgeList = document.getElementById("network-edges");
  const NS = "http://www.w3.org/2000/svg";
  const W = 900;
  const H = 600;

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (parent) parent.append(node);
    return node;
  }

  // CRC-32, as the server computes speaker colours (zlib.crc32 of "actor:<id>")
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  function crc32(text) {
    let crc = 0xffffffff;
    for (const byte of new TextEncoder().encode(text)) crc = table[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  function layout(nodes, edges) {
    // Fruchterman-Reingold from a deterministic spiral, so the same data gives the same picture
    const k = 0.75 * Math.sqrt((W * H) / nodes.length);
    nodes.forEach((n, i) => {
      const angle = i * 2.4;
      const radius = 12 * Math.sqrt(i + 1) * 3;
      n.x = W / 2 + radius * Math.cos(angle);
      n.y = H / 2 + radius * Math.sin(angle);
    });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const links = edges.map((e) => ({ s: byId.get(e.source), t: byId.get(e.target), w: e.weight }));
    const steps = 400;
    for (let step = 0; step < steps; step++) {
      const temperature = (W / 8) * (1 - step / steps) + 0.5;
      for (const n of nodes) { n.dx = 0; n.dy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i];
          const b = nodes[j];
          const dx = a.x - b.x;
          const dy = a.y - b.y;
          const d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.5);
          // no repulsion from far away: distant components would push each other off the map
          if (d > 3 * k) continue;
          const f = (k * k) / d;
          a.dx += (dx / d) * f; a.dy += (dy / d) * f;
          b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
        }
      }
      for (const { s, t, w } of links) {
        const dx = t.x - s.x;
        const dy = t.y - s.y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.5);
        // heavier links pull a little more, but sublinearly: co-mentions would crush the rest
        const f = ((d * d) / k) * (0.35 + 0.15 * Math.log2(1 + w)) / Math.sqrt(links.length / nodes.length + 1);
        s.dx += (dx / d) * f; s.dy += (dy / d) * f;
        t.dx -= (dx / d) * f; t.dy -= (dy / d) * f;
      }
      for (const n of nodes) {
        // gravity keeps separate components on the canvas instead of against its edges
        n.dx += (W / 2 - n.x) * 0.06;
        n.dy += (H / 2 - n.y) * 0.09;
        const d = Math.max(Math.sqrt(n.dx * n.dx + n.dy * n.dy), 0.01);
        const move = Math.min(d, temperature);
        n.x += (n.dx / d) * move;
        n.y += (n.dy / d) * move;
      }
    }
    // fit the drawing into the canvas, room left on the right for labels
    const xs = nodes.map((n) => n.x);
    const ys = nodes.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const margin = 30;
    for (const n of nodes) {
      n.x = margin + ((n.x - x0) / Math.max(x1 - x0, 1)) * (W - 2 * margin - 100);
      n.y = margin + ((n.y - y0) / Math.max(y1 - y0, 1)) * (H - 2 * margin);
    }
    return links;
  }

  const LABEL_CLASSES = { negative: "neg", positive: "pos", mixed: "mix", neutral: "neu" };
  const LABEL_NAMES = { negative: "hostile", positive: "favorable", mixed: "mixte", neutral: "neutre" };
  const DIRECTED = new Set(["stance", "act"]);

  function describe(edge, s, t) {
    if (edge.kind === "co-mention") return `${s} — ${t} : ${edge.weight} article(s) en commun`;
    if (edge.kind === "act") return `${s} → ${t} : ${edge.weight} acte(s), ${LABEL_NAMES[edge.label] || edge.label}`;
    const p = edge.polarity;
    const swing = p.swing ? ` ; d’abord ${LABEL_NAMES[p.first_polarity]}, puis ${LABEL_NAMES[p.last_polarity]}` : "";
    return `${s} → ${t} : ${edge.weight} preuve(s), ${LABEL_NAMES[edge.label] || edge.label} (${p.negative} hostile(s), ${p.positive} favorable(s)${swing})`;
  }

  // wider with more evidence, sublinearly, so that one heavy pair does not hide the others
  function width(weight) {
    return Math.min(1 + 1.5 * Math.log2(weight), 8);
  }

  function draw(data) {
    const nodes = data.nodes;
    if (!nodes.length) {
      status.textContent = "Aucun lien pour ces filtres : baissez le poids minimal ou élargissez les dates.";
      return;
    }
    status.textContent = `${nodes.length} acteurs, ${data.edges.length} liens.`;
    const top = Math.max(...nodes.map((n) => n.mentions), 1);
    for (const n of nodes) n.r = 5 + 17 * Math.sqrt(n.mentions / top);
    const links = layout(nodes, data.edges);
    const defs = el("defs", {}, svg);
    // one arrowhead per polarity class: a marker cannot take its colour from the line
    for (const cls of Object.values(LABEL_CLASSES)) {
      const marker = el("marker", { id: `arrow-${cls}`, viewBox: "0 0 10 10", refX: "10", refY: "5", markerUnits: "userSpaceOnUse", markerWidth: "10", markerHeight: "10", orient: "auto-start-reverse" }, defs);
      el("path", { d: "M 0 0 L 10 5 L 0 10 z" }, marker);
    }
    const edgeLayer = el("g", { class: "edges" }, svg);
    const nodeLayer = el("g", { class: "nodes" }, svg);
    const lines = links.map((link, i) => {
      const edge = data.edges[i];
      const cls = LABEL_CLASSES[edge.label];
      const line = el("line", { class: `edge ${edge.kind}${cls ? " pol-" + cls : ""}`, "stroke-width": width(link.w).toFixed(2), "data-weight": String(link.w) }, edgeLayer);
      if (edge.polarity) line.dataset.polarity = String(edge.polarity.mean);
      if (DIRECTED.has(edge.kind)) line.setAttribute("marker-end", `url(#arrow-${cls})`);
      const title = el("title", {}, line);
      title.textContent = describe(edge, link.s.name, link.t.name);
      const item = document.createElement("li");
      item.textContent = title.textContent;
      edgeList.append(item);
      return { line, link, directed: DIRECTED.has(edge.kind) };
    });
    // only the most mentioned actors are labelled; the others name themselves on hover
    const labelled = new Set([...nodes].sort((a, b) => b.mentions - a.mentions).slice(0, 30).map((n) => n.id));
    const groups = nodes.map((n) => {
      const g = el("g", { class: `node c${crc32("actor:" + n.id) % 12}`, tabindex: "0", role: "link", "data-actor": String(n.id), "aria-label": `${n.name} (${n.type}), ${n.mentions} mentions, ${n.quotes} citations` }, nodeLayer);
      el("circle", { r: n.r.toFixed(1) }, g);
      if (labelled.has(n.id)) {
        const label = el("text", { x: (n.r + 3).toFixed(1), y: "4" }, g);
        label.textContent = n.name;
      }
      const title = el("title", {}, g);
      title.textContent = `${n.name} (${n.type}) : ${n.mentions} mentions, ${n.quotes} citations`;
      return { g, n };
    });

    function update() {
      for (const { line, link, directed } of lines) {
        const dx = link.t.x - link.s.x;
        const dy = link.t.y - link.s.y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        // arrows stop at the target's edge so that the arrowhead shows
        const back = directed ? link.t.r + 2 : 0;
        line.setAttribute("x1", link.s.x.toFixed(1));
        line.setAttribute("y1", link.s.y.toFixed(1));
        line.setAttribute("x2", (link.t.x - (dx / d) * back).toFixed(1));
        line.setAttribute("y2", (link.t.y - (dy / d) * back).toFixed(1));
      }
      for (const { g, n } of groups) g.setAttribute("transform", `translate(${n.x.toFixed(1)} ${n.y.toFixed(1)})`);
    }
    update();

    function point(event) {
      const p = svg.createSVGPoint();
      p.x = event.clientX;
      p.y = event.clientY;
      return p.matrixTransform(svg.getScreenCTM().inverse());
    }
    let drag = null;
    for (const { g, n } of groups) {
      g.addEventListener("pointerdown", (event) => {
        drag = { n, moved: false, start: point(event) };
        g.setPointerCapture(event.pointerId);
      });
      g.addEventListener("pointermove", (event) => {
        if (!drag || drag.n !== n) return;
        const p = point(event);
        if (Math.hypot(p.x - drag.start.x, p.y - drag.start.y) > 4) drag.moved = true;
        if (drag.moved) {
          n.x = p.x;
          n.y = p.y;
          update();
        }
      });
      g.addEventListener("pointerup", () => {
        const moved = drag && drag.moved;
        drag = null;
        if (!moved) window.location.assign(`/actors/${n.id}`);
      });
      g.addEventListener("keydown", (event) => {
        if (event.key === "Enter") window.location.assign(`/actors/${n.id}`);
      });
    }
  }

  // the co-mention toggle applies at once (without script the form's button does it)
  const toggle = document.getElementById("co-mention");
  if (toggle) toggle.addEventListener("change", () => toggle.form.requestSubmit());

  fetch(root.dataset.api, { headers: { Accept: "application/json" } })
    .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
    .then(({ ok, body }) => {
      if (!ok) throw new Error(body.message || "erreur");
      draw(body);
    })
    .catch((error) => {
      status.textContent = `Le réseau n’a pas pu être chargé : ${error.message}`;
    });
})();
