// The decision guide's main-thread shell: shows the screens the engine renders, and turns clicks,
// form submissions and the browser's Back button into requests to it (engine.js runs the worker).
// Nothing here decides anything about harassment.
//
// Every question and the danger screen are also in the page, as inert <template>s the build
// rendered with the engine's own code, and the page knows which questions the answers ask from the
// flow table (flow.js): a reader answers them before Python is ready, the page moves between them,
// and the engine gets the answers in order once it is ready. What the page cannot check (e.g. a
// time later today than now) the engine does then: the reader gets its message on that question.
//
// Every step that changes the answers (an answer, a "Ret", "Se resultatet") is kept for the tab
// in sessionStorage: a reload, or a phone discarding the tab, replays them to a fresh engine.
// Only a question's own form fields are kept, never the result or anything typed on it; "Start
// forfra", "Slet mine svar" and closing the tab remove them.

const { call } = window.guideEngine;
const STEPS_KEY = "beslutningsguide:svar";
const PLACE_KEY = "beslutningsguide:sted";

// This script and the engine outlive Material's instant navigation; the page's elements do not.
// `steps` are the reader's steps in order; the engine holds the first `held` of them. `stale`:
// the reader deleted answers the engine may still hold. `generation` counts deletions.
const session = { steps: readSteps(), held: 0, stale: false, generation: 0 };

function readSteps() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STEPS_KEY) || "null");
    const steps = Array.isArray(stored?.steps) ? stored.steps : [];
    return steps.filter((step) => ["answer", "change", "confirm"].includes(step?.action));
  } catch {
    return [];
  }
}

function saveSteps() {
  try {
    if (session.steps.length) sessionStorage.setItem(STEPS_KEY, JSON.stringify({ steps: session.steps }));
    else sessionStorage.removeItem(STEPS_KEY);
  } catch {
    // Storage refused or full: the answers still live in the engine while the page is open.
  }
}

function formValues(form, submitter) {
  const values = {};
  for (const [name, value] of new FormData(form, submitter)) {
    (values[name] ??= []).push(String(value));
  }
  return values;
}

// What is kept of a question's form: its own fields (e.g. incident_at and incident_at_time), nothing else.
function questionFields(question, values) {
  return Object.fromEntries(
    Object.entries(values).filter(([name]) => name === question || name.startsWith(`${question}_`)),
  );
}

function remember(root, step, held) {
  if (held) {
    // In front of the steps the engine has not taken yet: they wait behind an answer it refused,
    // which this one replaces if it answers the same question.
    const waiting = session.steps[session.held];
    const replaces = waiting?.action === "answer" && waiting.question === step.question && step.action === "answer";
    session.steps.splice(session.held, replaces ? 1 : 0, step);
    session.held += 1;
  } else {
    session.steps.push(step);
  }
  saveSteps();
  noteRole(root, step);
}

// The fallback (fail()) reads the reader's role from the root, early answer or not.
function noteRole(root, step) {
  if (step.action === "answer" && step.question === root.dataset.roleQuestion) {
    root.dataset.role = step.form[step.question]?.[0] ?? "";
  }
}

function forget(root, { engineToo }) {
  session.generation += 1;
  session.stale = !engineToo;
  session.steps = [];
  session.held = 0;
  saveSteps();
  delete root.dataset.role;
}

// Whether the engine carried out a step: a refused one comes back as the same question with an
// error, or with a notice.
function accepted(root, step, response) {
  if (!response || response.failure || response.notice) return false;
  if (step.action === "answer") return response.screen !== step.question;
  if (step.action === "change") return response.screen === step.question;
  return response.screen === root.dataset.resultScreen;
}

function announce(root, text, { quiet = false } = {}) {
  const status = root.querySelector("[data-guide-status]");
  if (!status) return;
  status.textContent = text;
  // "Ready" is for screen readers; sighted readers see the guide respond.
  status.classList.toggle("guide-visually-hidden", quiet);
}

