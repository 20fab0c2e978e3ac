// The cases the engine made for these tests (tests/js/fixtures.py), from the file tests/test_js.py names.
import { readFileSync } from "node:fs";

const file = process.env.GUIDE_ENGINE_CASES;
if (!file) throw new Error("GUIDE_ENGINE_CASES names no file: run these tests through tests/test_js.py");

export const cases = JSON.parse(readFileSync(file, "utf8"));
