// Article view: clicking (or pressing Enter on) a highlighted quote shows its details in the
// side panel. Quote data comes from the JSON block the server rendered; every value is written
// with textContent, never as HTML.
"use strict";
(() => {
  const data = document.getElementById("quotes-data");
  const panel = document.getElementById("quote-detail");
  if (!data || !panel) return;
  const quotes = new Map(JSON.parse(data.textContent).map((q) => [q.id, q]));
  const list = panel.querySelector("dl");
  const hint = panel.querySelector("[data-empty]");
  const close = panel.querySelector("[data-close]");
  close.addEventListener("click", () => {
    // on narrow screens the detail is a sheet over the text: closing it gives the text back
    panel.classList.remove("open");
    close.hidden = true;
  });
  const kinds = { direct: "directe", indirect: "indirecte", mixed: "mixte" };

  function field(name) {
    return panel.querySelector(`[data-field="${name}"]`);
  }

  function show(id) {
    const q = quotes.get(id);
    if (!q) return;
    const speaker = field("speaker");
    speaker.replaceChildren();
    if (q.speaker && q.speaker_href) {
      const link = document.createElement("a");
      link.href = q.speaker_href;
      link.textContent = q.speaker;
      speaker.append(link);
    } else {
      speaker.textContent = q.speaker || "locuteur inconnu";
    }
    field("speaker_mention").textContent = q.speaker_mention || "—";
    field("cue").textContent = q.cue || "—";
    field("kind").textContent = `${kinds[q.kind] || q.kind} (${q.kind})`;
    field("confidence").textContent = `${Math.round(q.confidence * 100)} %`;
    field("evidence").textContent = q.evidence;
    field("text").textContent = q.text;
    // a stored article's quote links to its trail; an analysis not stored has none
    for (const el of panel.querySelectorAll("[data-trail]")) el.hidden = !q.trail_href;
    if (q.trail_href) field("trail").href = q.trail_href;
    panel.className = `quote-detail ${q.colour === null ? "cx" : "c" + q.colour}`;
    panel.dataset.quote = q.id;
    list.hidden = false;
    hint.hidden = true;
    close.hidden = false;
    panel.classList.add("open");
    for (const el of document.querySelectorAll("mark.q.selected")) el.classList.remove("selected");
    for (const el of document.querySelectorAll(`mark.q[data-quote="${CSS.escape(id)}"]`)) {
      el.classList.add("selected");
    }
  }

  document.addEventListener("click", (event) => {
    const target = event.target.closest("mark.q[data-quote], button[data-quote]");
    if (!target) return;
    show(target.dataset.quote);
    if (target.tagName === "BUTTON") {
      const mark = document.querySelector(`mark.q[data-quote="${CSS.escape(target.dataset.quote)}"]`);
      if (mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  });
  // a link to "#quote-<id>" (the actor page's stance evidence) opens on that quote
  function fromHash() {
    const match = /^#quote-(.+)$/.exec(window.location.hash);
    if (!match || !quotes.has(decodeURIComponent(match[1]))) return;
    const id = decodeURIComponent(match[1]);
    show(id);
    const mark = document.querySelector(`mark.q[data-quote="${CSS.escape(id)}"]`);
    if (mark) mark.scrollIntoView({ block: "center" });
  }
  fromHash();
  window.addEventListener("hashchange", fromHash);

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (!(target instanceof Element) || !target.matches("mark.q[data-quote]")) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      show(target.dataset.quote);
    }
  });
})();