// -- Screens ---------------------------------------------------------------------------------------

function flowTable(root) {
  return (root.guideFlowTable ??= JSON.parse(root.dataset.flow));
}

// The answers as the page has them: each question's last form, less the answers that later
// answers no longer ask for, as the engine keeps them. A form the table cannot read (an answer
// this build does not know, e.g. kept by an older one) is left out: the engine refuses it too.
function pageAnswers(root) {
  let answers = {};
  for (const step of session.steps) {
    if (step.action !== "answer") continue;
    const place = window.guideFlow.position(flowTable(root), { ...answers, [step.question]: step.form });
    if (place) answers = place.answers;
  }
  return answers;
}

function pagePlace(root) {
  return window.guideFlow.position(flowTable(root), pageAnswers(root));
}

function keptForm(root, question) {
  return pageAnswers(root)[question] ?? null;
}

// The question after this one where the page's answers lead, or null where the engine must say
// (the answers to check come next).
function following(root, question) {
  const { asked } = pagePlace(root);
  const index = asked.indexOf(question);
  return index < 0 ? null : asked[index + 1] ?? null;
}

// A screen the page holds: its own (the danger screen), or a question the answers so far reach,
// worded for the reader's role, with its number and "Tilbage" to the question before it.
function pageScreen(root, screen, { error = false } = {}) {
  const templates = [...root.querySelectorAll("template[data-guide-static]")].filter(
    (t) => t.dataset.guideStatic === screen && t.hasAttribute("data-error") === error,
  );
  const local = templates.find((t) => t.hasAttribute("data-local"));
  if (local) return fromTemplate(local);
  const place = pagePlace(root);
  const index = place.asked.indexOf(screen);
  if (index < 0 || (place.next !== null && index > place.asked.indexOf(place.next))) return null;
  const role = place.answers[root.dataset.roleQuestion]?.[root.dataset.roleQuestion]?.[0] ?? "";
  const template = templates.find((t) => t.dataset.role === role) ?? templates.find((t) => t.dataset.role === "");
  if (!template) return null;
  const html = template.content.cloneNode(true);
  html.querySelector(".guide-progress").textContent = root.dataset.questionNumber.replace("{n}", String(index + 1));
  const back = html.querySelector('[data-guide-action="back"]');
  if (back) back.dataset.screen = place.asked[index - 1] ?? "";
  const holder = document.createElement("div");
  holder.append(html);
  return { ...fromTemplate(template), html: holder.innerHTML };
}

function pageScreenByAnchor(root, anchor) {
  const template = [...root.querySelectorAll("template[data-guide-static]")].find((t) => t.dataset.anchor === anchor);
  return template ? pageScreen(root, template.dataset.guideStatic) : null;
}

function fromTemplate(template) {
  return {
    screen: template.dataset.guideStatic,
    anchor: template.dataset.anchor,
    title: template.dataset.title,
    html: template.innerHTML,
    local: template.hasAttribute("data-local"),
  };
}

// What the page checks itself: a choice made, a date given. The engine checks the rest.
function unanswered(form) {
  if (form.querySelector('input[type="radio"], input[type="checkbox"]')) return !form.querySelector("input:checked");
  return [...form.querySelectorAll("input[required]")].some((input) => !input.value);
}

function fill(screen, values) {
  for (const input of screen.querySelectorAll("form[data-question] input[name]")) {
    const chosen = values[input.name];
    if (!chosen) continue;
    if (input.type === "radio" || input.type === "checkbox") input.checked = chosen.includes(input.value);
    else input.value = chosen[0] ?? "";
  }
}

