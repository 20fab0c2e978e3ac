// The day as the engine counts it, for what the page sets on the day the reader answers: the date
// field's "no later than today" and its "I dag" and "I går" buttons (which need no Python), and the
// countdown's check for a page left open past midnight.

// The calendar date in timeZone (the engine's, rendered into the screen), daysAgo days back, as YYYY-MM-DD.
export function dateIn(timeZone, daysAgo = 0, now = new Date()) {
  const parts = new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "numeric", day: "numeric" })
    .formatToParts(now);
  const { year, month, day } = Object.fromEntries(parts.map((part) => [part.type, Number(part.value)]));
  return new Date(Date.UTC(year, month - 1, day - daysAgo)).toISOString().slice(0, 10);
}

// The page is built ahead of time, so "no future dates" is set here, on the day the reader answers.
export function limitDates(scope) {
  for (const input of scope.querySelectorAll("input[data-guide-max-today]")) {
    input.max = dateIn(input.dataset.guideMaxToday);
  }
}

export function fillDate(button) {
  const input = document.getElementById(button.dataset.guideDateField);
  if (!input) return;
  input.value = dateIn(input.dataset.guideMaxToday, Number(button.dataset.guideDaysAgo));
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}
