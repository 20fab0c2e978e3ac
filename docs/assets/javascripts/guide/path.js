// Where the kept steps lead, as the page walks them before Python is ready with the build's flow
// table (flow.js): the answers as the engine keeps them, which question the reader can be on, each
// question's number and the question "Tilbage" leads to. tests/js/path.test.mjs holds these to the
// engine's own replies on cases the engine generates (tests/js/fixtures.py).

import { position } from "./flow.js";

// Each question's last form, less the answers that later answers no longer ask for, as the engine
// keeps them. A form the table cannot read (an answer this build does not know) is left out: the
// engine refuses it too, and the page asks that question again.
export function answersOf(table, steps) {
  let answers = {};
  for (const step of steps) {
    if (step.action !== "answer") continue;
    const place = position(table, { ...answers, [step.question]: step.form });
    if (place) answers = place.answers;
  }
  return answers;
}

export function placeOf(table, steps) {
  return position(table, answersOf(table, steps));
}

// Whether the reader can be on `question`: it is asked, and no later than the first unanswered one.
export function reached(place, question) {
  const index = place.asked.indexOf(question);
  return index >= 0 && (place.next === null || index <= place.asked.indexOf(place.next));
}

// The number in a question's heading ("Spørgsmål 3").
export function numberOf(place, question) {
  return place.asked.indexOf(question) + 1;
}

// The question before this one, where "Tilbage" leads ("" for the first).
export function previousOf(place, question) {
  return place.asked[place.asked.indexOf(question) - 1] ?? "";
}

// The question the answer to `question` leads to, or null where the engine says (the answers to check).
export function following(place, question) {
  const index = place.asked.indexOf(question);
  return index < 0 ? null : (place.asked[index + 1] ?? null);
}

// The question a "Ret" on the answers to check opened, while it is under way (null when none is): as the
// engine's session keeps it (wizard/session_state.py), until an answer leaves every question answered
// or the result is asked for.
export function changing(table, steps) {
  let open = null;
  let answers = {};
  for (const step of steps) {
    if (step.action === "change") open = step.question;
    else if (step.action === "confirm") open = null;
    else if (step.action === "answer") {
      const place = position(table, { ...answers, [step.question]: step.form });
      if (!place) continue;
      answers = place.answers;
      if (place.next === null) open = null;
    }
  }
  return open;
}

// Where the answer that ends `steps` takes the reader, as the engine's session says (wizard/session.py):
// the question asked after it, or `check` (the answers to check) after the last one; during a "Ret", the
// first question still unanswered, or `check`. null where only the engine can tell.
export function screenAfter(table, steps, check) {
  const step = steps.at(-1);
  const place = placeOf(table, steps);
  if (!place || step?.action !== "answer") return null;
  if (changing(table, steps.slice(0, -1))) return place.next ?? check;
  return following(place, step.question) ?? check;
}