function show(root, response, { push = true, values = null, focus = true } = {}) {
  const screen = root.querySelector("[data-guide-screen]");
  screen.innerHTML = response.html;
  screen.dataset.current = response.screen;
  screen.hidden = false;
  view(root).awaiting = false;
  if (values) fill(screen, values);
  fillResult(screen);
  if (response.title) document.title = `${response.title} – ${root.dataset.pageTitle}`;
  if (push) history.pushState({}, "", `#${response.anchor}`);
  else history.replaceState(history.state, "", `#${response.anchor}`);
  view(root).screens += 1;
  if (focus) (screen.querySelector("[data-guide-focus]") || screen.querySelector("h1, h2"))?.focus();
  performance.mark("guide:screen", { detail: response.screen });
}

// The engine's version of the screen the reader is on. An identical screen stays, with the
// reader's unsent choice and the focus; a different one (e.g. with an answer filled in) takes its
// place, and the reader's unsent choice is put back.
function refresh(root, response) {
  const screen = root.querySelector("[data-guide-screen]");
  const local = pageScreen(root, response.screen);
  const probe = document.createElement("template");
  probe.innerHTML = response.html;
  if (local && probe.innerHTML === local.html && screen.dataset.current === response.screen) {
    history.replaceState(history.state, "", `#${response.anchor}`);
    return;
  }
  const form = screen.querySelector("form[data-question]");
  const unsent = form ? formValues(form) : null;
  const focused = screen.contains(document.activeElement) ? document.activeElement.id : "";
  show(root, response, { push: false, values: unsent, focus: false });
  if (focused) document.getElementById(focused)?.focus();
}

// -- Talking to the engine -----------------------------------------------------------------------

// Per page element: the state of the screen on it.
function view(root) {
  return (root.guideView ??= {
    busy: false, // a request is in flight: the form is locked
    awaiting: false, // the reader answered the last question the page can show, before the engine was ready
    pendingAnchor: null, // Back or Forward while a request was in flight
    // Counted, not timed: which screen was shown when a press, and a run of clicks, began.
    screens: 0,
    pressedOn: null,
    clicksBeganOn: null,
  });
}

async function exchange(root, message) {
  const state = view(root);
  state.busy = true;
  root.dataset.busy = "true";
  try {
    return await call({ ...message, root: root.dataset.root });
  } finally {
    state.busy = false;
    delete root.dataset.busy;
  }
}

async function request(root, message, { push = true, keep = null } = {}) {
  if (session.held < session.steps.length && !(await caughtUp(root))) return;
  const response = await exchange(root, message);
  if (response.failure) {
    trouble(root, response.failure);
    return;
  }
  if (root.dataset.trouble) {
    delete root.dataset.trouble;
    announce(root, "", { quiet: true });
  }
  let shown = response;
  if (keep && accepted(root, keep, response)) {
    remember(root, keep, true);
    if (session.held < session.steps.length) shown = await catchUp(root, response);
  }
  const state = view(root);
  if (state.pendingAnchor) {
    // The reader pressed Back or Forward meanwhile: go where the address bar now says.
    const anchor = state.pendingAnchor;
    state.pendingAnchor = null;
    navigate(root, anchor);
    return;
  }
  if (response.download) {
    download(response.download);
    confirmBeside(root, message.action, response.announce || "");
    return;
  }
  if (response.copy !== undefined) {
    await copy(root, response.copy);
    return;
  }
  show(root, shown, { push });
}

// The answers that waited behind a refused one, once the reader has answered it: the engine gets
// them, and the reader goes on to the screen the answer led to, now with its answer filled in.
async function catchUp(root, response) {
  const replayed = await caughtUp(root);
  if (!replayed) return response;
  return replayed.refusal ?? (await call({ action: "show", screen: response.screen, root: root.dataset.root }));
}

// Before a request: the steps the engine does not hold yet (held back by a fault, or waiting behind
// a refused answer) go first, so that the engine has every answer before it. Resolves with the
// replay's outcome, or null after a fault: the steps stay kept, and the reader is told.
async function caughtUp(root) {
  const state = view(root);
  state.busy = true;
  try {
    return await replay(root);
  } catch (error) {
    trouble(root, String(error));
    return null;
  } finally {
    state.busy = false;
  }
}

