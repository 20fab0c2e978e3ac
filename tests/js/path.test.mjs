// The page's walk before Python is ready (flow.js, path.js) against the engine, on cases the engine made:
// where answers lead, where each answer takes the reader, and each question's number and "Tilbage".
import assert from "node:assert/strict";
import { test } from "node:test";

import { position } from "../../docs/assets/javascripts/guide/flow.js";
import {
  answersOf, changing, numberOf, placeOf, previousOf, reached, screenAfter,
} from "../../docs/assets/javascripts/guide/path.js";
import { cases } from "./engine_cases.mjs";

const { table, walks, readers, check } = cases;

test("the flow table leads where the engine's flow does, for any answers", () => {
  assert.ok(walks.length >= 100);
  for (const walk of walks) {
    const place = position(table, walk.forms);
    assert.deepEqual(
      { asked: place.asked, kept: Object.keys(place.answers).sort(), next: place.next },
      { asked: walk.asked, kept: walk.kept, next: walk.next },
    );
  }
  assert.ok(new Set(walks.map((walk) => walk.asked.join())).size > 2, "the cases reach different questions");
});

test("each answer takes the reader to the screen the engine shows after it, during a \"Ret\" too", () => {
  let during = 0;
  for (const reader of readers) {
    reader.steps.forEach((step, index) => {
      if (step.action !== "answer") return;
      const steps = reader.steps.slice(0, index + 1);
      if (changing(table, steps.slice(0, -1))) during += 1;
      assert.equal(screenAfter(table, steps, check), reader.screens[index], JSON.stringify(steps));
    });
  }
  assert.ok(during > 20, "the cases answer during a \"Ret\"");
});

test("the kept steps keep the answers the engine keeps, and reach the questions it lets the reader be on", () => {
  for (const reader of readers) {
    const place = placeOf(table, reader.steps);
    assert.deepEqual(Object.keys(answersOf(table, reader.steps)).sort(), reader.kept);
    assert.deepEqual([place.asked, place.next], [reader.asked, reader.next]);
    assert.deepEqual(place.asked.filter((question) => reached(place, question)), reader.reached);
  }
  assert.ok(readers.some((reader) => reader.reached.length < reader.asked.length), "some readers are not done");
});

test("each question shows the number and the way back that the engine's screen shows", () => {
  for (const reader of readers) {
    const place = placeOf(table, reader.steps);
    for (const [question, shown] of Object.entries(reader.shown)) {
      assert.deepEqual({ number: numberOf(place, question), back: previousOf(place, question) }, shown);
    }
  }
});

test("an answer the table cannot read is left out, as the engine refuses it", () => {
  const steps = [
    { action: "answer", question: table.questions[0], form: readers[0].steps[0].form },
    { action: "answer", question: "behaviours", form: { behaviours: ["no_such_behaviour"] } },
  ];
  assert.deepEqual(Object.keys(answersOf(table, steps)), [table.questions[0]]);
});
