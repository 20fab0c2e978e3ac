// The tab's kept case (case.js), read defensively like the answers: another format, garbage or an older
// build's value is an empty case, never an exception; what is written is read back.
import assert from "node:assert/strict";
import { test } from "node:test";

import { CASE_FORMAT, readCase, writeCase } from "../../docs/assets/javascripts/guide/case.js";

const work = {
  statuses: { care: "done" },
  note: { what: "<script>alert(1)</script>" },
  log: [{ address: "https://facebook.com/opslag/1", reported: "yes" }],
  plan: [{ what: "To på sagen", who: "Leder", by: "" }],
  reminders: ["wellbeing_month"],
};

test("what is written is read back, with the format's version", () => {
  assert.equal(JSON.parse(writeCase(work)).version, CASE_FORMAT);
  assert.deepEqual(readCase(writeCase(work)), work);
});

test("nothing kept is an empty case", () => {
  assert.deepEqual(readCase(null), {});
  assert.deepEqual(readCase(undefined), {});
});

test("garbage, another format or a future version is an empty case, not an exception", () => {
  const values = ["not json", "{", "null", "42", "[]", "{}", '{"case": {}}', JSON.stringify({ version: 1, case: [] })];
  values.push(JSON.stringify({ version: CASE_FORMAT + 1, case: work }), JSON.stringify({ version: "1", case: work }));
  for (const text of values) {
    assert.deepEqual(readCase(text), {}, text);
  }
});