// Replays the steps the engine does not hold yet, in order. An answer it refuses with a message
// (e.g. a time later today than now, which the page could not check) stops the replay, unless a
// later step answers that question again: the steps after it wait until the reader has answered
// it. Any other step it refuses (e.g. kept by an older build) is dropped. A fault (no reply) is not a refusal: the step is tried once more, and
// then the replay throws, with every step still kept. Resolves with the engine's reply to the last
// step it carried out, and with the refusal, if any.
async function replay(root) {
  let last = null;
  let refusal = null;
  let replayed = 0;
  let faults = 0;
  for (;;) {
    if (session.stale) {
      await call({ action: "restart", root: root.dataset.root });
      session.stale = false;
      last = null;
      continue;
    }
    if (session.held >= session.steps.length) break;
    const generation = session.generation;
    const step = session.steps[session.held];
    const response = await call({ ...step, root: root.dataset.root });
    if (generation !== session.generation) continue; // the reader deleted the answers meanwhile
    if (response?.failure) {
      faults += 1;
      if (faults > 1) throw new Error(response.failure);
      continue;
    }
    if (accepted(root, step, response)) {
      session.held += 1;
      replayed += 1;
      last = response;
    } else if (step.action === "answer" && !response.notice && response.screen === step.question
      && !answeredAgain(session.held)) {
      refusal = response;
      break;
    } else {
      console.warn("Beslutningsguiden kunne ikke genskabe et svar:", step.question || step.action);
      session.steps.splice(session.held, 1);
      saveSteps();
    }
  }
  if (replayed) performance.mark("guide:replayed", { detail: replayed });
  return { last, refusal };
}

// Whether a later step answers the same question as the step at ``index`` (which it then replaces).
function answeredAgain(index) {
  const { question } = session.steps[index];
  return session.steps.slice(index + 1).some((step) => step.action === "answer" && step.question === question);
}

// Once the engine is ready: give it every answer, then show the engine's screen for where the
// reader is now (the address bar says which), or, if the reader was waiting, the next one.
async function settle(root) {
  const state = view(root);
  for (;;) {
    const { last, refusal } = await replay(root);
    if (refusal) {
      state.awaiting = false;
      show(root, refusal, { push: location.hash.slice(1) !== refusal.anchor });
      return;
    }
    const anchor = location.hash.slice(1);
    const steps = session.steps.length;
    const local = pageScreenByAnchor(root, anchor);
    if (local?.local) {
      if (root.querySelector("[data-guide-screen]").dataset.current !== local.screen) {
        show(root, local, { push: false });
      }
      return;
    }
    let response = last;
    if (!(state.awaiting && last) && last?.anchor !== anchor) {
      const message = anchor.startsWith(root.dataset.anchorPrefix) ? { action: "show", anchor } : { action: "current" };
      response = await call({ ...message, root: root.dataset.root });
    }
    if (location.hash.slice(1) !== anchor || session.steps.length !== steps || session.stale) continue;
    if (response.failure) throw new Error(response.failure);
    if (state.awaiting) {
      state.awaiting = false;
      show(root, response);
      return;
    }
    const place = takePlace(response.anchor);
    const screen = root.querySelector("[data-guide-screen]");
    if (screen.dataset.current === response.screen && !screen.hidden) refresh(root, response);
    else show(root, response, { push: false, focus: !place });
    if (place) restorePlace(root, place);
    return;
  }
}

// -- The reader's input --------------------------------------------------------------------------

