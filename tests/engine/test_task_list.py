"""The result as a task list (issue 21): each task its title, a status the reader sets, its deadline's group, one
legend and a mark per item, the first screen's tools, and what is folded until the reader opens it."""

import pytest

from tests.harness import answer_paths
from tests.html_tree import parse_html
from wizard import export
from wizard.contract import ROLES
from wizard.guideline import SECTIONS
from wizard.result import evaluate
from wizard.screens.case import PART_OF_STEP, part_id
from wizard.screens.markup import MARKS
from wizard.screens.result import grouped, result_screen
from wizard.screens.ui import UI
from wizard.steps import STEPS
from wizard.tasks import DONE, IN_PROGRESS, NOT_STARTED, STATUS_LABELS, STATUSES

NOW = "2024-10-26T09:00+02:00"
PATHS = [answer_paths.MANAGER_THREATS_ADDRESS_ABSENT, answer_paths.EMPLOYEE_THREATENED, answer_paths.CRITICISM_ONLY]


def result_of(path):
    return evaluate(answer_paths.answers(path), NOW)


def tree_of(result):
    return parse_html(result_screen(result, root="../"))


def test_every_step_of_every_role_has_a_short_title_of_its_own():
    for role in ROLES:
        for step in STEPS[role]:
            assert step.text.title and len(step.text.title) < len(step.text.text) <= 600, (role, step.id)
            assert not step.text.title.endswith("."), (role, step.id)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_each_task_shows_its_title_opens_to_the_step_and_has_a_status_the_reader_sets(path):
    result = result_of(path)
    tree = tree_of(result)
    tasks = tree.find_all("li", data_step=None)
    steps = [step for _, in_group in grouped(result["steps"]) for step in in_group]
    assert [t.attrs["data-step"] for t in tasks] == [s["id"] for s in steps]
    for task, step in zip(tasks, steps, strict=True):
        assert task.attrs["data-task-status"] == NOT_STARTED
        (details,) = task.find_all("details")
        assert details.one("summary").text() == step["title"]
        assert step["text"] in details.one("p", cls="guide-task__text").text()
        (select,) = task.find_all("select")
        assert [o.attrs["value"] for o in select.find_all("option")] == list(STATUSES)
        assert [o.text() for o in select.find_all("option")] == [STATUS_LABELS[s] for s in STATUSES]
        (label,) = [lab for lab in task.find_all("label") if lab.attrs.get("for") == select.attrs["id"]]
        assert label.text() == UI["status_of"].format(task=step["title"])


def test_the_tasks_are_grouped_under_the_heading_of_their_deadline():
    result = result_of(answer_paths.MANAGER_THREATS_ADDRESS_ABSENT)
    tree = tree_of(result)
    for heading in tree.find_all("h3", cls="guide-step-group"):
        tasks = heading.parent.children[heading.parent.children.index(heading) + 1]
        assert tasks.attrs["class"] == "guide-tasks"
        group = heading.attrs["data-step-group"]
        assert {t.attrs["data-step"] for t in tasks.find_all("li", data_step=None)} == {
            s["id"] for s in result["steps"] if s["group"] == group
        }


def test_the_first_screen_holds_the_deadlines_the_tools_and_then_the_tasks():
    html = result_screen(result_of(answer_paths.MANAGER_THREATS_ADDRESS_ABSENT), root="../")
    tools = [html.index(f'data-guide-action="{action}"') for action in ("save", "copy", "print", "calendar")]
    assert html.index("data-summary") < min(tools) and max(tools) < html.index("data-step=")
    tree = parse_html(html)
    (toolbar,) = tree.find_all(data_result_tools=None)
    assert [b.attrs["data-guide-action"] for b in toolbar.find_all("button")] == ["save", "copy", "print", "calendar"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_the_assessment_the_other_roles_and_the_legal_notes_are_folded(path):
    tree = tree_of(result_of(path))
    for part in ("assessment", "other-roles", "legal"):
        for element in tree.find_all(data_result_part=part):
            assert element.tag == "details" and "open" not in element.attrs, part
    assert len(tree.find_all("details", data_result_part="other-roles")) == 2
    assert tree.find_all("details", data_result_part="assessment")[0].find_all(data_category=None)
    # The steps are not folded: they are the task list.
    assert tree.one(data_result_part="steps").tag == "h2"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_one_legend_and_a_mark_per_item_say_where_each_text_comes_from(path):
    result = result_of(path)
    html = result_screen(result, root="../")
    tree = parse_html(html)
    (legend,) = tree.find_all(data_marks_legend=None)
    assert [m.attrs["data-basis"] for m in legend.find_all(cls="guide-mark")] == list(MARKS)
    # No sentence repeated under every item any more.
    for sentence in (UI["basis_guide"], UI["basis_legal_notes"], UI["howto"]):
        assert sentence not in html
    for step in result["steps"]:
        paragraph = tree.one(data_step=step["id"]).one("p", cls="guide-task__text")
        (own,) = paragraph.find_all(cls="guide-mark")
        assert own.attrs["data-basis"] == step["basis"]
        if step["source"]:
            section = next(s for s in SECTIONS.values() if s.href == step["source"])
            assert own.attrs["href"] == "../" + step["source"]
            assert own.text() == f"{UI['mark_guideline']}: {section.title}"
        else:
            assert own.tag == "span" and own.text() == UI[f"mark_{step['basis']}"]
    for note in result["notes"]:
        assert len(tree.one(data_note=note["id"]).find_all(cls="guide-mark")) == 1


def test_a_task_with_a_draft_opens_it():
    result = result_of(answer_paths.MANAGER_THREATS_ADDRESS_ABSENT)
    tree = tree_of(result)
    opened = {}
    for step in result["steps"]:
        buttons = tree.one(data_step=step["id"]).find_all("button", data_guide_open=None)
        if buttons:
            opened[step["id"]] = buttons[0].attrs["data-guide-open"]
            assert tree.by_id(buttons[0].attrs["data-guide-open"]).tag == "details"
    assert opened == {
        step: part_id(PART_OF_STEP[step])
        for step in ("register_safetynet", "action_plan", "care", "contact_platform")
    }


def test_the_copied_text_ticks_each_task_as_the_reader_set_it():
    result = result_of(answer_paths.MANAGER_THREATS_ADDRESS_ABSENT)
    care, platform = (next(s for s in result["steps"] if s["id"] == id) for id in ("care", "contact_platform"))
    text = export.as_text(result, statuses={"care": DONE, "contact_platform": IN_PROGRESS, "nope": "done"})
    lines = text.splitlines()
    assert f"[x] {care['text']}" in lines
    assert f"[ ] {platform['text']} ({STATUS_LABELS[IN_PROGRESS]})" in lines
    assert sum(line.startswith("[x] ") for line in lines) == 1
    assert export.as_text(result) == export.as_text(result, statuses={})
