// The result's countdown against the engine: the time left in the engine's words for the same seconds,
// and, from a result made at one moment, what each deadline says at later moments, as the engine's own
// result screen says it then (state, flag and text).
import assert from "node:assert/strict";
import { test } from "node:test";

import { deadlineAt, duration, headingAt } from "../../docs/assets/javascripts/guide/countdown.js";
import { dateIn } from "../../docs/assets/javascripts/guide/dates.js";
import { cases } from "./engine_cases.mjs";

const { words, durations, deadlines } = cases.countdown;

test("the time left is worded as the engine words it", () => {
  assert.ok(durations.length > 100);
  for (const [seconds, said] of durations) assert.equal(duration(seconds, words), said, `${seconds} s`);
});

// What the page's countdown reads from a deadline on the screen (its data-* and <time datetime>).
function fromScreen(item) {
  return {
    endsAt: item["data-ends-at"],
    due: item.due,
    latest: item["data-latest"],
    overdueText: item["data-overdue-text"],
    undecidedText: item["data-undecided-text"],
  };
}

test("each deadline says later what the engine's result screen says then", () => {
  const states = new Set();
  for (const { incident, made, later } of deadlines) {
    for (const { now, said } of later) {
      for (const [id, item] of Object.entries(made)) {
        const expected = { state: said[id]["data-state"], text: said[id].text, flag: said[id].flag };
        assert.deepEqual(deadlineAt(fromScreen(item), words, Date.parse(now)), expected, `${incident} ${id} ${now}`);
        states.add(expected.state);
      }
    }
  }
  assert.deepEqual([...states].sort(), ["open", "overdue", "undecided", "urgent"]);
});

test("each group heading of a deadline says later what the engine's result screen says then", () => {
  let compared = 0;
  const said = new Set();
  for (const { incident, headings, later } of deadlines) {
    const evaluatedOn = dateIn("Europe/Copenhagen", 0, new Date(cases.countdown.madeAt));
    for (const { now, headings: then } of later) {
      // After midnight the page cannot say "i dag" afresh: it shows the date, as the engine's paper does.
      const stale = dateIn("Europe/Copenhagen", 0, new Date(now)) !== evaluatedOn;
      for (const [group, heading] of Object.entries(headings)) {
        const expected = stale ? then[group].dated : then[group].text;
        assert.equal(headingAt(heading.states, Date.parse(now), stale).text, expected, `${incident} ${group} ${now}`);
        said.add(expected);
        compared += 1;
      }
    }
  }
  assert.ok(compared > 100 && said.size > 5, `${compared} headings, ${said.size} different words`);
});