function onSubmit(root, event) {
  const form = event.target.closest("form[data-question], form[data-check], form[data-continue]");
  if (!form) return;
  event.preventDefault();
  const state = view(root);
  if (root.dataset.state === "failed" || state.busy) return;
  const ready = root.dataset.state === "ready";
  if (form.dataset.continue !== undefined) {
    proceed(root, form.dataset.continue);
    return;
  }
  if (form.dataset.check) {
    if (ready) request(root, { action: "confirm" }, { keep: { action: "confirm" } });
    return;
  }
  const question = form.dataset.question;
  const values = formValues(form, event.submitter);
  const step = { action: "answer", question, form: questionFields(question, values) };
  const leadsTo = form.querySelector("input[data-leads-to]:checked")?.dataset.leadsTo;
  if (ready) {
    performance.mark("guide:answered", { detail: { question, early: false } });
    if (!leadsTo) {
      request(root, { action: "answer", question, form: values }, { keep: step });
      return;
    }
    // 112 first: the page's own screen at once; the engine keeps the answer meanwhile.
    show(root, pageScreen(root, leadsTo));
    call({ action: "answer", question, form: values, root: root.dataset.root }).then((response) => {
      if (accepted(root, step, response)) remember(root, step, true);
    });
    return;
  }
  // A screen the page does not hold (e.g. one the engine showed) leaves every check to the engine.
  const here = pageScreen(root, question);
  if (here && unanswered(form)) {
    show(root, pageScreen(root, question, { error: true }), { push: false, values: step.form });
    return;
  }
  performance.mark("guide:answered", { detail: { question, early: true } });
  remember(root, step, false);
  // A date the browser itself finds out of range waits for the engine's message.
  const next = here && (leadsTo || (form.checkValidity() ? following(root, question) : null));
  if (next) {
    state.awaiting = false;
    show(root, pageScreen(root, next), { values: keptForm(root, next) });
  } else {
    state.awaiting = true;
    announce(root, root.dataset.keptWhileLoading);
    keptBeside(form, root.dataset.keptWhileLoading);
  }
}

// The same words beside the button: on a phone the status line above the question may be out of
// sight. Screen readers hear the status line; this copy is for the eyes only.
function keptBeside(form, text) {
  let note = form.querySelector("[data-guide-kept]");
  if (!note) {
    note = document.createElement("p");
    note.className = "guide-kept";
    note.dataset.guideKept = "";
    note.setAttribute("aria-hidden", "true");
    form.querySelector('button[type="submit"]').after(note);
  }
  note.textContent = text;
}

// On from a screen of the page's own (the danger screen) to the question after it.
function proceed(root, screen) {
  if (root.dataset.state === "ready") {
    request(root, screen ? { action: "show", screen } : { action: "current" });
    return;
  }
  const next = pageScreen(root, screen);
  if (next) {
    show(root, next, { values: keptForm(root, screen) });
  } else {
    view(root).awaiting = true;
    announce(root, root.dataset.keptWhileLoading);
  }
}

function startAgain(root, action) {
  const ready = root.dataset.state === "ready";
  forget(root, { engineToo: ready });
  view(root).awaiting = false;
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
  const guideBefore = before?.pathname === root.dataset.pathname && before.hash.startsWith(`#${root.dataset.anchorPrefix}`);
  if (!entries || guideBefore || !previous) {
    history.back();
  } else if (root.dataset.state === "ready") {
    if (!view(root).busy) request(root, { action: "show", screen: previous });
  } else {
    const screen = pageScreen(root, previous);
    if (screen) show(root, screen, { values: keptForm(root, previous) });
  }
}

// Back and Forward between screens, passed on by history.js.
function navigate(root, anchor) {
  const state = view(root);
  if (root.dataset.state === "failed") return;
  const local = pageScreenByAnchor(root, anchor);
  if (local?.local) {
    show(root, local, { push: false });
  } else if (root.dataset.state === "ready") {
    if (state.busy) state.pendingAnchor = anchor;
    else request(root, { action: "show", anchor }, { push: false });
  } else if (local) {
    show(root, local, { push: false, values: keptForm(root, local.screen) });
  } else {
    restoring(root);
  }
}

// A screen only the engine can show, before it is ready: say so instead of showing another one.
function restoring(root) {
  root.querySelector("[data-guide-screen]").hidden = true;
  announce(root, root.dataset.restoringText);
}

