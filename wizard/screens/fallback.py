"""Every role's checklist from the guideline: what the page shows when the guide cannot run."""

from wizard.screens.markup import basis_link, escape
from wizard.steps import STEPS, step_text
from wizard.texts import ROLE_LABELS


def static_checklists(*, root: str) -> str:
    """Every role's checklist from the guideline, each step with when it applies: the guide without Python."""
    parts = []
    for role, steps in STEPS.items():
        items = "".join(
            f'<li>{"" if step.when.name == "always" else f"<em>{escape(step.when.description)}</em> "}'
            f"{escape(step_text(step, role))} "
            f"{basis_link({'source': step.text.source and step.text.source.href, 'basis': step.text.basis}, root)}</li>"
            for step in steps
        )
        # The page puts the reader's role first when it shows these (loading.js, fail()).
        parts.append(
            f'<section data-guide-checklist="{role}"><h2>{escape(ROLE_LABELS[role])}</h2><ul>{items}</ul></section>'
        )
    return "".join(parts)

