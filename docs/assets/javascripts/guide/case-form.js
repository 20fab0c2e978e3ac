// The case on the result screen: the fields the engine rendered, filled with what the reader typed (case.js), the
// rows of the action plan and the evidence log made from the engine's row template, the tasks' statuses, and the
// drafts' texts and printout as the engine wrote them. What is typed is only ever a field's value or a text
// node's text here, never markup; the printout is the engine's HTML, every text in it escaped there.

import { setField, setReminders, setRows, setStatus, work } from "./case.js";

const section = (scope) => scope.querySelector("[data-case]");

// What a new screen gets of the case: every field, row, status and reminder as the reader left them.
export function fillCase(screen) {
  for (const select of screen.querySelectorAll("[data-task-status-select]")) {
    const status = work.statuses?.[select.dataset.taskStatusSelect];
    if (status && [...select.options].some((option) => option.value === status)) select.value = status;
    showStatus(select);
  }
  const part = section(screen);
  if (!part) return;
  for (const field of part.querySelectorAll("[data-case-field]")) {
    const [name, id] = field.dataset.caseField.split(".");
    field.value = work[name]?.[id] ?? "";
  }
  for (const container of part.querySelectorAll("[data-case-rows]")) {
    renderRows(container, rowsOf(part, container.dataset.caseRows));
  }
  if (Array.isArray(work.reminders)) {
    for (const box of part.querySelectorAll("[data-case-reminder]")) {
      box.checked = work.reminders.includes(box.dataset.caseReminder);
    }
  }
}

// The rows the reader has, or, for an action plan not yet touched, the engine's proposal (data-case-seed).
function rowsOf(part, name) {
  if (Array.isArray(work[name])) return work[name];
  return JSON.parse(part.dataset.caseSeed)[name] ?? [];
}

function renderRows(container, rows) {
  const template = container.querySelector("template[data-case-row-template]");
  const list = container.querySelector("[data-case-row-list]");
  list.replaceChildren(...rows.map((row, index) => rowElement(template, index, row)));
}

// One row from the engine's template; {n} in its ids, labels and buttons is the row's number.
function rowElement(template, index, row) {
  const holder = document.createElement("div");
  holder.innerHTML = template.innerHTML.replaceAll("{n}", String(index + 1));
  const element = holder.firstElementChild;
  element.dataset.caseRowIndex = String(index);
  for (const field of element.querySelectorAll("[data-case-row-field]")) {
    const value = row?.[field.dataset.caseRowField];
    field.value = typeof value === "string" ? value : "";
  }
  return element;
}

function rowsIn(container) {
  return [...container.querySelectorAll("[data-case-row]")].map((row) =>
    Object.fromEntries(
      [...row.querySelectorAll("[data-case-row-field]")].map((field) => [field.dataset.caseRowField, field.value]),
    ),
  );
}

// A task's status on the page (its look, and the words on paper), as the reader set it.
function showStatus(select) {
  const task = select.closest("[data-step]");
  if (!task) return;
  task.dataset.taskStatus = select.value;
  const words = task.querySelector("[data-task-status-text]");
  if (words) words.textContent = select.selectedOptions[0]?.textContent ?? "";
}

// Typing or choosing in the case: true when the case changed (the drafts are then written again).
export function caseInput(target) {
  const field = target.closest("[data-case-field]");
  if (field) {
    const [name, id] = field.dataset.caseField.split(".");
    setField(name, id, field.value);
    return true;
  }
  const rowField = target.closest("[data-case-row-field]");
  if (rowField) {
    const container = rowField.closest("[data-case-rows]");
    setRows(container.dataset.caseRows, rowsIn(container));
    return true;
  }
  const status = target.closest("[data-task-status-select]");
  if (status) {
    setStatus(status.dataset.taskStatusSelect, status.value);
    showStatus(status);
    return true;
  }
  const reminder = target.closest("[data-case-reminder]");
  if (reminder) {
    const boxes = section(reminder.closest("[data-guide-screen]")).querySelectorAll("[data-case-reminder]:checked");
    setReminders([...boxes].map((box) => box.dataset.caseReminder));
    return true;
  }
  return false;
}

// Adding and removing a row, and a task's button that opens its draft: true when the case changed.
export function caseClick(target) {
  const add = target.closest("[data-case-add-row]");
  if (add) {
    const container = add.closest("[data-case-rows]");
    const rows = [...rowsIn(container), {}];
    setRows(container.dataset.caseRows, rows);
    renderRows(container, rows);
    container.querySelector("[data-case-row]:last-of-type [data-case-row-field]")?.focus();
    return true;
  }
  const remove = target.closest("[data-case-remove-row]");
  if (remove) {
    const container = remove.closest("[data-case-rows]");
    const rows = rowsIn(container);
    rows.splice(Number(remove.closest("[data-case-row]").dataset.caseRowIndex), 1);
    setRows(container.dataset.caseRows, rows);
    renderRows(container, rows);
    container.querySelector("[data-case-add-row]").focus();
    return true;
  }
  const opens = target.closest("[data-guide-open]");
  if (opens) {
    const part = document.getElementById(opens.dataset.guideOpen);
    if (part) {
      part.open = true;
      part.querySelector("summary").focus();
      part.scrollIntoView({ block: "start" });
    }
  }
  return false;
}

// The drafts' texts and the case's printout, as the engine wrote them for the case as it stands.
export function showDrafts(root, reply) {
  for (const [draft, text] of Object.entries(reply.drafts ?? {})) {
    const shown = root.querySelector(`[data-draft-text="${CSS.escape(draft)}"]`);
    if (shown && shown.textContent !== text) shown.textContent = text;
  }
  const printed = root.querySelector("[data-case-print]");
  if (printed && typeof reply.print === "string") printed.innerHTML = reply.print;
}
