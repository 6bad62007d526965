/* Breakdown review: select tags with j/k, accept (a), reject (r), edit (e), add (n),
 * previous/next scene ([ and ]). Decisions go to the server as JSON; a decision made while
 * the sign-in had expired is kept and sent after signing in again (see app.js). */
(function () {
  "use strict";
  function init() {
    const review = document.getElementById("review");
    if (!review) return;
    const url = review.dataset.decisionsUrl;
    const canDecide = review.dataset.canDecide === "true";
    const items = Array.from(document.querySelectorAll("#tags .tag-item"));
    let current = -1;

    function select(index) {
      if (!items.length) return;
      current = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        if (i === current) item.setAttribute("aria-current", "true");
        else item.removeAttribute("aria-current");
      });
      items[current].focus();
      const mark = document.querySelector('mark[data-tag="' + items[current].dataset.key + '"]');
      document.querySelectorAll("mark.tag.selected").forEach(function (m) { m.classList.remove("selected"); });
      if (mark) { mark.classList.add("selected"); mark.scrollIntoView({ block: "nearest" }); }
    }

    function setStatus(item, status, label) {
      item.dataset.status = status;
      const badge = item.querySelector(".status");
      badge.className = "badge status status-" + status;
      badge.textContent = label;
      const mark = document.querySelector('mark[data-tag="' + item.dataset.key + '"]');
      if (mark) mark.className = "tag " + status;
    }

    async function decide(item, action, extra) {
      const decision = Object.assign({
        action: action, scene: item ? item.dataset.scene : review.dataset.scene,
        category: item ? item.dataset.category : undefined, name: item ? item.dataset.name : undefined,
      }, extra || {});
      const result = await window.filmpark.send(url, { decisions: [decision] });
      if (result.status !== 200) {
        const message = result.body && result.body.error ? result.body.error.message : String(result.status);
        window.filmpark.announce(message, "error");
        return null;
      }
      return result.body;
    }

    async function accept(item) {
      const body = await decide(item, "accept");
      if (body) setStatus(item, "accepted", body.statuses[0].label);
    }
    async function reject(item) {
      const body = await decide(item, "reject");
      if (body) setStatus(item, "rejected", body.statuses[0].label);
    }
    function edit(item) {
      const form = item.querySelector(".edit-form");
      const button = item.querySelector('[data-action="edit"]');
      form.hidden = !form.hidden;
      button.setAttribute("aria-expanded", form.hidden ? "false" : "true");
      if (!form.hidden) form.querySelector("input").focus();
    }

    items.forEach(function (item, index) {
      item.addEventListener("click", function (event) {
        const button = event.target.closest("button[data-action]");
        if (current !== index && !event.target.closest("form")) select(index);
        if (!button) return;
        if (button.dataset.action === "accept") accept(item);
        if (button.dataset.action === "reject") reject(item);
        if (button.dataset.action === "edit") edit(item);
      });
      const form = item.querySelector(".edit-form");
      if (form) {
        form.addEventListener("submit", async function (event) {
          event.preventDefault();
          event.stopPropagation();
          const extra = {};
          const newName = form.elements.new_name.value.trim();
          if (newName && newName !== item.dataset.name) extra.new_name = newName;
          const quantity = parseInt(form.elements.quantity.value, 10);
          if (quantity > 0) extra.quantity = quantity;
          if (!Object.keys(extra).length) { edit(item); return; }
          if (await decide(item, "edit", extra)) location.reload();
          else delete form.dataset.submitted;
        });
      }
    });

    const addForm = document.getElementById("add-form");
    if (addForm) {
      addForm.addEventListener("submit", async function (event) {
        event.preventDefault();
        event.stopPropagation();
        const extra = { category: addForm.elements.category.value, name: addForm.elements.name.value.trim() };
        const quantity = parseInt(addForm.elements.quantity.value, 10);
        if (quantity > 0) extra.quantity = quantity;
        if (await decide(null, "add", extra)) location.reload();
        else { delete addForm.dataset.submitted; addForm.querySelectorAll("button").forEach(function (b) { b.disabled = false; }); }
      });
    }
    document.querySelectorAll("button[data-merge]").forEach(function (button) {
      button.addEventListener("click", async function () {
        if (await decide(null, "merge", { name: button.dataset.merge, into: button.dataset.into, category: "cast", scene: "" })) location.reload();
      });
    });

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
      const item = items[current];
      switch (event.key) {
        case "j": select(current + 1); break;
        case "k": select(current - 1); break;
        case "a": if (item && canDecide) accept(item); break;
        case "r": if (item && canDecide) reject(item); break;
        case "e": if (item && canDecide) edit(item); break;
        case "n": if (addForm) addForm.elements.name.focus(); break;
        case "[": case "]": {
          const link = document.querySelector('a[data-shortcut="' + event.key + '"]');
          if (link) location.assign(link.href);
          break;
        }
        default: return;
      }
      event.preventDefault();
    });

    window.filmpark.replayPending().then(function (results) { if (results.length) location.reload(); });
    // Keys and clicks are handled from here on (a page can be on screen before its scripts run).
    review.dataset.ready = "true";
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
