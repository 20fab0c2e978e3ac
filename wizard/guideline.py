"""The adopted guideline's numbers and sections, each defined once.

Everything here comes from the adopted guideline (content/guideline/), whose title, adoption and
section titles are texts in ``content/texts/guideline.yaml`` and ``sections.yaml``. The engine's
rules, the site's prose and the generated rules page all read these values; change one here and
every place that shows or uses it changes with it.

The build imports this module for :data:`NUMBERS` and :data:`SECTIONS` before it compiles the
content, so the texts are read only when asked for, never at import.
"""

from dataclasses import dataclass

# Each number stands in a guideline sentence that a rule in content/texts/rules.yaml quotes:
# REGISTRATION_DAYS in deadline_safetynet's, POLICE_REPORT_HOURS in deadline_police_report's,
# IMPACT_MIN and IMPACT_MAX in action_plan_unknown's, ACTION_PLAN_THRESHOLD in action_plan_not_needed's.
REGISTRATION_DAYS = 10
POLICE_REPORT_HOURS = 72
IMPACT_MIN = 1
IMPACT_MAX = 10
ACTION_PLAN_THRESHOLD = 5

# The numbers the site's prose shows, by the placeholder name used in docs/ ({{ name }}).
NUMBERS = {
    "registration_days": REGISTRATION_DAYS,
    "police_report_hours": POLICE_REPORT_HOURS,
    "impact_min": IMPACT_MIN,
    "impact_max": IMPACT_MAX,
    "action_plan_threshold": ACTION_PLAN_THRESHOLD,
}

# The guideline's title and adoption, by their names here and their fields in guideline.yaml.
_ADOPTION = {"GUIDELINE_TITLE": "title", "GUIDELINE_ADOPTED_BY": "adopted_by", "GUIDELINE_ADOPTED": "adopted"}


def __getattr__(name: str) -> str:
    # Module attributes read at first use (PEP 562), so importing this module needs no content.
    if name in _ADOPTION:
        from wizard import content

        return content.text("guideline", "guideline", _ADOPTION[name])
    raise AttributeError(f"module 'wizard.guideline' has no attribute {name!r}")


@dataclass(frozen=True)
class Section:
    """A section of the published guideline: the site page and the heading's anchor."""

    page: str
    anchor: str

    @property
    def title(self) -> str:
        """The heading, from ``content/texts/sections.yaml``."""
        from wizard import content

        return content.text("sections", self.anchor)

    @property
    def href(self) -> str:
        """The section's address relative to the site root, e.g. ``retningslinje/strafbar/#straffeloven``."""
        return f"{self.page}#{self.anchor}"


_INTRO = "retningslinje/"
_PREVENTION = "retningslinje/forebyggelse/"
_HANDLING = "retningslinje/naar-det-sker/"
_CRIMINAL = "retningslinje/strafbar/"

SECTIONS = {
    s.anchor: s
    for s in (
        Section(_INTRO, "nultolerance"),
        Section(_INTRO, "hvad-er-digital-chikane"),
        Section(_INTRO, "konflikter-er-en-praemis"),
        Section(_INTRO, "ytringsfrihed"),
        Section(_PREVENTION, "saadan-forebygger-vi"),
        Section(_PREVENTION, "konflikthaandtering"),
        Section(_PREVENTION, "gode-raad"),
        Section(_HANDLING, "registrering-i-safetynet"),
        Section(_HANDLING, "handleplan"),
        Section(_HANDLING, "arbejdsulykke"),
        Section(_HANDLING, "frist"),
        Section(_HANDLING, "pligt-til-at-kontakte-ledelsen"),
        Section(_HANDLING, "du-er-udsat"),
        Section(_HANDLING, "kollega"),
        Section(_HANDLING, "leder"),
        Section(_HANDLING, "lederens-vurdering"),
        Section(_HANDLING, "personaleafdelingen-og-politianmeldelse"),
        Section(_CRIMINAL, "hvornaar-er-digital-chikane-strafbar"),
        Section(_CRIMINAL, "straffeloven"),
        Section(_CRIMINAL, "lydoptagelser"),
        Section(_CRIMINAL, "arbejdsmiljoeloven"),
        Section(_CRIMINAL, "databeskyttelsesloven"),
    )
}