// A click whose press began before the screen changed, or the second click of a double click, would
// hit whatever moved under the pointer: it is dropped. Keyboard presses (detail 0) and clicks without
// a press (e.g. a screen reader's) always count.
function stray(root, event) {
  const state = view(root);
  if (event.detail === 0 || !root.querySelector("[data-guide-screen]").contains(event.target)) return false;
  if (state.pressedOn !== null && state.pressedOn !== state.screens) return true;
  if (event.detail > 1) return state.clicksBeganOn !== state.screens || Boolean(event.target.closest("a, button"));
  return false;
}

function openConfirmation(root, ask) {
  const action = ask.dataset.guideAsk;
  for (const panel of root.querySelectorAll("[data-guide-confirm]")) panel.hidden = panel.dataset.guideConfirm !== action;
  for (const other of root.querySelectorAll("[data-guide-ask]")) other.setAttribute("aria-expanded", String(other === ask));
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
  const ask = event.target.closest("[data-guide-ask]");
  if (ask) {
    openConfirmation(root, ask);
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
    window.print();
    return;
  }
  const ready = root.dataset.state === "ready";
  if (view(root).busy || !(ready || action === "restart" || action === "clear")) return;
  event.preventDefault();
  event.stopPropagation();
  if (action === "restart" || action === "clear") {
    startAgain(root, action);
    return;
  }
  const keep = action === "change" ? { action, question: control.dataset.question } : null;
  request(root, { action, question: control.dataset.question, screen: control.dataset.screen, ...noteFor(action) }, { keep });
}

// -- Where the reader was --------------------------------------------------------------------------

// Before the reader follows a link (e.g. "Læs i retningslinjen") or the page unloads: the screen,
// how far down, and which link, so coming back returns to the same place.
function keepPlace(root, link = null) {
  const anchor = location.hash.slice(1);
  if (!anchor.startsWith(root.dataset.anchorPrefix)) return;
  const links = [...root.querySelectorAll("[data-guide-screen] a[href]")];
  try {
    sessionStorage.setItem(PLACE_KEY, JSON.stringify({ anchor, y: window.scrollY, link: links.indexOf(link) }));
  } catch {
    // Only the scroll position is lost.
  }
}

function takePlace(anchor) {
  try {
    const place = JSON.parse(sessionStorage.getItem(PLACE_KEY) || "null");
    sessionStorage.removeItem(PLACE_KEY);
    return place?.anchor === anchor ? place : null;
  } catch {
    return null;
  }
}

function restorePlace(root, place) {
  const screen = root.querySelector("[data-guide-screen]");
  const link = screen.querySelectorAll("a[href]")[place.link];
  (link || screen.querySelector("[data-guide-focus]") || screen.querySelector("h1"))?.focus({ preventScroll: true });
  window.scrollTo(0, Number(place.y) || 0);
}

// What the page can show before the engine is ready: the screen in the address bar if the page
// has it (a reload, a tab brought back), else the first question, with the kept answers.
function arrive(root) {
  const anchor = location.hash.slice(1);
  const guideAnchor = anchor.startsWith(root.dataset.anchorPrefix);
  if (!session.steps.length) {
    // The first screen gets an address of its own, so Back returns to it.
    if (!anchor || guideAnchor) {
      const first = fromTemplate(root.querySelector("template[data-guide-static]:not([data-error])"));
      history.replaceState(history.state, "", `#${first.anchor}`);
    }
    return;
  }
  // Without a screen in the address (e.g. the guide opened from the menu), the next question.
  const local = guideAnchor ? pageScreenByAnchor(root, anchor) : !anchor && pageScreen(root, pagePlace(root).next);
  if (local) show(root, local, { push: false, focus: false, values: keptForm(root, local.screen) });
  else restoring(root);
}

// -- Output ------------------------------------------------------------------------------------------

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
    confirmBeside(root, "copy", root.dataset.copied);
  } catch {
    // Clipboard access can be refused (insecure origin, permissions): show the text to copy by hand.
    if (field) {
      field.hidden = false;
      field.value = text;
      field.select();
    }
    confirmBeside(root, "copy", root.dataset.copyManually);
  }
}

