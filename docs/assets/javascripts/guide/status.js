// The status line above the screen (role="status"): loading progress, "Dit svar er gemt", trouble.

export function announce(root, text, { quiet = false } = {}) {
  const status = root.querySelector("[data-guide-status]");
  if (!status) return;
  status.textContent = text;
  // "Ready" is for screen readers; sighted readers see the guide respond.
  status.classList.toggle("guide-visually-hidden", quiet);
}
