// The answers to check, written by the page before Python is ready, as the engine writes them
// (wizard/screens/check.py): the frame and the row are the engine's own, rendered by the build with
// places for what each answer fills in, and the words are the engine's (each question as the
// reader's role is asked it, each option's answer in words, the months and weekdays of a date:
// tools/site/guide_page.py check_words). tests/js/check.test.mjs holds the result to the engine's
// check_screen on answers the engine generates. Pure: strings in, a string out.

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{1,2})[:.](\d{2})$/;

// As the engine escapes (wizard/screens/markup.py escape).
export function escape(text) {
  return String(text).replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

// `pattern` with each {name} replaced by values[name], in one pass: what is put in is never read again.
function fill(pattern, values) {
  return pattern.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? values[name] : whole));
}

// A date (and a clock time, if given) as the engine writes it, e.g. "mandag 14. oktober 2024 kl. 09.30";
// null for what the engine would not take as a date and time.
export function dateWords(words, day, clock) {
  const found = DAY.exec(day ?? "");
  if (!found) return null;
  const [year, month, date] = found.slice(1).map(Number);
  const moment = new Date(0);
  moment.setUTCFullYear(year, month - 1, date);
  if (moment.getUTCFullYear() !== year || moment.getUTCMonth() !== month - 1 || moment.getUTCDate() !== date) {
    return null;
  }
  const long = fill(words.date, {
    weekday: words.weekdays[(moment.getUTCDay() + 6) % 7], // the engine's weeks start on Monday
    day: String(date),
    month: words.months[month - 1],
    year: String(year),
  });
  if (!clock) return long;
  const time = CLOCK.exec(clock);
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) return null;
  return fill(words.dateTime, { date: long, hour: time[1].padStart(2, "0"), minute: time[2] });
}

// The answer in `form` to `question` in words, or null for an answer the engine would not take.
export function answerWords(words, question, form) {
  const entry = words.questions[question];
  if (!entry || !form) return null;
  if (entry.date) return dateWords(words, form[question]?.[0], form[`${question}_time`]?.[0]);
  const chosen = form[question] ?? [];
  if (!chosen.every((value) => entry.options.some(([id]) => id === value))) return null;
  const labels = entry.options.filter(([id]) => chosen.includes(id)).map(([, label]) => label);
  if (!labels.length || (!entry.multiple && new Set(chosen).size !== 1)) return null;
  return labels.join(words.separator);
}

// The screen for `place` (flow.js: every question asked is answered), from the engine's `frame` and
// `row`; null where an answer is one only the engine can put in words.
export function checkScreen(words, frame, row, place) {
  if (!place || place.next !== null || !place.asked.length) return null;
  const role = place.answers[words.roleQuestion]?.[words.roleQuestion]?.[0] ?? "";
  const rows = [];
  for (const question of place.asked) {
    const answer = answerWords(words, question, place.answers[question]);
    if (answer === null) return null;
    const entry = words.questions[question];
    const label = Object.hasOwn(entry.byRole, role) ? entry.byRole[role] : entry.label;
    rows.push(fill(row, { question: escape(question), label: escape(label), answer: escape(answer) }));
  }
  return fill(frame, { rows: rows.join(""), back: escape(place.asked.at(-1)) });
}
