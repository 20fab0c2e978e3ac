"""The adopted guideline's numbers and sections, each defined once.

Everything here comes from "Sådan forebygger og håndterer vi digital chikane"
(Jobcenter og Borgerservice, September 2024). The engine's rules, the site's prose
and the generated rules page all read these values; change one here and every
place that shows or uses it changes with it.
"""

from dataclasses import dataclass

GUIDELINE_TITLE = "Sådan forebygger og håndterer vi digital chikane"
GUIDELINE_ADOPTED_BY = "Jobcenter og Borgerservice"
GUIDELINE_ADOPTED = "september 2024"

# "Anmeldelse skal ske så hurtigt som muligt og senest 10 dage efter hændelsesdagen."
REGISTRATION_DAYS = 10

# "Vær opmærksom på, at en eventuel politianmeldelse skal ske inden for 72 timer, for at der
# kan blive tale om en eventuel erstatning efter voldsoffererstatningsloven."
POLICE_REPORT_HOURS = 72

# "forholde sig til hvordan medarbejderen er påvirket på en skala fra 1-10"
IMPACT_MIN = 1
IMPACT_MAX = 10

# "Hvis medarbejderen vurderer at påvirkningen er mellem 1 og 5 laves der ikke en handleplan
# på hændelsen. Handleplanen laves ved påvirkning over 5 ..."
ACTION_PLAN_THRESHOLD = 5

# The numbers the site's prose shows, by the placeholder name used in docs/ ({{ name }}).
NUMBERS = {
    "registration_days": REGISTRATION_DAYS,
    "police_report_hours": POLICE_REPORT_HOURS,
    "impact_min": IMPACT_MIN,
    "impact_max": IMPACT_MAX,
    "action_plan_threshold": ACTION_PLAN_THRESHOLD,
}


@dataclass(frozen=True)
class Section:
    """A section of the published guideline: the site page and the heading's anchor."""

    page: str
    anchor: str
    title: str

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
        Section(_INTRO, "nultolerance", "Vi forebygger og håndterer digital chikane"),
        Section(_INTRO, "hvad-er-digital-chikane", "Hvad er digital chikane?"),
        Section(_INTRO, "konflikter-er-en-praemis", "Konflikter er en præmis i vores arbejde"),
        Section(_INTRO, "ytringsfrihed", "Ytringsfrihed og aktindsigt"),
        Section(_PREVENTION, "saadan-forebygger-vi", "Sådan forebygger vi digital chikane"),
        Section(_PREVENTION, "konflikthaandtering", "Konflikthåndtering er en væsentlig kompetence"),
        Section(_PREVENTION, "gode-raad", "Gode råd til at forebygge digital chikane"),
        Section(_HANDLING, "registrering-i-safetynet", "Registrering i SafetyNet"),
        Section(_HANDLING, "handleplan", "Påvirkning og handleplan"),
        Section(_HANDLING, "arbejdsulykke", "Anmeldelse som arbejdsulykke"),
        Section(_HANDLING, "frist", "Frist for anmeldelse"),
        Section(_HANDLING, "pligt-til-at-kontakte-ledelsen", "Pligt til at kontakte ledelsen"),
        Section(_HANDLING, "du-er-udsat", "Sådan gør du, hvis DU bliver udsat for digital chikane"),
        Section(_HANDLING, "kollega", "Sådan gør du som KOLLEGA"),
        Section(_HANDLING, "leder", "Sådan gør du som LEDER"),
        Section(_HANDLING, "lederens-vurdering", "Lederen vurderer, om det er relevant at …"),
        Section(_HANDLING, "personaleafdelingen-og-politianmeldelse", "Rådføring og politianmeldelse"),
        Section(_CRIMINAL, "hvornaar-er-digital-chikane-strafbar", "Hvornår er digital chikane strafbar?"),
        Section(_CRIMINAL, "straffeloven", "Straffeloven"),
        Section(_CRIMINAL, "lydoptagelser", "Lydoptagelser"),
        Section(_CRIMINAL, "arbejdsmiljoeloven", "Arbejdsmiljøloven"),
        Section(_CRIMINAL, "databeskyttelsesloven", "Databeskyttelsesloven"),
    )
}