// --- How-tos and the documentation note on the result (issue 15) ---

function fillResult(screen) {
  fillContacts(screen);
  showNote(screen);
}

// The engine names a step's contacts by id (data-contact-slot); the build rendered the municipality's cards
// into the page as <template>s (tools/site/contacts.py), since the engine never sees mkdocs.yml. Copy them in.
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

// A confirmation appears beside the button that was pressed, where the reader is looking.
function confirmBeside(root, action, text) {
  const place = root.querySelector(`[data-guide-tool-status="${action}"]`);
  if (place) place.textContent = text;
  else announce(root, text);
}

// The calendar date in timeZone (the engine's, rendered into the screen), daysAgo days back, as YYYY-MM-DD.
function dateIn(timeZone, daysAgo = 0) {
  const parts = new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "numeric", day: "numeric" })
    .formatToParts(new Date());
  const { year, month, day } = Object.fromEntries(parts.map((part) => [part.type, Number(part.value)]));
  return new Date(Date.UTC(year, month - 1, day - daysAgo)).toISOString().slice(0, 10);
}

// The page is built ahead of time, so "no future dates" is set here, on the day the reader answers.
function limitDates(scope) {
  scope.querySelectorAll("input[data-guide-max-today]").forEach((input) => {
    input.max = dateIn(input.dataset.guideMaxToday);
  });
}

