// The tab's kept answers: the steps the engine said to keep (each reply's `steps`, wizard/session.py),
// or the reader's answers given before Python was ready, in sessionStorage, so that a reload or a phone
// discarding the tab gives them back. Only a question's own form fields are kept, never the result or
// anything typed on it; "Start forfra", "Slet mine svar" and closing the tab remove them.
//
// Read defensively: the value may come from an older build or have been edited by hand. A step that
// cannot be a step (no form, a field that is not a list of texts, garbage) is skipped and counted, so
// the page can tell the reader once; the steps around it are kept.

export const STEPS_KEY = "beslutningsguide:svar";
// 1: {steps} (before the format had a number); 2: {version: 2, steps}.
export const FORMAT = 2;
const ACTIONS = ["answer", "change", "confirm"];

// The steps kept in `text` (the stored value, or null), and how many could not be read.
export function readKept(text) {
  if (text === null || text === undefined) return { steps: [], skipped: 0 };
  let stored;
  try {
    stored = JSON.parse(text);
  } catch {
    return { steps: [], skipped: 1 };
  }
  const version = stored?.version ?? 1;
  if (!Array.isArray(stored?.steps) || (version !== 1 && version !== FORMAT)) return { steps: [], skipped: 1 };
  const steps = stored.steps.map(keptStep).filter(Boolean);
  return { steps, skipped: stored.steps.length - steps.length };
}

export function writeKept(steps) {
  return JSON.stringify({ version: FORMAT, steps });
}

// A step as it is kept, or null: an answer with its question's own fields (e.g. incident_at and
// incident_at_time), each a list of texts; a "Ret" naming its question; "Se resultatet".
export function keptStep(step) {
  if (!isPlain(step) || !ACTIONS.includes(step.action)) return null;
  if (step.action === "confirm") return { action: "confirm" };
  if (typeof step.question !== "string" || !step.question) return null;
  if (step.action === "change") return { action: "change", question: step.question };
  if (!isPlain(step.form)) return null;
  const own = Object.entries(step.form).filter(([name]) => ownField(step.question, name));
  const texts = (values) => Array.isArray(values) && values.every((value) => typeof value === "string");
  if (!own.length || !own.every(([, values]) => texts(values))) return null;
  return { action: "answer", question: step.question, form: Object.fromEntries(own) };
}

export function ownField(question, name) {
  return name === question || name.startsWith(`${question}_`);
}

function isPlain(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// The kept steps of this tab; none where storage is refused.
export function load() {
  try {
    return readKept(sessionStorage.getItem(STEPS_KEY));
  } catch {
    return { steps: [], skipped: 0 };
  }
}

export function save(steps) {
  try {
    if (steps.length) sessionStorage.setItem(STEPS_KEY, writeKept(steps));
    else sessionStorage.removeItem(STEPS_KEY);
  } catch {
    // Storage refused or full: the answers still live in the engine while the page is open.
  }
}
