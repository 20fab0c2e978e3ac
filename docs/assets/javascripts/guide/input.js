// The reader's input: answers, "Tilbage", "Ret", "Se resultatet", the result's tools, the case (its fields,
// rows, statuses; saving it and opening a saved one), "Start forfra" and "Slet mine svar" (each asking first),
// and the clicks that must not count. Before Python is ready the page shows the next question it holds and
// keeps the answer for the engine; once it is ready, every request goes to the engine (conversation.js), which
// says what comes next.

import { caseKept, replaceCase, work } from "./case.js";
import { caseClick, caseInput } from "./case-form.js";
import { navigate, refreshDrafts, request, send, whenReady } from "./conversation.js";
import { fillDate } from "./dates.js";
import { forgetSnapshot } from "./engine.js";
import { forget, keep, kept } from "./kept.js";
import { awaitEngine, loading } from "./loading.js";
import { screenAfter } from "./path.js";
import { keepPlace } from "./place.js";
import { flowTable, formValues, keptForm, pageScreen, screenOf, show, view } from "./screens.js";
import { announce } from "./status.js";
import { ownField } from "./store.js";
import { confirmBeside, print } from "./tools.js";

// The requests that carry the reader's case (the engine reads it, never keeps it).
const WITH_CASE = ["copy", "save", "csv", "calendar"];
// The drafts are written again once the reader stops typing for this long.
const DRAFTS_AFTER_MS = 250;

