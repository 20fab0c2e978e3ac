// Practice cards on "Til nye medarbejdere": when the reader opens "Se svaret", put the reader's own ticks
// beside the guide's answer. The answer (data-applies on each verdict) was computed by the engine when the
// site was built; this only compares two sets of ticks. The texts come from the page (tools/site/onboarding_page.py).
// Listeners sit on the document, so they keep working when Material swaps pages without reloading.

function compareCard(card) {
  const texts = card.closest("[data-scenarios]").dataset;
  const ticked = new Set(
    Array.from(card.querySelectorAll("input[type=checkbox]:checked"), (box) => box.value),
  );
  const verdicts = card.querySelectorAll("[data-verdict]");
  let agreed = 0;
  for (const verdict of verdicts) {
    const chosen = ticked.has(verdict.dataset.category);
    const agrees = chosen === (verdict.dataset.applies === "true");
    const mark = verdict.querySelector("[data-scenario-you]");
    const key = `text${chosen ? "Ticked" : "NotTicked"}${agrees ? "Agree" : "Disagree"}`;
    mark.textContent = texts[key];
    mark.hidden = false;
    verdict.dataset.agrees = String(agrees);
    if (agrees) agreed += 1;
  }
  const summary = card.querySelector("[data-scenario-summary]");
  summary.textContent = texts.textSummary.replace("{agreed}", agreed).replace("{total}", verdicts.length);
  summary.hidden = false;
}

// "toggle" does not bubble; a capturing listener on the document still sees it.
document.addEventListener(
  "toggle",
  (event) => {
    const answer = event.target;
    if (answer instanceof HTMLDetailsElement && answer.matches("[data-scenario-answer]") && answer.open) {
      compareCard(answer.closest("[data-scenario]"));
    }
  },
  true,
);

document.addEventListener("change", (event) => {
  const card = event.target instanceof Element ? event.target.closest("[data-scenario]") : null;
  if (card && card.querySelector("[data-scenario-answer]").open) compareCard(card);
});
