/* Stripboard: move strips by drag and drop or by keyboard, lock them, re-optimise the rest as
 * a job with a progress bar, undo one's own moves. Every change names the version it was made
 * on; when someone else changed the schedule meanwhile the server refuses it and the page
 * reloads the current version with a notice (nothing is overwritten). A move that would break
 * a hard rule is refused: the rules are listed above the board, the strip is marked, and the
 * board stays as it was (a strip carried by keyboard goes back to its place). */
(function () {
  "use strict";
  function init() {
    const root = document.getElementById("board-root");
    if (!root) return;
    const canEdit = root.dataset.canEdit === "true";
    const version = parseInt(root.dataset.version, 10) || 0;
    const undoKey = "filmpark.undo:" + root.dataset.baseUrl;
    const msg = root.dataset;

    function undoStack() {
      try { return JSON.parse(sessionStorage.getItem(undoKey) || "[]"); } catch (e) { return []; }
    }
    function saveUndo(stack) { sessionStorage.setItem(undoKey, JSON.stringify(stack.slice(-50))); }

    function showStale() {
      window.filmpark.announce(msg.msgStale, "warn");
      location.assign(root.dataset.baseUrl + "?stale=1");
    }

    /* Where a strip carried by keyboard was picked up, to put it back if the move is refused. */
    let pickedFrom = null;
    function putBack() {
      if (!pickedFrom) return;
      pickedFrom.parent.insertBefore(pickedFrom.strip, pickedFrom.next);
      pickedFrom.strip.focus();
      pickedFrom = null;
    }

    function showRefusal(error, scene) {
      const panel = document.getElementById("move-refused");
      if (!panel) { window.filmpark.announce(error.message, "error"); return; }
      panel.querySelector(".refusal-message").textContent = error.message;
      const list = panel.querySelector(".refusal-rules");
      list.textContent = "";
      (error.rules || []).forEach(function (rule) {
        const item = document.createElement("li");
        item.textContent = rule;
        list.appendChild(item);
      });
      panel.hidden = false;
      document.querySelectorAll(".strip.refused").forEach(function (s) { s.classList.remove("refused"); });
      const strip = document.querySelector('.strip[data-scene="' + CSS.escape(scene) + '"]');
      if (strip) strip.classList.add("refused");
      panel.scrollIntoView({ block: "nearest" });
    }

    let busy = false;
    async function move(scene, day, position, lock, remember) {
      // One change at a time: the page reloads after each, with the version it made.
      if (busy) return false;
      busy = true;
      const strip = document.querySelector('.strip[data-scene="' + CSS.escape(scene) + '"]');
      const before = strip ? { scene: scene, day: parseInt(strip.dataset.day, 10), position: parseInt(strip.dataset.position, 10), lock: strip.dataset.locked === "true" } : null;
      const payload = { scene: scene, day: day, position: position, expected_version: version };
      if (lock !== undefined && lock !== null) payload.lock = lock;
      const result = await window.filmpark.send(root.dataset.movesUrl, payload);
      if (result.status === 200) {
        if (remember !== false && before) {
          const stack = undoStack();
          stack.push({ before: before, after: result.body.version });
          saveUndo(stack);
        }
        location.assign(root.dataset.baseUrl);
        return true;
      }
      busy = false;
      const error = result.body && result.body.error ? result.body.error : null;
      if (result.status === 409 && error && error.code === "Conflict") {
        showStale();
        return false;
      }
      putBack();
      if (error && error.code === "RuleBroken") {
        showRefusal(error, scene);
        return false;
      }
      window.filmpark.announce(error ? error.message : String(result.status), "error");
      return false;
    }

    async function undo() {
      const stack = undoStack();
      const last = stack.pop();
      if (!last) { window.filmpark.announce(msg.msgNothingToUndo, "info"); return; }
      saveUndo(stack);
      const b = last.before;
      const strip = document.querySelector('.strip[data-scene="' + CSS.escape(b.scene) + '"]');
      const lockNow = strip ? strip.dataset.locked === "true" : b.lock;
      await move(b.scene, b.day, b.position, lockNow !== b.lock ? b.lock : null, false);
    }

    async function solve() {
      const button = document.getElementById("solve-button");
      const bar = document.getElementById("solve-progress");
      const text = document.getElementById("solve-message");
      button.disabled = true;
      bar.hidden = false;
      bar.value = 0;
      text.textContent = msg.msgSolving;
      const started = await window.filmpark.send(root.dataset.solveUrl, { expected_version: version || null });
      if (started.status === 409) { showStale(); return; }
      if (started.status !== 202) {
        button.disabled = false;
        bar.hidden = true;
        text.textContent = started.body && started.body.error ? started.body.error.message : String(started.status);
        return;
      }
      const jobUrl = root.dataset.jobsUrl + "/" + encodeURIComponent(started.body.job_id);
      for (;;) {
        await new Promise(function (resolve) { setTimeout(resolve, 500); });
        const response = await fetch(jobUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        const job = await response.json();
        bar.value = Math.max(0, Math.min(1, job.progress || 0));
        if (job.message) text.textContent = msg.msgSolving + " " + job.message;
        if (job.state === "succeeded") {
          text.textContent = msg.msgDone;
          location.assign(root.dataset.baseUrl);
          return;
        }
        if (job.state === "failed" || response.status >= 400) {
          button.disabled = false;
          text.textContent = msg.msgFailed.replace("{reason}", typeof job.error === "string" ? job.error : (job.error && job.error.message) || String(response.status));
          text.dataset.state = "failed";
          return;
        }
      }
    }

    const solveButton = document.getElementById("solve-button");
    if (solveButton) solveButton.addEventListener("click", solve);
    const undoButton = document.getElementById("undo-button");
    if (undoButton) undoButton.addEventListener("click", undo);
    // Keys, drops and clicks are handled from here on (a page can be on screen, and a new
    // version's number read, before its scripts run).
    if (!canEdit) { root.dataset.ready = "true"; return; }

    /* Locks */
    document.querySelectorAll(".strip .lock").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.stopPropagation();
        const strip = button.closest(".strip");
        move(strip.dataset.scene, parseInt(strip.dataset.day, 10), parseInt(strip.dataset.position, 10), strip.dataset.locked !== "true");
      });
    });

    /* Drag and drop */
    let dragged = null;
    document.querySelectorAll(".strip").forEach(function (strip) {
      strip.addEventListener("dragstart", function (event) {
        dragged = strip;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", strip.dataset.scene);
        strip.setAttribute("aria-grabbed", "true");
      });
      strip.addEventListener("dragend", function () {
        strip.removeAttribute("aria-grabbed");
        document.querySelectorAll(".day.drop-target").forEach(function (d) { d.classList.remove("drop-target"); });
      });
    });
    function positionIn(list, y) {
      const strips = Array.from(list.querySelectorAll(".strip")).filter(function (s) { return s !== dragged; });
      for (let i = 0; i < strips.length; i++) {
        const box = strips[i].getBoundingClientRect();
        if (y < box.top + box.height / 2) return i;
      }
      return strips.length;
    }
    document.querySelectorAll(".day").forEach(function (list) {
      list.addEventListener("dragover", function (event) {
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        list.classList.add("drop-target");
      });
      list.addEventListener("dragleave", function () { list.classList.remove("drop-target"); });
      list.addEventListener("drop", function (event) {
        event.preventDefault();
        list.classList.remove("drop-target");
        const scene = event.dataTransfer.getData("text/plain") || (dragged && dragged.dataset.scene);
        if (!scene) return;
        move(scene, parseInt(list.dataset.day, 10), positionIn(list, event.clientY));
      });
    });

    /* Keyboard: Space picks a strip up, arrows move it, Enter drops, Escape cancels. */
    let held = null;
    function slots() {
      const result = [];
      document.querySelectorAll(".day").forEach(function (list) {
        const strips = Array.from(list.querySelectorAll(".strip")).filter(function (s) { return s !== held; });
        for (let i = 0; i <= strips.length; i++) result.push({ list: list, position: i, before: strips[i] || null });
      });
      return result;
    }
    let slotIndex = -1;
    function place() {
      const slot = slots()[slotIndex];
      if (slot.before) slot.list.insertBefore(held, slot.before);
      else slot.list.appendChild(held);
      held.focus();
    }
    document.addEventListener("keydown", function (event) {
      const strip = event.target instanceof HTMLElement ? event.target.closest(".strip") : null;
      if (!held && strip && (event.key === " " || event.key === "Enter") && event.target === strip) {
        event.preventDefault();
        held = strip;
        pickedFrom = { strip: strip, parent: strip.parentNode, next: strip.nextSibling };
        held.setAttribute("aria-grabbed", "true");
        const all = slots();
        slotIndex = all.findIndex(function (s) { return s.list.dataset.day === held.dataset.day && s.position === parseInt(held.dataset.position, 10); });
        window.filmpark.announce(msg.msgPicked.replace("{scene}", held.dataset.scene), "info");
        return;
      }
      if (!held) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const count = slots().length;
        slotIndex = Math.max(0, Math.min(count - 1, slotIndex + (event.key === "ArrowDown" ? 1 : -1)));
        place();
      } else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        const slot = slots()[slotIndex];
        const scene = held.dataset.scene;
        held.removeAttribute("aria-grabbed");
        held = null;
        move(scene, parseInt(slot.list.dataset.day, 10), slot.position);
      } else if (event.key === "Escape") {
        event.preventDefault();
        location.reload();
      }
    });

    window.filmpark.replayPending().then(function (results) { if (results.length) location.assign(root.dataset.baseUrl); });
    root.dataset.ready = "true";
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
