// The decision guide's main-thread shell: starts the engine's worker once, shows the screens it
// renders, and turns clicks, form submissions and the browser's Back button into requests.
// Nothing here decides anything about harassment; answers stay in the worker's memory.

const engine = {
  worker: null,
  ready: null,
  replies: new Map(),
  nextId: 1,
};

function startEngine(root) {
  if (engine.ready) return engine.ready;
  const base = new URL(root.dataset.root, location.href);
  const url = (path) => new URL(path, base).href;
  engine.ready = new Promise((resolve, reject) => {
    if (location.protocol === "file:" || typeof WebAssembly !== "object" || typeof Worker !== "function") {
      reject({ reason: "unsupported" });
      return;
    }
    // loadPyodide can hang silently (e.g. .wasm served with the wrong MIME type): give up in time.
    const timer = setTimeout(() => reject({ reason: "timeout" }), Number(root.dataset.timeout));
    try {
      engine.worker = new Worker(url(root.dataset.worker), { type: "module" });
    } catch (error) {
      clearTimeout(timer);
      reject({ reason: "unsupported", detail: String(error) });
      return;
    }
    engine.worker.addEventListener("error", (event) => {
      clearTimeout(timer);
      reject({ reason: "start", detail: event.message });
    });
    engine.worker.addEventListener("message", ({ data }) => {
      if (data.type === "ready") {
        clearTimeout(timer);
        resolve();
      } else if (data.type === "failed") {
        clearTimeout(timer);
        reject(data);
      } else if (data.type === "reply") {
        engine.replies.get(data.id)?.(data.response);
        engine.replies.delete(data.id);
      }
    });
    engine.worker.postMessage({
      type: "start",
      pyodideURL: url(root.dataset.pyodide),
      lockFileURL: url(root.dataset.lockfile),
      stdLibURL: root.dataset.stdlib ? url(root.dataset.stdlib) : undefined,
    });
  });
  return engine.ready;
}

function call(request) {
  return engine.ready.then(
    () =>
      new Promise((resolve) => {
        const id = engine.nextId++;
        engine.replies.set(id, resolve);
        engine.worker.postMessage({ type: "call", id, request });
      }),
  );
}

function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) {
    (values[name] ??= []).push(String(value));
  }
  return values;
}

function announce(root, text, { quiet = false } = {}) {
  const status = root.querySelector("[data-guide-status]");
  if (!status) return;
  status.textContent = text;
  // "Ready" is for screen readers; sighted readers see the guide respond.
  status.classList.toggle("guide-visually-hidden", quiet);
}

function show(root, response, { push = true } = {}) {
  const screen = root.querySelector("[data-guide-screen]");
  screen.innerHTML = response.html;
  screen.dataset.current = response.screen;
  if (response.title) document.title = `${response.title} – ${root.dataset.pageTitle}`;
  if (push) history.pushState({}, "", `#${response.anchor}`);
  else history.replaceState(history.state, "", `#${response.anchor}`);
  const focusTarget = screen.querySelector("[data-guide-focus]") || screen.querySelector("h1, h2");
  focusTarget?.focus();
  performance.mark("guide:screen", { detail: response.screen });
}

async function request(root, message, options) {
  const response = await call({ ...message, root: root.dataset.root });
  if (response.failure) {
    fail(root, { reason: "engine", detail: response.failure });
    return;
  }
  if (response.download) {
    download(response.download);
    announce(root, response.announce || "");
    return;
  }
  if (response.copy !== undefined) {
    await copy(root, response.copy);
    return;
  }
  show(root, response, options);
}

function download({ filename, mediaType, content }) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([content], { type: mediaType }));
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(link.href);
    link.remove();
  }, 1000);
}

async function copy(root, text) {
  const field = root.querySelector("[data-guide-copy-text]");
  try {
    await navigator.clipboard.writeText(text);
    announce(root, root.dataset.copied);
  } catch {
    // Clipboard access can be refused (insecure origin, permissions): show the text to copy by hand.
    if (field) {
      field.hidden = false;
      field.value = text;
      field.select();
    }
    announce(root, root.dataset.copyManually);
  }
}

function fail(root, problem) {
  root.dataset.state = "failed";
  root.dataset.failure = problem.reason || "start";
  const message = root.querySelector(`[data-guide-failure="${root.dataset.failure}"]`)
    || root.querySelector('[data-guide-failure="start"]');
  root.querySelectorAll("[data-guide-failure]").forEach((node) => { node.hidden = node !== message; });
  root.querySelector("[data-guide-fallback]").hidden = false;
  root.querySelector("[data-guide-screen]").hidden = true;
  announce(root, message.textContent.trim());
  if (problem.detail) console.error("Beslutningsguiden kunne ikke starte:", problem.detail);
}

// After Material's instant navigation back to the guide the worker still holds the answers:
// show where the reader was. A fresh start keeps the pre-rendered screen and any choice in it.
async function resume(root) {
  const screen = root.querySelector("[data-guide-screen]");
  const response = await call({ action: "current", root: root.dataset.root });
  if (response.screen === screen.dataset.current) {
    history.replaceState(history.state, "", `#${response.anchor}`);
  } else {
    show(root, response, { push: false });
  }
}

function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  root.dataset.pathname = location.pathname;
  let early = null; // an answer given before the engine was ready

  root.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-question], form[data-check]");
    if (!form) return;
    event.preventDefault();
    const message = form.dataset.check
      ? { action: "confirm" }
      : { action: "answer", question: form.dataset.question, form: formValues(form) };
    if (root.dataset.state === "ready") {
      request(root, message);
    } else if (root.dataset.state === "loading") {
      early = message;
      announce(root, root.dataset.keptWhileLoading);
    }
  });

  // Back and Forward between screens, passed on by history.js.
  root.addEventListener("guide:history", (event) => {
    if (root.dataset.state === "ready") request(root, { action: "show", anchor: event.detail.anchor }, { push: false });
  });

  root.addEventListener("click", (event) => {
    // An error summary's link moves focus to its field, without a trip through the URL.
    const summaryLink = event.target.closest(".guide-error-summary a");
    if (summaryLink) {
      event.preventDefault();
      event.stopPropagation();
      document.getElementById(summaryLink.hash.slice(1))?.focus();
      return;
    }
    const control = event.target.closest("[data-guide-action]");
    if (!control || root.dataset.state !== "ready") return;
    event.preventDefault();
    event.stopPropagation();
    const action = control.dataset.guideAction;
    if (action === "back") history.back();
    else if (action === "print") window.print();
    else request(root, { action, question: control.dataset.question, screen: control.dataset.screen });
  });

  startEngine(root).then(
    () => {
      root.dataset.state = "ready";
      performance.mark("guide:ready");
      announce(root, root.dataset.readyText, { quiet: true });
      if (early) request(root, early);
      else resume(root);
    },
    (problem) => fail(root, problem),
  );
}

function onPage() {
  const root = document.querySelector("[data-guide]");
  if (root) mount(root);
}

// Material's instant navigation swaps pages without reloading scripts: mount on every page it shows.
if (typeof window.document$ !== "undefined") window.document$.subscribe(onPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();
