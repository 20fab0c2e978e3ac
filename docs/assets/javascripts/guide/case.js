// The reader's case for this tab: the tasks' statuses, the note, the drafts' fields, the action plan's measures,
// the evidence log and the reminders chosen. It lives here, in the page's memory, and as the answers do in the
// tab's sessionStorage (store.js): a phone that discards the tab while the reader takes a screenshot for the log
// must not lose the log. Nothing is kept beyond the tab; "Start forfra", "Slet mine svar" and closing the tab
// forget it, and only "Gem sagen" writes it to a file (the engine makes the file: wizard/case_file.py).
//
// The page decides nothing about it: the engine reads what the page sends with every request that needs it
// (wizard/case_input.py) and writes the drafts, the text, the printout and the file.

export const CASE_KEY = "beslutningsguide:sag";
export const CASE_FORMAT = 1;

// The case in `text` (the stored value, or null); anything that is not this format's case is an empty one.
export function readCase(text) {
  if (text === null || text === undefined) return {};
  try {
    const stored = JSON.parse(text);
    return stored?.version === CASE_FORMAT && isPlain(stored.case) ? stored.case : {};
  } catch {
    return {};
  }
}

export function writeCase(work) {
  return JSON.stringify({ version: CASE_FORMAT, case: work });
}

function isPlain(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function load() {
  try {
    return readCase(sessionStorage.getItem(CASE_KEY));
  } catch {
    return {};
  }
}

// The tab's case: one object for the document (instant navigation keeps this module).
export const work = load();

let keptInTab = true;

// Whether the tab keeps the case as it stands now (storage can be refused or full).
export function caseKept() {
  return keptInTab;
}

function keep() {
  try {
    if (Object.keys(work).length) sessionStorage.setItem(CASE_KEY, writeCase(work));
    else sessionStorage.removeItem(CASE_KEY);
    keptInTab = true;
  } catch {
    // The case still lives in the page while it is open; an older copy must not come back as if current.
    keptInTab = false;
    try {
      sessionStorage.removeItem(CASE_KEY);
    } catch {
      // Storage refused altogether: there is no older copy either.
    }
  }
}

// A case opened from a file (as the engine read it), or none ("Start forfra", "Slet mine svar").
export function replaceCase(next = {}) {
  for (const key of Object.keys(work)) delete work[key];
  Object.assign(work, isPlain(next) ? next : {});
  keep();
}

export function setField(part, field, value) {
  work[part] = { ...(isPlain(work[part]) ? work[part] : {}), [field]: value };
  keep();
}

export function setRows(part, rows) {
  work[part] = rows;
  keep();
}

export function setStatus(step, status) {
  setField("statuses", step, status);
}

export function setReminders(ids) {
  work.reminders = ids;
  keep();
}
