/* filmpark pages: the few behaviours every page shares. No framework, no build step.
 *
 * - every fetch that changes something sends the CSRF token of the page (X-CSRF-Token);
 * - a form is sent once: its buttons are disabled on submit (the server also refuses a
 *   repeated idempotency key);
 * - when a sign-in expires mid-edit, the pending change is kept in sessionStorage, the person
 *   signs in again and the change is sent once they are back on the page, which then says so.
 */
(function () {
  "use strict";
  const PENDING_KEY = "filmpark.pending";
  const REPLAYED_KEY = "filmpark.replayed";

  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return String(Date.now()) + Math.random().toString(16).slice(2);
  }

  function readPending() {
    try { return JSON.parse(sessionStorage.getItem(PENDING_KEY) || "[]"); } catch (e) { return []; }
  }

  function writePending(list) {
    if (list.length) sessionStorage.setItem(PENDING_KEY, JSON.stringify(list));
    else sessionStorage.removeItem(PENDING_KEY);
  }

  /* Send a JSON action. On 401 the action is kept and the person is sent to sign in; after
   * sign-in the page that made it sends it again (replayPending). Resolves with
   * {status, body}. */
  async function send(url, payload, options) {
    const opts = options || {};
    const key = opts.idempotencyKey || newKey();
    const response = await fetch(url, {
      method: opts.method || "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRF-Token": csrfToken(),
        "Idempotency-Key": key,
      },
      body: JSON.stringify(payload || {}),
    });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (response.status === 401) {
      const pending = readPending();
      pending.push({ page: location.pathname + location.search, url: url, payload: payload, key: key });
      writePending(pending);
      const signin = document.body.dataset.signinUrl || "/signin";
      location.assign(signin + "?expired=1&next=" + encodeURIComponent(location.pathname + location.search));
      return new Promise(function () {});
    }
    return { status: response.status, body: body };
  }

  /* Re-send the actions this page kept while its sign-in had expired. */
  let replaying = false;
  async function replayPending() {
    const here = location.pathname + location.search;
    const pending = readPending();
    const mine = pending.filter(function (p) { return p.page === here; });
    if (!mine.length || !document.body.dataset.user) return [];
    replaying = true;
    writePending(pending.filter(function (p) { return p.page !== here; }));
    const results = [];
    for (const action of mine) {
      results.push(await send(action.url, action.payload, { idempotencyKey: action.key }));
    }
    // The caller reloads the page to show the result; the reloaded page says what happened.
    const failed = results.filter(function (r) { return r.status >= 400; }).length;
    sessionStorage.setItem(REPLAYED_KEY, JSON.stringify({ page: here, failed: failed }));
    return results;
  }

  /* After a reload that followed a replay: say whether the kept change was sent. */
  function announceReplayed() {
    if (replaying) return; // this page is sending them; the page it reloads into says so
    let done = null;
    try { done = JSON.parse(sessionStorage.getItem(REPLAYED_KEY) || "null"); } catch (e) { done = null; }
    if (!done || done.page !== location.pathname + location.search) return;
    sessionStorage.removeItem(REPLAYED_KEY);
    const data = document.body.dataset;
    if (done.failed) announce(data.msgReplayFailed, "error");
    else announce(data.msgReplayed, "ok");
  }

  function announce(text, level) {
    let region = document.getElementById("live-status");
    if (!region) {
      region = document.createElement("p");
      region.id = "live-status";
      region.setAttribute("role", "status");
      region.className = "flash info";
      const main = document.getElementById("main");
      main.insertBefore(region, main.firstChild);
    }
    region.className = "flash " + (level || "info");
    region.textContent = text;
  }

  /* A file larger than the server accepts is refused here, before minutes of uploading. */
  function tooLarge(form) {
    for (const input of form.querySelectorAll("input[type=file][data-max-bytes]")) {
      const limit = parseInt(input.dataset.maxBytes, 10);
      for (const file of input.files || []) {
        if (limit && file.size > limit) return input.dataset.msgTooLarge;
      }
    }
    return null;
  }

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const refused = tooLarge(form);
    if (refused) { event.preventDefault(); announce(refused, "error"); return; }
    if (form.dataset.submitted === "1") { event.preventDefault(); return; }
    form.dataset.submitted = "1";
    form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (b) { b.disabled = true; });
  });

  document.addEventListener("change", function (event) {
    const el = event.target;
    if (el instanceof HTMLSelectElement && el.hasAttribute("data-autosubmit") && el.form) {
      el.form.requestSubmit();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    /* A form that was re-shown after sign-in expired is sent again once signed in. */
    const resubmit = document.querySelector("form[data-resubmit]");
    if (resubmit) resubmit.requestSubmit();
    announceReplayed();
  });

  window.filmpark = { send: send, replayPending: replayPending, announce: announce, csrfToken: csrfToken, newKey: newKey };
})();

/* A button that starts a job (data-job-start="URL"): shows its progress from the job API and
 * reloads the page when a new version is ready. Messages come from the nearest
 * [data-jobs-url] element (data-msg-working, data-msg-done, data-msg-failed). */
(function () {
  "use strict";
  async function run(button) {
    const root = button.closest("[data-jobs-url]");
    const bar = root.querySelector("progress");
    const text = root.querySelector(".job-message");
    button.disabled = true;
    if (bar) { bar.hidden = false; bar.value = 0; }
    text.textContent = root.dataset.msgWorking;
    const started = await window.filmpark.send(button.dataset.jobStart, {});
    if (started.status !== 202) {
      button.disabled = false;
      if (bar) bar.hidden = true;
      text.textContent = started.body && started.body.error ? started.body.error.message : String(started.status);
      return;
    }
    const url = root.dataset.jobsUrl + "/" + encodeURIComponent(started.body.job_id);
    const deadline = Date.now() + 15 * 60 * 1000;
    while (Date.now() < deadline) {
      await new Promise(function (resolve) { setTimeout(resolve, 500); });
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      const job = await response.json();
      if (bar) bar.value = Math.max(0, Math.min(1, job.progress || 0));
      if (job.message) text.textContent = root.dataset.msgWorking + " " + job.message;
      if (job.state === "succeeded") { text.textContent = root.dataset.msgDone; location.reload(); return; }
      if (job.state === "failed" || response.status >= 400) {
        button.disabled = false;
        const reason = typeof job.error === "string" ? job.error : (job.error && job.error.message) || String(response.status);
        text.textContent = root.dataset.msgFailed.replace("{reason}", reason);
        text.dataset.state = "failed";
        return;
      }
    }
    button.disabled = false;
  }
  document.addEventListener("click", function (event) {
    const button = event.target instanceof Element ? event.target.closest("button[data-job-start]") : null;
    if (button) run(button);
  });
})();
