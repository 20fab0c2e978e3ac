// The result's countdown: display only. Each deadline's <time datetime> (or, for a whole day, the
// instant it ends) is the truth the engine computed, and every word comes from the rendered screen;
// this says what the engine would say at a later moment (wizard/screens/deadline_words.py), which
// tests/js/countdown.test.mjs checks against the engine for the same moments.

import { dateIn } from "./dates.js";

// A positive number of seconds in words, e.g. "2 dage og 3 timer"; never "0 minutter".
export function duration(seconds, words) {
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

// Whether a deadline ending at `end` (ms) has passed at `now`: a whole day once it has ended, an instant once
// it lies behind.
function passedAt(end, allDay, now) {
  return allDay ? now >= end : now > end;
}

// A deadline at `now` (ms): its state (open, urgent, undecided, overdue), what it says and its flag.
// `deadline` holds what the screen carries: endsAt (a whole day's end) or due (an instant), latest (the
// deadline counted from the end of a day given without a time), and the texts for a passed deadline.
export function deadlineAt(deadline, words, now) {
  const end = Date.parse(deadline.endsAt || deadline.due);
  const seconds = Math.floor((end - now) / 1000);
  const passed = passedAt(end, Boolean(deadline.endsAt), now);
  let state = seconds < words.urgent_seconds ? "urgent" : "open";
  if (passed) state = deadline.latest && now <= Date.parse(deadline.latest) ? "undecided" : "overdue";
  const text = { overdue: deadline.overdueText, undecided: deadline.undecidedText }[state]
    ?? words.left.replace("{left}", duration(seconds, words));
  const flag = { urgent: words.flag_urgent, undecided: words.flag_urgent, overdue: words.flag_overdue }[state] ?? "";
  return { state, text, flag };
}

export function countdown(root, now = Date.now()) {
  const summary = root.querySelector("[data-countdown-words]");
  if (!summary) return;
  const words = JSON.parse(summary.dataset.countdownWords);
  // After midnight "i dag" and "i morgen" are wrong: show the date instead.
  const stale = dateIn(summary.dataset.timeZone, 0, new Date(now)) !== summary.dataset.evaluatedOn;
  for (const item of summary.querySelectorAll("[data-deadline]")) {
    const time = item.querySelector("time");
    const { state, text, flag } = deadlineAt({ ...item.dataset, due: time.dateTime }, words, now);
    const left = item.querySelector("[data-countdown]");
    if (left.textContent !== text) left.textContent = text;
    item.dataset.state = state;
    // Once it may have passed, its status says how late it can be: said once.
    const latest = item.querySelector("[data-latest-text]");
    if (latest) latest.hidden = state === "undecided";
    item.querySelector("[data-flag]").textContent = flag;
    const date = item.querySelector("[data-due-text]");
    if (stale && date) {
      time.textContent = date.dataset.dueText;
      date.hidden = true;
    }
  }
  groupHeadings(root, now, stale);
}

// The words heading a group of steps that belongs to a deadline, at `now` (ms). The engine rendered the words
// for each state (data-heading-states); this picks the one that stands, as wizard/step_groups.py does: of the
// deadlines not surely passed, the one that may run out first (one that may have passed, at its latest: do it
// now), else all have.
export function headingAt(states, now, stale) {
  const runsOut = (d) => (passedAt(Date.parse(d.ends), d.all_day, now) ? Date.parse(d.latest) : Date.parse(d.ends));
  const standing = states.deadlines
    .filter((d) => !passedAt(Date.parse(d.ends), d.all_day, now) || (d.latest && now <= Date.parse(d.latest)))
    .sort((a, b) => runsOut(a) - runsOut(b));
  const [first] = standing;
  const open = first && !passedAt(Date.parse(first.ends), first.all_day, now) ? first : undefined;
  const text = open ? (stale ? open.dated : open.relative) : first ? states.undecided : states.overdue;
  return { text, open: Boolean(open) };
}

function groupHeadings(root, now, stale) {
  for (const heading of root.querySelectorAll("[data-heading-states]")) {
    const { text, open } = headingAt(JSON.parse(heading.dataset.headingStates), now, stale);
    const shown = heading.querySelector("[data-heading-text]");
    if (shown.textContent !== text) shown.textContent = text;
    // On paper the date stands instead of "i morgen"; once passed, what to do stands everywhere.
    const dated = heading.querySelector("[data-heading-dated]");
    if (dated) dated.hidden = !open || stale;
  }
}
