// The tab's kept answers, read defensively: old formats, garbage and missing fields never throw, and a
// step that cannot be read is skipped (and counted, so the reader is told) while the others are kept.
import assert from "node:assert/strict";
import { test } from "node:test";

import { FORMAT, keptStep, readKept, writeKept } from "../../docs/assets/javascripts/guide/store.js";

const role = { action: "answer", question: "role", form: { role: ["manager"] } };
const when = {
  action: "answer", question: "incident_at", form: { incident_at: ["2024-10-01"], incident_at_time: [""] },
};

test("what is written is read back, with the format's version", () => {
  const steps = [role, when, { action: "confirm" }, { action: "change", question: "impact" }];
  assert.equal(JSON.parse(writeKept(steps)).version, FORMAT);
  assert.deepEqual(readKept(writeKept(steps)), { steps, skipped: 0 });
});

test("the format before versions ({steps}) is read", () => {
  assert.deepEqual(readKept(JSON.stringify({ steps: [role] })), { steps: [role], skipped: 0 });
});

test("nothing kept is nothing to tell", () => {
  assert.deepEqual(readKept(null), { steps: [], skipped: 0 });
});

test("garbage, another format or a future version is skipped, not thrown", () => {
  for (const text of ["not json", "{", "null", "42", '"steps"', "[]", "{}", '{"steps": 5}', '{"steps": {}}',
    JSON.stringify({ version: FORMAT + 1, steps: [role] }), JSON.stringify({ version: "2", steps: [role] })]) {
    assert.deepEqual(readKept(text), { steps: [], skipped: 1 }, text);
  }
});

test("a step without a readable form is skipped, and the valid steps after it are kept", () => {
  const unreadable = [
    { action: "answer", question: "behaviours" },
    { action: "answer", question: "behaviours", form: null },
    { action: "answer", question: "behaviours", form: { behaviours: 5 } },
    { action: "answer", question: "behaviours", form: { behaviours: [5] } },
    { action: "answer", question: "behaviours", form: ["threats"] },
    { action: "answer", question: "behaviours", form: {} },
    { action: "answer", question: "behaviours", form: { other: ["x"] } },
    { action: "answer", form: { behaviours: ["threats"] } },
    { action: "change" },
    { action: "launch" },
    { behaviours: 5 },
    "garbage",
    null,
    7,
    [],
  ];
  const stored = JSON.stringify({ version: FORMAT, steps: [role, ...unreadable, when] });
  assert.deepEqual(readKept(stored), { steps: [role, when], skipped: unreadable.length });
});

test("only a question's own fields are kept, and nothing else of a step", () => {
  const step = { action: "answer", question: "incident_at", form: { ...when.form, role: ["manager"] }, extra: 1 };
  assert.deepEqual(keptStep(step), when);
  assert.deepEqual(keptStep({ action: "confirm", question: "x" }), { action: "confirm" });
});