export function listen(root) {
  const state = view(root);
  root.addEventListener("pointerdown", () => { state.pressedOn = state.screens; }, true);
  root.addEventListener("click", (event) => {
    if (event.detail === 1) state.clicksBeganOn = state.screens;
    const dropped = stray(root, event);
    state.pressedOn = null;
    if (dropped) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  root.addEventListener("click", (event) => onClick(root, event));
  root.addEventListener("submit", (event) => onSubmit(root, event));
  let typing = null;
  const onCase = (event) => {
    if (event.target.matches("[data-case-file]")) {
      if (event.type === "change") openCase(root, event.target);
      return;
    }
    if (!caseInput(event.target)) return;
    sayIfNotKept(root);
    clearTimeout(typing);
    typing = setTimeout(() => refreshDrafts(root), DRAFTS_AFTER_MS);
  };
  root.addEventListener("input", onCase);
  root.addEventListener("change", onCase);
  root.addEventListener("keydown", (event) => {
    const panel = event.key === "Escape" && event.target.closest("[data-guide-confirm]");
    if (panel) closeConfirmation(root, panel);
    // Enter on a checkbox ticks it, as Space does, instead of sending the question with one choice.
    if (event.key === "Enter" && event.target.matches?.('input[type="checkbox"]') && !event.isComposing) {
      event.preventDefault();
      event.target.click();
    }
  });
  root.addEventListener("guide:history", (event) => navigate(root, event.detail.anchor));
}

// A click whose press began before the screen changed, or the second click of a double click, would
// hit whatever moved under the pointer: it is dropped. Keyboard presses (detail 0) and clicks without
// a press (e.g. a screen reader's) always count.
function stray(root, event) {
  const state = view(root);
  if (event.detail === 0 || !screenOf(root).contains(event.target)) return false;
  if (state.pressedOn !== null && state.pressedOn !== state.screens) return true;
  if (event.detail > 1) return state.clicksBeganOn !== state.screens || Boolean(event.target.closest("a, button"));
  return false;
}

function onSubmit(root, event) {
  const form = event.target.closest("form[data-question], form[data-check], form[data-continue]");
  if (!form) return;
  event.preventDefault();
  if (root.dataset.state === "failed" || view(root).busy) return;
  const ready = root.dataset.state === "ready";
  if (form.dataset.continue !== undefined) {
    proceed(root, form.dataset.continue);
  } else if (form.dataset.check) {
    if (ready) {
      request(root, { action: "confirm" });
    } else {
      // The result is the engine's: it comes as soon as the engine is ready (conversation.js, settle).
      awaitEngine(root);
      view(root).confirming = true;
    }
  } else if (ready) {
    answer(root, form, formValues(form, event.submitter));
  } else {
    answerEarly(root, form, formValues(form, event.submitter));
  }
}

function answer(root, form, values) {
  const question = form.dataset.question;
  performance.mark("guide:answered", { detail: { question, early: false } });
  const leadsTo = form.querySelector("input[data-leads-to]:checked")?.dataset.leadsTo;
  if (!leadsTo) {
    request(root, { action: "answer", question, form: values });
    return;
  }
  // 112 first: the page's own screen at once; the engine keeps the answer meanwhile.
  show(root, pageScreen(root, leadsTo));
  send(root, { action: "answer", question, form: values });
}

// Before Python is ready: the page checks only that a choice is made or a date given (and the
// browser's own range for a date); the engine checks the rest once it is ready.
function answerEarly(root, form, values) {
  const question = form.dataset.question;
  const step = {
    action: "answer",
    question,
    form: Object.fromEntries(Object.entries(values).filter(([name]) => ownField(question, name))),
  };
  // A screen the page does not hold (e.g. one the engine showed) leaves every check to the engine.
  const here = pageScreen(root, question);
  if (here && unanswered(form)) {
    show(root, pageScreen(root, question, { error: true }), { push: false, values: step.form });
    return;
  }
  performance.mark("guide:answered", { detail: { question, early: true } });
  keep(root, step);
  const leadsTo = form.querySelector("input[data-leads-to]:checked")?.dataset.leadsTo;
  // A date the browser itself finds out of range waits for the engine's message.
  const valid = form.checkValidity();
  const next = here && (leadsTo || (valid ? screenAfter(flowTable(root), kept.steps, root.dataset.checkScreen) : null));
  const screen = next && pageScreen(root, next);
  if (screen) show(root, screen, { values: keptForm(root, next) });
  else awaitEngine(root);
}

// What the page checks itself: a choice made, a date given.
function unanswered(form) {
  if (form.querySelector('input[type="radio"], input[type="checkbox"]')) return !form.querySelector("input:checked");
  return [...form.querySelectorAll("input[required]")].some((input) => !input.value);
}

// On from a screen of the page's own (the danger screen) to the question after it.
function proceed(root, screen) {
  if (root.dataset.state === "ready") {
    request(root, screen ? { action: "show", screen } : { action: "current" });
    return;
  }
  const next = pageScreen(root, screen);
  if (next) show(root, next, { values: keptForm(root, screen) });
  else awaitEngine(root);
}

// "Ret" on the page's answers to check, before Python is ready: the question, with its answer; the engine
// gets the "Ret" with the answers, and the answer leads back to the answers to check (path.js screenAfter).
function changeEarly(root, question) {
  const screen = pageScreen(root, question);
  if (!screen) return;
  keep(root, { action: "change", question });
  show(root, screen, { values: keptForm(root, question) });
}

function startAgain(root, action) {
  const ready = root.dataset.state === "ready";
  forget(root, { engineToo: ready });
  // Everything forgotten: the browser's copy of the interpreter too (it never holds an answer).
  if (action === "clear") forgetSnapshot();
  replaceCase();
  view(root).awaiting = false;
  view(root).opening = false;
  if (ready) {
    request(root, { action });
    return;
  }
  const first = pageScreen(root, flowTable(root).questions[0]);
  const notice = action === "clear" ? root.querySelector('template[data-guide-notice="cleared"]').innerHTML : "";
  show(root, { ...first, html: notice + first.html });
}

// "Tilbage": the browser's Back where the entry before is the guide's previous screen. A screen the
// guide came back to without its earlier entries (answers replayed on arriving without a screen in
// the address) shows the previous screen instead of leaving the page.
function goBack(root, previous) {
  const entries = window.navigation?.entries?.();
  const index = window.navigation?.currentEntry?.index ?? 0;
  const before = entries && index > 0 ? new URL(entries[index - 1].url) : null;
  const prefix = `#${root.dataset.anchorPrefix}`;
  const guideBefore = before?.pathname === root.dataset.pathname && before.hash.startsWith(prefix);
  if (!entries || guideBefore || !previous) {
    history.back();
  } else if (root.dataset.state === "ready") {
    if (!view(root).busy) request(root, { action: "show", screen: previous });
  } else {
    const screen = pageScreen(root, previous);
    if (screen) show(root, screen, { values: keptForm(root, previous) });
  }
}

// "Åbn en gemt sag": the file the reader chooses is read here (no more than the engine could take, and a byte,
// so a huge file is told apart), and the engine checks it and opens it once it is ready. Nothing on the page
// changes until it has.
// The case changed, and the tab could not keep it: said beside "Gem sagen", the way to keep it.
function sayIfNotKept(root) {
  const said = root.querySelector('[data-guide-tool-status="save"]');
  if (!caseKept()) confirmBeside(root, "save", root.dataset.caseNotKept);
  else if (said?.textContent === root.dataset.caseNotKept) said.textContent = "";
}

async function openCase(root, input) {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  const text = await file.slice(0, Number(root.dataset.caseFileLimit) + 1).text();
  // While the engine loads, how far it has come is said beside the button; screen readers hear what waits.
  const waited = root.dataset.state !== "ready";
  if (waited) {
    view(root).opening = true;
    loading(root);
    announce(root, root.dataset.openingText);
  }
  const ready = await whenReady(root);
  // "Slet mine svar" or "Start forfra" meanwhile withdrew it: nothing of the file may come back.
  const withdrawn = waited && !view(root).opening;
  view(root).opening = false;
  if (!ready || withdrawn) return;
  request(root, { action: "open", file: { name: file.name, size: file.size, text } }, { control: input });
}

function chooseCaseFile(root, from) {
  from.closest("[data-guide-screen]")?.querySelector("[data-case-file]")?.click();
}

function openConfirmation(root, ask) {
  const action = ask.dataset.guideAsk;
  for (const panel of root.querySelectorAll("[data-guide-confirm]")) {
    panel.hidden = panel.dataset.guideConfirm !== action;
  }
  for (const other of root.querySelectorAll("[data-guide-ask]")) {
    other.setAttribute("aria-expanded", String(other === ask));
  }
  root.querySelector(`[data-guide-confirm="${action}"] [tabindex="-1"]`)?.focus();
}

function closeConfirmation(root, panel) {
  panel.hidden = true;
  const ask = root.querySelector(`[data-guide-ask="${panel.dataset.guideConfirm}"]`);
  ask?.setAttribute("aria-expanded", "false");
  ask?.focus();
}

function onClick(root, event) {
  // "I dag" and "I går" work before Python is ready too.
  const shortcut = event.target.closest("[data-guide-date-field]");
  if (shortcut) {
    fillDate(shortcut);
    return;
  }
  // An error summary's link moves focus to its field, without a trip through the URL.
  const summaryLink = event.target.closest(".guide-error-summary a");
  if (summaryLink) {
    event.preventDefault();
    event.stopPropagation();
    document.getElementById(summaryLink.hash.slice(1))?.focus();
    return;
  }
  if (caseClick(event.target)) {
    sayIfNotKept(root);
    refreshDrafts(root);
    return;
  }
  const ask = event.target.closest("[data-guide-ask]");
  if (ask) {
    // A saved case replaces answers: ask first only where there are any.
    if (ask.dataset.guideAsk === "open" && !kept.steps.length && !Object.keys(work).length) chooseCaseFile(root, ask);
    else openConfirmation(root, ask);
    return;
  }
  const cancel = event.target.closest("[data-guide-cancel]");
  if (cancel) {
    closeConfirmation(root, cancel.closest("[data-guide-confirm]"));
    return;
  }
  const control = event.target.closest("[data-guide-action]");
  if (!control) {
    const link = event.target.closest("a[href]");
    if (link && !link.href.startsWith("tel:") && link.getAttribute("href") !== "#") keepPlace(root, link);
    return;
  }
  if (root.dataset.state === "failed") return;
  const action = control.dataset.guideAction;
  if (action === "back") {
    event.preventDefault();
    goBack(root, control.dataset.screen);
    return;
  }
  if (action === "print") {
    print();
    return;
  }
  if (action === "open") {
    closeConfirmation(root, control.closest("[data-guide-confirm]"));
    chooseCaseFile(root, control);
    return;
  }
  const ready = root.dataset.state === "ready";
  if (action === "change" && !ready) {
    changeEarly(root, control.dataset.question);
    return;
  }
  if (view(root).busy || !(ready || action === "restart" || action === "clear")) return;
  event.preventDefault();
  event.stopPropagation();
  if (action === "restart" || action === "clear") {
    startAgain(root, action);
    return;
  }
  const { question, screen, draft } = control.dataset;
  const message = { action, question, screen, draft, ...(WITH_CASE.includes(action) ? { case: work } : {}) };
  request(root, message, { control });
}
