"""The content files: every text of the guide, checked and compiled (tools/content/texts.py)."""

import re
from pathlib import Path

import pytest

from tools.content import texts
from tools.content.texts import ContentError, Schema
from wizard import content as reader

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = {
    "ui": Schema("buttons", source="none"),
    "steps": Schema("steps"),
    "questions": Schema("questions", fields=("label", "hint"), required=("label",)),
}
QUOTE = "Anmeldelse skal ske så hurtigt som muligt og senest 10 dage efter hændelsesdagen."


def write(directory: Path, **files: str) -> Path:
    for name, text in files.items():
        (directory / f"{name}.yaml").write_text(text, encoding="utf-8")
    return directory


def problems(directory: Path) -> str:
    with pytest.raises(ContentError) as error:
        texts.load(directory, SCHEMAS)
    return str(error.value)


def valid(directory: Path) -> Path:
    return write(
        directory,
        ui='continue: Fortsæt\n',
        steps=(
            "employee.register:\n"
            "  text: Registrer hændelsen senest {{ registration_days }} dage efter hændelsesdagen.\n"
            f"  source: {{section: frist, quote: \"{QUOTE}\"}}\n"
            "employee.call_112:\n  text: Ring 112.\n  source: guide\n"
            "employee.compensation:\n  text: Erstatning kræver anmeldelse.\n  source: {legal: offererstatningsloven}\n"
        ),
        questions="role:\n  label: Hvem er du?\n  source: guide\n",
    )


def test_the_project_content_compiles_and_every_entry_is_read(tmp_path):
    loaded, _ = texts.compile_content(tmp_path / "content_data.py")
    texts.check_usage(loaded)
    namespace: dict = {}
    exec((tmp_path / "content_data.py").read_text(encoding="utf-8"), namespace)
    assert namespace["TEXTS"] == {n: {i: dict(e.fields) for i, e in es.items()} for n, es in loaded.items()}


def test_the_compiled_module_is_ascii_and_matches_the_content_files():
    compiled = texts.GENERATED.read_text(encoding="utf-8")
    assert compiled.isascii()
    assert compiled == texts.python_source(texts.load())


def test_a_valid_directory_loads_with_numbers_filled_in_and_sources_kept(tmp_path):
    loaded = texts.load(valid(tmp_path), SCHEMAS)
    assert loaded["ui"]["continue"].fields == {"text": "Fortsæt"}
    register = loaded["steps"]["employee.register"]
    assert register.fields["text"] == "Registrer hændelsen senest 10 dage efter hændelsesdagen."
    assert register.source == texts.Source("guideline", "frist", QUOTE)
    assert loaded["steps"]["employee.call_112"].source == texts.Source("guide")
    assert loaded["steps"]["employee.compensation"].source == texts.Source("legal", "offererstatningsloven")


@pytest.mark.parametrize(
    "file, text, expected",
    [
        ("steps", "employee.x:\n  source: guide\n", "steps.yaml: entry 'employee.x': missing text 'text'"),
        ("steps", "employee.x:\n  text: ' '\n  source: guide\n", "entry 'employee.x': field 'text' has no text"),
        ("steps", "employee.x:\n  text: Hej\n", "entry 'employee.x': missing source"),
        (
            "steps",
            "employee.x:\n  text: Hej\n  tekst: Hej\n  source: guide\n",
            "entry 'employee.x': unknown field 'tekst'",
        ),
        ("ui", "continue:\n  text: Fortsæt\n  source: guide\n", "entry 'continue': this file's texts carry no policy"),
        (
            "steps",
            "employee.x:\n  text: Hej\n  source: {section: frist, quote: 'senest 11 dage efter hændelsesdagen'}\n",
            "entry 'employee.x': source quote is not verbatim in the adopted guideline",
        ),
        (
            "steps",
            f"employee.x:\n  text: Hej\n  source: {{section: fristen, quote: '{QUOTE}'}}\n",
            "entry 'employee.x': source section 'fristen' is not a section of the guideline",
        ),
        ("steps", "employee.x:\n  text: Hej\n  source: {legal: noget}\n", "entry 'employee.x': source legal 'noget'"),
        ("steps", "employee.x:\n  text: Hej\n  source: retningslinjen\n", "entry 'employee.x': source must be"),
        (
            "steps",
            "employee.x:\n  text: Om {{ ti_dage }} dage\n  source: guide\n",
            "entry 'employee.x': field 'text' names an unknown number {{ ti_dage }}",
        ),
        (
            "steps",
            "employee.x:\n  text: Hej\n  source: {section: frist, quote: 'senest {{ registration_days }} dage'}\n",
            "entry 'employee.x': source quote must give numbers as the guideline does",
        ),
        ("steps", "- a list\n", "steps.yaml: must be a mapping of ids to entries"),
        ("steps", "employee.x: [\n", "steps.yaml: not valid YAML"),
    ],
)
def test_a_mistake_names_the_file_the_entry_and_what_is_wrong(tmp_path, file, text, expected):
    valid(tmp_path)
    write(tmp_path, **{file: text})
    assert expected in problems(tmp_path)


