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
  fillResult(screen);
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

// --- How-tos and the documentation note on the result (issue 15) ---

function fillResult(screen) {
  fillContacts(screen);
  showNote(screen);
}

// The engine names a step's contacts by id (data-contact-slot); the build rendered the municipality's cards
// into the page as <template>s (tools/contacts.py), since the engine never sees mkdocs.yml. Copy them in.
function fillContacts(screen) {
  for (const slot of screen.querySelectorAll("[data-contact-slot]")) {
    const template = document.querySelector(`template[data-contact-template="${CSS.escape(slot.dataset.contactSlot)}"]`);
    if (template) slot.append(template.content.cloneNode(true));
  }
}

// The reader's note about the incident lives here, in the page's memory, like the answers in the worker's:
// never in storage, a URL or a request. It leaves this object only as text: into the print block
// (textContent, so nothing in it is ever read as markup) and inside a "copy" request to the worker.
const note = {};

function noteFor(action) {
  return action === "copy" ? { note: { ...note } } : {};
}

function showNote(screen) {
  for (const field of screen.querySelectorAll("[data-doc-note-field]")) field.value = note[field.dataset.docNoteField] || "";
  printNote(screen);
}

function printNote(screen) {
  const block = screen.querySelector("[data-doc-note-print]");
  if (!block) return;
  let written = false;
  for (const value of block.querySelectorAll("[data-doc-note-value]")) {
    const text = (note[value.dataset.docNoteValue] || "").trim();
    value.textContent = text;
    value.closest("[data-doc-note-row]").hidden = !text;
    written ||= Boolean(text);
  }
  block.hidden = !written;
}

function mountNote(root) {
  root.addEventListener("input", (event) => {
    const field = event.target.closest("[data-doc-note-field]");
    if (!field) return;
    note[field.dataset.docNoteField] = field.value;
    printNote(root);
  });
  // "Start forfra" and "Slet mine svar" forget the note with the answers.
  root.addEventListener("click", (event) => {
    if (event.target.closest('[data-guide-action="restart"], [data-guide-action="clear"]')) {
      for (const key of Object.keys(note)) delete note[key];
    }
  }, { capture: true });
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
  mountNote(root);

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
    else request(root, { action, question: control.dataset.question, screen: control.dataset.screen, ...noteFor(action) });
  });

  window.guideEngine.start(root).then(
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
