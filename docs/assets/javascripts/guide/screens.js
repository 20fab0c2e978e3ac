// Showing screens: the engine's, and the ones the page holds as inert <template>s the build rendered
// with the engine's own code (every question, worded for each role, and the danger screen), with the
// number and "Tilbage" that the kept answers give them (path.js). Focus moves to each new screen's
// heading; the address bar names the screen, so Back and reload return to it.

import { checkScreen } from "./check.js";
import { kept } from "./kept.js";
import { loading } from "./loading.js";
import { answersOf, numberOf, placeOf, previousOf, reached } from "./path.js";
import { announce, renote } from "./status.js";
import { fillResult } from "./tools.js";

const views = new WeakMap();
const tables = new WeakMap();
const words = new WeakMap();

// Per page element: the state of the screen on it.
export function view(root) {
  if (!views.has(root)) {
    views.set(root, {
      busy: false, // a request is in flight: the form is locked
      awaiting: false, // the reader answered the last question the page can show, before the engine was ready
      confirming: false, // ... and that was "Se resultatet" on the page's answers to check
      opening: false, // a saved case was chosen before the engine was ready
      pendingAnchor: null, // Back or Forward while a request was in flight
      // Counted, not timed: which screen was shown when a press, and a run of clicks, began.
      screens: 0,
      pressedOn: null,
      clicksBeganOn: null,
    });
  }
  return views.get(root);
}

export function flowTable(root) {
  if (!tables.has(root)) tables.set(root, JSON.parse(root.dataset.flow));
  return tables.get(root);
}

export function screenOf(root) {
  return root.querySelector("[data-guide-screen]");
}

// A screen the page holds: its own (the danger screen), or a question the kept answers reach, worded
// for the reader's role, with its number and "Tilbage" to the question before it; else null.
export function pageScreen(root, screen, { error = false } = {}) {
  if (screen === root.dataset.checkScreen) return error ? null : checkPage(root);
  const templates = [...root.querySelectorAll("template[data-guide-static]")].filter(
    (t) => t.dataset.guideStatic === screen && t.hasAttribute("data-error") === error,
  );
  const local = templates.find((t) => t.hasAttribute("data-local"));
  if (local) return fromTemplate(local);
  const place = placeOf(flowTable(root), kept.steps);
  if (!place || !reached(place, screen)) return null;
  const { roleQuestion } = root.dataset;
  const role = place.answers[roleQuestion]?.[roleQuestion]?.[0] ?? "";
  const template = templates.find((t) => t.dataset.role === role) ?? templates.find((t) => t.dataset.role === "");
  if (!template) return null;
  const html = template.content.cloneNode(true);
  html.querySelector(".guide-progress").textContent = root.dataset.questionNumber.replace(
    "{n}", String(numberOf(place, screen)),
  );
  const back = html.querySelector('[data-guide-action="back"]');
  if (back) back.dataset.screen = previousOf(place, screen);
  const holder = document.createElement("div");
  holder.append(html);
  return { ...fromTemplate(template), html: holder.innerHTML };
}

// The answers to check, once the kept answers answer every question they ask; else null (the engine's to show).
function checkPage(root) {
  const place = placeOf(flowTable(root), kept.steps);
  if (!place || place.next !== null) return null;
  const frame = root.querySelector(`template[data-guide-static="${root.dataset.checkScreen}"]`);
  const row = root.querySelector("template[data-guide-check-row]");
  if (!words.has(root)) words.set(root, JSON.parse(root.dataset.checkWords));
  const html = frame && row && checkScreen(words.get(root), frame.innerHTML, row.innerHTML, place);
  if (!html) return null;
  // As the browser writes it, so that the engine's own screen compares equal (refresh).
  const holder = document.createElement("template");
  holder.innerHTML = html;
  return { ...fromTemplate(frame), html: holder.innerHTML };
}

export function pageScreenByAnchor(root, anchor) {
  const template = [...root.querySelectorAll("template[data-guide-static]")].find((t) => t.dataset.anchor === anchor);
  return template ? pageScreen(root, template.dataset.guideStatic) : null;
}

export function fromTemplate(template) {
  return {
    screen: template.dataset.guideStatic,
    anchor: template.dataset.anchor,
    title: template.dataset.title,
    html: template.innerHTML,
    local: template.hasAttribute("data-local"),
  };
}

// The form the kept answers hold for `question`, to fill in on its screen.
export function keptForm(root, question) {
  return answersOf(flowTable(root), kept.steps)[question] ?? null;
}

export function formValues(form, submitter) {
  const values = {};
  for (const [name, value] of new FormData(form, submitter)) {
    (values[name] ??= []).push(String(value));
  }
  return values;
}

function fill(screen, values) {
  for (const input of screen.querySelectorAll("form[data-question] input[name]")) {
    const chosen = values[input.name];
    if (!chosen) continue;
    if (input.type === "radio" || input.type === "checkbox") input.checked = chosen.includes(input.value);
    else input.value = chosen[0] ?? "";
  }
}

export function show(root, shown, { push = true, values = null, focus = true } = {}) {
  const screen = screenOf(root);
  screen.innerHTML = shown.html;
  screen.dataset.current = shown.screen;
  screen.hidden = false;
  const state = view(root);
  state.awaiting = false;
  state.confirming = false;
  delete root.dataset.awaiting;
  if (values) fill(screen, values);
  renote(root);
  if (root.dataset.state === "loading") loading(root);
  fillResult(screen);
  if (shown.title) document.title = `${shown.title} – ${root.dataset.pageTitle}`;
  // The same screen again (an answer refused, with its message) is no new entry: Back leaves it once.
  if (push && location.hash !== `#${shown.anchor}`) history.pushState({}, "", `#${shown.anchor}`);
  else history.replaceState(history.state, "", `#${shown.anchor}`);
  state.screens += 1;
  if (focus) (screen.querySelector("[data-guide-focus]") || screen.querySelector("h1, h2"))?.focus();
  performance.mark("guide:screen", { detail: shown.screen });
}

// The engine's version of the screen the reader is on. An identical screen stays, with the
// reader's unsent choice and the focus; a different one (e.g. with an answer filled in) takes its
// place, and the reader's unsent choice is put back.
export function refresh(root, reply) {
  const screen = screenOf(root);
  const local = pageScreen(root, reply.screen);
  const probe = document.createElement("template");
  probe.innerHTML = reply.html;
  if (local && probe.innerHTML === local.html && screen.dataset.current === reply.screen) {
    history.replaceState(history.state, "", `#${reply.anchor}`);
    return;
  }
  const form = screen.querySelector("form[data-question]");
  const unsent = form ? formValues(form) : null;
  const focused = screen.contains(document.activeElement) ? document.activeElement.id : "";
  show(root, reply, { push: false, values: unsent, focus: false });
  if (focused) document.getElementById(focused)?.focus();
}

// A screen only the engine can show, before it is ready: say so instead of showing another one.
export function restoring(root) {
  screenOf(root).hidden = true;
  announce(root, root.dataset.restoringText, { quiet: false });
}

// Kept steps that could not be read were left out: the reader is told once, above the screen they see.
export function tellOnce(root) {
  const screen = screenOf(root);
  if (kept.told || !kept.unreadable || screen.hidden) return;
  kept.told = true;
  screen.prepend(root.querySelector('template[data-guide-notice="unreadable"]').content.cloneNode(true));
}