def test_an_unknown_or_missing_file_is_named(tmp_path):
    valid(tmp_path)
    write(tmp_path, trin="a: b\n")
    (tmp_path / "ui.yaml").unlink()
    found = problems(tmp_path)
    assert "trin.yaml: unknown content file" in found
    assert "ui.yaml: missing content file (buttons)" in found


def test_an_entry_nothing_reads_is_named(tmp_path):
    loaded = texts.load(valid(tmp_path), SCHEMAS)
    used = {("ui", "continue"), ("steps", "employee.register"), ("questions", "role"), ("steps", "employee.call_112")}
    assert texts.unused(loaded, used) == [
        "content/texts/steps.yaml: entry 'employee.compensation' is not used by the guide (a mistyped or removed id?)"
    ]


def test_a_section_without_a_title_is_named_at_build_time():
    """Titles are read when a link is made; the build names a missing one before a reader follows the link."""
    loaded = texts.load()
    del loaded["sections"]["frist"]
    with pytest.raises(ContentError, match=r"content/texts/sections.yaml: no title for the section 'frist'"):
        texts.check_usage(loaded)


def test_a_quote_may_join_verbatim_pieces_with_an_ellipsis():
    context = texts._Context()
    assert texts.verbatim("Anmeldelse skal ske … senest 10 dage efter hændelsesdagen.", context)
    assert not texts.verbatim("Anmeldelse skal ske … senest {{ registration_days }} dage", context)
    assert not texts.verbatim("senest 10 dage … Anmeldelse skal ske", context)


def test_a_quote_may_use_the_web_editions_declared_corrections_and_no_other_change():
    context = texts._Context()
    assert texts.verbatim("skal ifølge Arbejds miljøloven håndteres som psykisk vold", context)
    assert texts.verbatim("skal ifølge Arbejdsmiljøloven håndteres som psykisk vold", context)
    assert not texts.verbatim("skal ifølge Arbejdsmiljøloven behandles som psykisk vold", context)


def test_a_mistyped_id_is_named_from_both_sides(tmp_path):
    """A person who mistypes an id in a content file is told which text the guide misses, and which entry is unused."""
    copy = tmp_path / "texts"
    copy.mkdir()
    for path in texts.CONTENT_DIR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        (copy / path.name).write_text(text.replace("legal_stale:", "legal_stal:"), encoding="utf-8")
    loaded = texts.load(copy)
    assert "legal_stal" in loaded["pages"] and "legal_stale" not in loaded["pages"]
    used = {(name, id) for name, entries in loaded.items() for id in entries} - {("pages", "legal_stal")}
    assert texts.unused(loaded, used) == [
        "content/texts/pages.yaml: entry 'legal_stal' is not used by the guide (a mistyped or removed id?)"
    ]
    with pytest.raises(reader.ContentMissing, match=r"content/texts/pages.yaml: no entry 'legal_stal'"):
        reader.text("pages", "legal_stal")


def test_python_keeps_no_danish_sentences():
    """Every Danish text lives in content/; Python keeps only locale data (weekday and month names)."""
    locale = {ROOT / "wizard" / "danish_time.py"}
    found = []
    for folder in ("wizard", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path in locale or path == texts.GENERATED:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(r"[æøåÆØÅ]", line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_a_changed_step_text_reaches_the_compiled_texts_the_engine_imports(tmp_path, monkeypatch):
    """What `make serve` does first: an edited entry in a content file is what the engine reads next."""
    copy = tmp_path / "texts"
    copy.mkdir()
    for path in texts.CONTENT_DIR.glob("*.yaml"):
        (copy / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    steps = copy / "steps.yaml"
    original = reader.text("steps", "employee.tell_colleagues")
    steps.write_text(
        steps.read_text(encoding="utf-8").replace(original, "Fortæl dine nærmeste kolleger om oplevelsen."),
        encoding="utf-8",
    )
    monkeypatch.setattr(texts, "CONTENT_DIR", copy)
    texts.compile_content(tmp_path / "content_data.py")
    namespace: dict = {}
    exec((tmp_path / "content_data.py").read_text(encoding="utf-8"), namespace)
    compiled = namespace["TEXTS"]["steps"]["employee.tell_colleagues"]["text"]
    assert compiled == "Fortæl dine nærmeste kolleger om oplevelsen."
