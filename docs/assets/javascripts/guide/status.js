// What the guide says about itself: the status line for screen readers (role="status"), and the same
// words for the eyes in the slot beside the screen's main button (data-guide-note, in every screen the
// engine draws), where the reader just pressed. Neither takes or gives up space when its words change:
// the status line is visually hidden, except while no screen is shown, and the slot keeps its height,
// so nothing on the screen moves under a finger (tests/e2e measure the layout shift).

const notes = new WeakMap();

export function announce(root, text, { quiet = true } = {}) {
  const status = root.querySelector("[data-guide-status]");
  if (!status) return;
  status.textContent = text;
  // Seen only where no screen is (answers being restored); otherwise the slot beside the button shows it.
  status.classList.toggle("guide-visually-hidden", quiet);
}

// The words beside the main button of this and every later screen, until they change ("" for none).
export function note(root, text) {
  notes.set(root, text);
  renote(root);
}

// A new screen: the words beside its button.
export function renote(root) {
  const slot = root.querySelector("[data-guide-screen] [data-guide-note]");
  if (slot) slot.textContent = notes.get(root) ?? "";
}
