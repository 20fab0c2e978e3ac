// The result's tools: the calendar file and the text to copy (the engine makes both), print, the
// municipality's contacts beside each step, and the reader's documentation note.

import { announce } from "./status.js";

// The reader's note about the incident lives here, in the page's memory, like the answers in the worker's:
// never in storage, a URL or a request. It leaves this object only as text: into the print block
// (textContent, so nothing in it is ever read as markup) and inside a "copy" request to the worker.
const note = {};

export function noteFor(action) {
  return action === "copy" ? { note: { ...note } } : {};
}

// What a new screen gets from the page: the contacts and the note typed so far.
export function fillResult(screen) {
  fillContacts(screen);
  for (const field of screen.querySelectorAll("[data-doc-note-field]")) {
    field.value = note[field.dataset.docNoteField] || "";
  }
  printNote(screen);
}

// The engine names a step's contacts by id (data-contact-slot); the build rendered the municipality's cards
// into the page as <template>s (tools/site/contacts.py), since the engine never sees mkdocs.yml. Copy them in.
function fillContacts(screen) {
  for (const slot of screen.querySelectorAll("[data-contact-slot]")) {
    const id = CSS.escape(slot.dataset.contactSlot);
    const template = document.querySelector(`template[data-contact-template="${id}"]`);
    if (template) slot.append(template.content.cloneNode(true));
  }
}

// Bidirectional controls in a typed address would print what follows them reversed: they are left out, as the
// copied text leaves them out (the build puts wizard/export.py's list on the guide's root).
function withoutBidiControls(scope, text) {
  const codes = scope.closest("[data-guide]")?.dataset.bidiControls?.split(" ") ?? [];
  if (!codes.length) return text;
  return text.replace(new RegExp(`[${codes.map((code) => `\\u{${code}}`).join("")}]`, "gu"), "");
}

function printNote(scope) {
  const block = scope.querySelector("[data-doc-note-print]");
  if (!block) return;
  let written = false;
  for (const value of block.querySelectorAll("[data-doc-note-value]")) {
    const text = withoutBidiControls(scope, note[value.dataset.docNoteValue] || "").trim();
    value.textContent = text;
    value.closest("[data-doc-note-row]").hidden = !text;
    written ||= Boolean(text);
  }
  block.hidden = !written;
}

export function mountNote(root) {
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

export function download({ filename, mediaType, content }) {
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

export async function copy(root, text) {
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

export function print() {
  window.print();
}

// A confirmation appears beside the button that was pressed, where the reader is looking.
export function confirmBeside(root, action, text) {
  const place = root.querySelector(`[data-guide-tool-status="${action}"]`);
  if (place) place.textContent = text;
  else announce(root, text);
}
