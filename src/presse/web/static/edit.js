// Edit mode (presse serve --edit): the correction forms post JSON to /api/corrections with the
// page's CSRF value, then the page reloads to show the corrected analysis. The last correction
// can be undone from the bar it leaves (or with Ctrl+Z outside a field); every listed correction
// has its own undo button. Messages are written with textContent, never as HTML.
"use strict";
(() => {
  const meta = document.querySelector('meta[name="presse-csrf"]');
  if (!meta) return;
  const csrf = meta.content;
  const LAST = "presse-last-correction";

  async function call(method, url, body) {
    const init = { method, headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    let data = {};
    try {
      data = await response.json();
    } catch (error) {
      data = { message: response.statusText };
    }
    if (!response.ok) throw new Error(data.message || `erreur ${response.status}`);
    return data;
  }

  function alertFor(form) {
    let box = form.querySelector("[role=alert]");
    if (!box) {
      box = document.createElement("p");
      box.setAttribute("role", "alert");
      box.className = "edit-error";
      form.append(box);
    }
    return box;
  }

  function after(done) {
    sessionStorage.setItem(LAST, JSON.stringify({ id: done.id, kind: done.kind }));
    const onActor = /^\/actors\/\d+/.test(window.location.pathname);
    if (onActor && done.actor_id && window.location.pathname !== `/actors/${done.actor_id}`) {
      window.location.assign(`/actors/${done.actor_id}`);
    } else {
      window.location.reload();
    }
  }

  for (const form of document.querySelectorAll("form.edit-form")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = {};
      for (const [name, value] of new FormData(form)) {
        if (name !== "csrf" && name !== "next" && value !== "") body[name] = value;
      }
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        after(await call("POST", "/api/corrections", body));
      } catch (error) {
        alertFor(form).textContent = error.message;
        button.disabled = false;
      }
    });
  }

  async function undo(id, button) {
    if (button) button.disabled = true;
    try {
      await call("DELETE", `/api/corrections/${encodeURIComponent(id)}`);
      sessionStorage.removeItem(LAST);
      window.location.reload();
    } catch (error) {
      if (button) {
        button.disabled = false;
        button.textContent = `Annuler (${error.message})`;
      }
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-undo]");
    if (button) undo(button.dataset.undo, button);
  });

  // the bar left by the last correction, with its undo
  const last = JSON.parse(sessionStorage.getItem(LAST) || "null");
  if (last) {
    const bar = document.createElement("div");
    bar.className = "undo-bar";
    bar.setAttribute("role", "status");
    const text = document.createElement("span");
    text.textContent = `Correction ${last.id} (${last.kind}) enregistrée. `;
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.undo = last.id;
    button.textContent = "Annuler";
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "linkish";
    dismiss.textContent = "Fermer";
    dismiss.addEventListener("click", () => {
      sessionStorage.removeItem(LAST);
      bar.remove();
    });
    bar.append(text, button, " ", dismiss);
    document.body.append(bar);
    button.focus();
  }
  document.addEventListener("keydown", (event) => {
    const inField = event.target instanceof Element && event.target.matches("input, textarea, select");
    if (event.key === "z" && (event.ctrlKey || event.metaKey) && !inField && last) {
      event.preventDefault();
      undo(last.id, null);
    }
  });

  // article page: the quote forms act on the quotation selected in the text
  const panel = document.getElementById("quote-detail");
  const editQuote = document.getElementById("edit-quote");
  function follow() {
    const id = panel && panel.dataset.quote;
    if (!id || !editQuote) return;
    for (const field of editQuote.querySelectorAll('input[name="quote"]')) field.value = id;
    editQuote.hidden = false;
  }
  document.addEventListener("click", (event) => {
    if (event.target.closest("mark.q[data-quote], button[data-quote]")) follow();
  });
  document.addEventListener("keydown", (event) => {
    if (event.target instanceof Element && event.target.matches("mark.q[data-quote]")) {
      if (event.key === "Enter" || event.key === " ") follow();
    }
  });

  // article page: selected words fill the "add a missed quotation" form
  const text = document.getElementById("article-text");
  const add = document.getElementById("edit-add");
  function selected() {
    const selection = window.getSelection();
    if (!text || !add || !selection || selection.isCollapsed) return;
    const node = selection.anchorNode;
    if (!node || !text.contains(node)) return;
    const words = selection.toString().trim();
    if (!words) return;
    add.querySelector('textarea[name="text"]').value = words;
    const block = (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement).closest(".blk[id]");
    const near = block ? Number(block.id.replace(/^b/, "")) : "";
    add.querySelector('input[name="near"]').value = Number.isFinite(near) ? near : "";
  }
  if (text) {
    text.addEventListener("mouseup", selected);
    text.addEventListener("keyup", selected);
  }

  // article page: reviewed or not
  const toggle = document.querySelector("button.review-toggle");
  if (toggle) {
    toggle.addEventListener("click", async () => {
      toggle.disabled = true;
      const reviewed = toggle.dataset.reviewed === "true";
      try {
        await call(reviewed ? "DELETE" : "PUT", `/api/articles/${toggle.dataset.article}/reviewed`);
        window.location.reload();
      } catch (error) {
        toggle.disabled = false;
        toggle.textContent = error.message;
      }
    });
  }
})();