function fillDate(button) {
  const input = document.getElementById(button.dataset.guideDateField);
  if (!input) return;
  input.value = dateIn(input.dataset.guideMaxToday, Number(button.dataset.guideDaysAgo));
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

// The result's countdown: display only. Each deadline's <time datetime> (or, for a whole day, the
// instant it ends) is the truth the engine computed; every word comes from the rendered screen.
function duration(seconds, words) {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const unit = (n, one) => `${n} ${words[n === 1 ? one : `${one}s`]}`;
  const both = (first, second) => `${first} ${words.and} ${second}`;
  if (days) return hours ? both(unit(days, "day"), unit(hours, "hour")) : unit(days, "day");
  if (hours) return rest ? both(unit(hours, "hour"), unit(rest, "minute")) : unit(hours, "hour");
  return rest ? unit(rest, "minute") : words.under_a_minute;
}

function countdown(root) {
  const summary = root.querySelector("[data-countdown-words]");
  if (!summary) return;
  const words = JSON.parse(summary.dataset.countdownWords);
  const now = Date.now();
  // After midnight "i dag" and "i morgen" are wrong: show the date instead.
  const stale = dateIn(summary.dataset.timeZone) !== summary.dataset.evaluatedOn;
  for (const item of summary.querySelectorAll("[data-deadline]")) {
    const time = item.querySelector("time");
    const seconds = Math.floor((Date.parse(item.dataset.endsAt || time.dateTime) - now) / 1000);
    const latest = item.dataset.latest ? Date.parse(item.dataset.latest) : null;
    let state = "overdue";
    if (seconds >= 0) state = seconds < words.urgent_seconds ? "urgent" : "open";
    else if (latest !== null ? now < latest : item.dataset.overdue === "null") state = "undecided";
    const text = {
      overdue: item.dataset.overdueText,
      undecided: item.dataset.undecidedText,
    }[state] ?? words.left.replace("{left}", duration(seconds, words));
    const left = item.querySelector("[data-countdown]");
    if (left.textContent !== text) left.textContent = text;
    item.dataset.state = state;
    item.querySelector("[data-flag]").textContent = {
      urgent: words.flag_urgent, undecided: words.flag_urgent, overdue: words.flag_overdue,
    }[state] ?? "";
    const date = item.querySelector("[data-due-text]");
    if (stale && date) {
      time.textContent = date.dataset.dueText;
      date.hidden = true;
    }
  }
  groupHeadings(root, now, stale);
}

// The headings of the groups of steps that belong to a deadline: the engine rendered the words for each
// state (data-heading-states); this picks the one that stands, as wizard/step_groups.py does: the first
// deadline still open, else one that may have passed, else all have.
function groupHeadings(root, now, stale) {
  for (const heading of root.querySelectorAll("[data-heading-states]")) {
    const states = JSON.parse(heading.dataset.headingStates);
    const open = states.deadlines.find((d) => Math.floor((Date.parse(d.ends) - now) / 1000) >= 0);
    const undecided = states.deadlines.some((d) => d.latest && now <= Date.parse(d.latest));
    const text = open ? (stale ? open.dated : open.relative) : undecided ? states.undecided : states.overdue;
    const shown = heading.querySelector("[data-heading-text]");
    if (shown.textContent !== text) shown.textContent = text;
    // On paper the date stands instead of "i morgen"; once passed, what to do stands everywhere.
    const dated = heading.querySelector("[data-heading-dated]");
    if (dated) dated.hidden = !open || stale;
  }
}

let countdownTimer = null; // one, for the guide on the current page (instant navigation swaps the page)

// Each new screen: its date limits and, on the result, the countdown at once and then every 20 s.
function watchScreens(root) {
  const screen = root.querySelector("[data-guide-screen]");
  const refresh = () => {
    limitDates(screen);
    countdown(root);
  };
  refresh();
  new MutationObserver(refresh).observe(screen, { childList: true });
  clearInterval(countdownTimer);
  countdownTimer = setInterval(() => countdown(root), 20_000);
}

// A phone that wakes the tab shows the time left at once.
document.addEventListener("visibilitychange", () => {
  const root = document.querySelector("[data-guide]");
  if (root && document.visibilityState === "visible") countdown(root);
});

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

function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  root.dataset.pathname = location.pathname;
  session.steps.forEach((step) => noteRole(root, step));
  const state = view(root);
  arrive(root);
  mountNote(root);

  watchScreens(root);
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
  root.addEventListener("keydown", (event) => {
    const panel = event.key === "Escape" && event.target.closest("[data-guide-confirm]");
    if (panel) closeConfirmation(root, panel);
  });
  root.addEventListener("guide:history", (event) => navigate(root, event.detail.anchor));

  const stopWatching = window.guideEngine.watch((status) => {
    if (root.dataset.state === "loading" && status.state === "loading") loading(root, status);
    else if (status.state === "stalled" || status.state === "failed") fail(root, status);
  });
  // start() resolves once the engine is ready, however late: a stalled start that goes on after
  // all brings the guide back from the fallback, with the answers given meanwhile.
  window.guideEngine.start(root).then(async () => {
    stopWatching();
    if (root.dataset.state === "failed") {
      recover(root);
      root.dataset.state = "loading";
    }
    performance.mark("guide:ready");
    try {
      await settle(root);
    } catch (error) {
      trouble(root, String(error));
    }
    root.dataset.state = "ready";
    if (!root.dataset.trouble) announce(root, root.dataset.readyText, { quiet: true });
  });
}

// A reload, or the tab discarded: come back to the same place (a followed link has noted its own).
window.addEventListener("pagehide", () => {
  const root = document.querySelector("[data-guide]");
  try {
    if (root && !sessionStorage.getItem(PLACE_KEY)) keepPlace(root);
  } catch {
    // Only the scroll position is lost.
  }
});

function onPage() {
  const root = document.querySelector("[data-guide]");
  if (root) mount(root);
}

// Where instant navigation is going (history.js leaves a Back pressed on the way to another page to it).
window.location$?.subscribe((url) => {
  if (window.guideHistory) window.guideHistory.goingTo = url.pathname;
});

// Material's instant navigation swaps pages without reloading scripts: mount on every page it shows.
if (typeof window.document$ !== "undefined") window.document$.subscribe(onPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();
