// The decision guide's main-thread shell: shows the screens the engine renders, and turns clicks,
// form submissions and the browser's Back button into requests to it (engine.js runs the worker).
// Nothing here decides anything about harassment; answers stay in the worker's memory.

const { call } = window.guideEngine;

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
    trouble(root, response.failure);
    return;
  }
  if (root.dataset.trouble) {
    delete root.dataset.trouble;
    announce(root, "", { quiet: true });
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

// The engine cannot start (or has not, for a long time): show 112 and the guideline's checklists,
// the reader's own role first. Not final: if the engine becomes ready after all (a stalled slow
// link that went on), recover() brings the guide back.
function fail(root, problem) {
  root.dataset.state = "failed";
  root.dataset.failure = problem.reason || "start";
  const message = root.querySelector(`[data-guide-failure="${root.dataset.failure}"]`)
    || root.querySelector('[data-guide-failure="start"]');
  root.querySelectorAll("[data-guide-failure]").forEach((node) => { node.hidden = node !== message; });
  const chosen = root.dataset.role && root.querySelector(`[data-guide-checklist="${CSS.escape(root.dataset.role)}"]`);
  if (chosen) chosen.parentElement.prepend(chosen);
  root.querySelector("[data-guide-fallback]").hidden = false;
  root.querySelector("[data-guide-screen]").hidden = true;
  // For screen readers; sighted readers see the message under 112.
  announce(root, message.textContent.trim(), { quiet: true });
  // The cause is for operators (OPERATIONS.md explains each), never for the reader.
  if (problem.detail) console.error(`Beslutningsguiden (${root.dataset.failure}): ${problem.detail}`);
}

function recover(root) {
  delete root.dataset.failure;
  root.querySelector("[data-guide-fallback]").hidden = true;
  root.querySelector("[data-guide-screen]").hidden = false;
}

// The engine could not handle one request: say so, and keep the screen and the answers.
function trouble(root, detail) {
  root.dataset.trouble = "true";
  announce(root, root.dataset.engineTrouble);
  console.error(`Beslutningsguiden (engine): ${detail}`);
}

function loading(root, { received, total }) {
  if (!total) return;
  // In tens of percent, so that a screen reader is not flooded.
  const step = Math.min(100, Math.floor((10 * received) / total) * 10);
  if (root.dataset.progress === String(step)) return;
  root.dataset.progress = String(step);
  announce(root, step === 100 ? root.dataset.startingText : root.dataset.progressText.replace("{percent}", step));
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

  const stopWatching = window.guideEngine.watch((status) => {
    if (root.dataset.state === "loading" && status.state === "loading") loading(root, status);
    else if (status.state === "stalled" || status.state === "failed") fail(root, status);
  });
  window.guideEngine.start(root).then(() => {
    stopWatching();
    if (root.dataset.state === "failed") recover(root);
    root.dataset.state = "ready";
    performance.mark("guide:ready");
    announce(root, root.dataset.readyText, { quiet: true });
    if (early) request(root, early);
    else resume(root);
  });
}

function onPage() {
  const root = document.querySelector("[data-guide]");
  if (root) mount(root);
}

// Material's instant navigation swaps pages without reloading scripts: mount on every page it shows.
if (typeof window.document$ !== "undefined") window.document$.subscribe(onPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();
