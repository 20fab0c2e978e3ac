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
    fail(root, { reason: "engine", detail: response.failure });
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

// A confirmation appears beside the button that was pressed, where the reader is looking.
function confirmBeside(root, action, text) {
  const place = root.querySelector(`[data-guide-confirm="${action}"]`);
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

  watchScreens(root);

  root.addEventListener("click", (event) => {
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
    const control = event.target.closest("[data-guide-action]");
    if (!control || root.dataset.state !== "ready") return;
    event.preventDefault();
    event.stopPropagation();
    const action = control.dataset.guideAction;
    if (action === "back") history.back();
    else if (action === "print") window.print();
    else request(root, { action, question: control.dataset.question, screen: control.dataset.screen });
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
