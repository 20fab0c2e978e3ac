"""The practice cards on "Til nye medarbejdere": fictional incidents as answers for the engine.

Each :class:`Card` is a short story and the answers object that describes it for
:func:`wizard.evaluate`. What the page teaches about a card is the engine's result,
computed when the site is built (see :mod:`tools.onboarding_page`); ``expected`` is what
the story is written to show, and the build and the tests stop if the engine disagrees.
The cards live here, not in ``wizard/``, because the browser's copy of the engine never
needs them. Every person and place is made up.
"""

from dataclasses import dataclass

# The moment every card is evaluated at. Cards describe deadlines relative to the incident,
# so this date is never shown; it only has to lie after every card's incident.
NOW = "2024-10-24T12:00+02:00"


@dataclass(frozen=True)
class HardEdge:
    """A situation from the guideline that new employees must be able to tell apart.

    A card covers the edge when its answers hold all of ``behaviours`` (and, for a recording,
    the given ``recording_shared``) and its story mentions ``keyword``.
    """

    id: str
    description: str
    behaviours: tuple[str, ...]
    keyword: str
    recording_shared: bool | str | None = None


HARD_EDGES = {
    edge.id: edge
    for edge in (
        HardEdge("harsh_criticism", "Skarp kritik af myndigheden", ("criticism",), "skændsel"),
        HardEdge("access_request", "Aktindsigt i personalesagen", ("access_request",), "aktindsigt"),
        HardEdge("recording_kept", "Lydoptagelse, som borgeren beholder", ("recording",), "optage", False),
        HardEdge("recording_published", "Lydoptagelse, der bliver lagt ud", ("recording",), "optagelsen", True),
        HardEdge("recording_unknown", "Lydoptagelse, som måske er delt", ("recording",), "ved ikke", "unknown"),
        HardEdge("education_insult", "Hån om uddannelsen", ("insults",), "uddannelse"),
        HardEdge("fake_profile", "Falsk profil", ("fake_profile",), "falsk profil"),
        HardEdge("private_address", "Privat adresse lagt ud", ("private_info",), "adresse"),
        HardEdge("threat", "Trussel", ("threats",), "trussel"),
    )
}


@dataclass(frozen=True)
class Card:
    """One practice card: ``answers`` is the contract's answers object for ``story``."""

    id: str
    title: str
    story: str
    answers: dict
    expected: tuple[str, ...]  # the categories the story is written to show, in wizard.rules.CATEGORIES order
    edges: tuple[str, ...] = ()  # keys of HARD_EDGES


NO_WORK_ACCIDENT = {"absence": False, "treatment": False, "wants_work_accident": False}


def _harassment(
    role: str,
    behaviours: list,
    incident_at: str,
    *,
    impact: int,
    repeated: bool = False,
    outside_work_hours: bool = False,
    absence: bool = False,
    treatment: bool = False,
    wants_work_accident: bool = False,
    **more,
) -> dict:
    """Answers for an incident that is registered, so every follow-up question is asked and answered."""
    return {
        "danger_now": False,
        "role": role,
        "behaviours": behaviours,
        **more,
        "incident_at": incident_at,
        "outside_work_hours": outside_work_hours,
        "impact": impact,
        "repeated": repeated,
        "absence": absence,
        "treatment": treatment,
        "wants_work_accident": wants_work_accident,
    }


CARDS = (
    Card(
        "skarp-kritik",
        "Skarp kritik i en Facebook-gruppe",
        "En borger har fået afslag på en ansøgning. I en lokal Facebook-gruppe skriver borgeren, at jobcentret er "
        "»en skændsel for kommunen«, og at sagsbehandlerne »sidder og sover, mens folk går fra hus og hjem«. Det "
        "er hårdt at læse, for du er borgerens sagsbehandler.",
        {
            "danger_now": False,
            "role": "employee",
            "behaviours": ["criticism"],
            "incident_at": "2024-10-21T19:40",
            **NO_WORK_ACCIDENT,
        },
        ("protected_speech",),
        ("harsh_criticism",),
    ),
    Card(
        "aktindsigt",
        "Aktindsigt i din personalesag",
        "En borger, der er utilfreds med behandlingen af sit pas i Borgerservice, søger om aktindsigt i din "
        "personalesag. Borgeren skriver, at »offentligheden har ret til at vide, hvem der sidder bag skranken«. "
        "Du synes, det er ubehageligt.",
        {
            "danger_now": False,
            "role": "employee",
            "behaviours": ["access_request"],
            "incident_at": "2024-10-22T10:15",
            **NO_WORK_ACCIDENT,
        },
        ("protected_speech",),
        ("access_request",),
    ),
    Card(
        "optagelse-beholdt",
        "En samtale, der blev optaget",
        "Efter en samtale om et sanktionsvarsel fortæller borgeren, at hele samtalen er optaget på telefonen. "
        "Borgeren sagde ikke noget om det på forhånd. Borgeren har selv deltaget i samtalen og siger, at "
        "optagelsen kun er til hans egen hukommelse.",
        {
            "danger_now": False,
            "role": "employee",
            "behaviours": ["recording"],
            "recording_shared": False,
            "incident_at": "2024-10-14T13:00",
            **NO_WORK_ACCIDENT,
        },
        ("protected_speech",),
        ("recording_kept",),
    ),
    Card(
        "optagelse-ukendt",
        "En optagelse, du ikke ved, hvor er endt",
        "Efter et møde om en sag siger borgeren, at han har optaget hele samtalen – og at »andre også skal høre, "
        "hvordan I taler til folk«. Du ved ikke, om han har lagt optagelsen ud eller sendt den til nogen.",
        {
            "danger_now": False,
            "role": "employee",
            "behaviours": ["recording"],
            "recording_shared": "unknown",
            "incident_at": "2024-10-22T14:00",
            **NO_WORK_ACCIDENT,
        },
        ("undecided",),
        ("recording_unknown",),
    ),
    Card(
        "optagelse-lagt-ud",
        "Optagelsen bliver lagt ud",
        "En uge senere lægger den samme borger optagelsen af samtalen ud i en åben Facebook-gruppe med "
        "overskriften »Hør hvordan jobcentret behandler folk«. Du kan høres tydeligt og bliver nævnt ved navn. "
        "Du vurderer selv påvirkningen til 6.",
        _harassment("employee", ["recording"], "2024-10-21T16:30", impact=6, recording_shared=True),
        ("work_environment", "criminal"),
        ("recording_published",),
    ),
    Card(
        "haan-om-uddannelse",
        "Hån om din uddannelse",
        "Efter et afslag skriver en borger i en besked til dig: »Har du overhovedet en uddannelse, eller fik du "
        "den i en automat? Du er for dum til dit arbejde.« Du ryster det af dig og vurderer selv påvirkningen "
        "til 3. Det er første gang, det sker.",
        _harassment("employee", ["insults"], "2024-10-23T09:20", impact=3),
        ("work_environment",),
        ("education_insult",),
    ),
    Card(
        "falsk-profil",
        "En falsk profil med dit billede",
        "En falsk profil med dit navn og dit billede dukker op på Facebook. Profilen skriver i flere debatgrupper, "
        "at »jobcentret snyder borgerne for deres penge«, og kolleger spørger, om det er dig. Du vurderer selv "
        "påvirkningen til 7.",
        _harassment("employee", ["fake_profile"], "2024-10-22T08:00", impact=7),
        ("work_environment", "data_protection"),
        ("fake_profile",),
    ),
    Card(
        "privat-adresse",
        "Din adresse på nettet",
        "En borger lægger et billede af dit hus og din private adresse ud i en lokal Facebook-gruppe med teksten "
        "»Her bor hun, der tager folks penge«. Du ser opslaget en søndag aften og er sygemeldt de næste to dage. "
        "Du vurderer selv påvirkningen til 9.",
        _harassment(
            "employee", ["private_info"], "2024-10-20T20:30", impact=9, outside_work_hours=True, absence=True
        ),
        ("work_environment", "criminal", "data_protection"),
        ("private_address",),
    ),
    Card(
        "trussel",
        "En trussel på arbejdsmobilen",
        "En borger sender en SMS til din arbejdsmobil: »Jeg ved, hvor du parkerer. Pas på dig selv.« Du læser "
        "beskeden som en trussel og tør ikke gå alene ud til bilen. Du vurderer selv påvirkningen til 8.",
        _harassment("employee", ["threats", "work_phone_messages"], "2024-10-23T15:10", impact=8),
        ("work_environment", "criminal"),
        ("threat",),
    ),
    Card(
        "racistisk-kommentar",
        "En racistisk kommentar",
        "Under kommunens opslag om åbningstider i Borgerservice skriver en borger en kommentar om din etnicitet "
        "og om, at »folk som hende« ikke skal behandle danskernes sager. Du vurderer selv påvirkningen til 5.",
        _harassment("employee", ["racism", "insults"], "2024-10-22T12:45", impact=5),
        ("work_environment", "criminal"),
    ),
    Card(
        "beskyldning",
        "Beskyldt for at stjæle",
        "I en anmeldelse på nettet skriver en borger, at du »stjæler fra de arbejdsløse« og »burde sidde i "
        "fængsel«. Det er ikke sandt. Det er tredje anmeldelse af samme slags på to uger. Du vurderer selv "
        "påvirkningen til 4.",
        _harassment("employee", ["accusations"], "2024-10-22T07:30", impact=4, repeated=True),
        ("work_environment", "criminal"),
    ),
    Card(
        "kritik-og-skaeldsord",
        "Kritik og skældsord i samme opslag",
        "En borger skriver i et opslag, at Borgerservice »er en skændsel for kommunen« – og kalder i samme opslag "
        "din kollega ved navn for »en magtbegærlig luder«. Din kollega fortæller dig om det. Hun vurderer selv "
        "påvirkningen til 6.",
        _harassment("colleague", ["criticism", "insults"], "2024-10-23T11:00", impact=6),
        ("work_environment", "protected_speech"),
    ),
    Card(
        "forfoelgelse",
        "Billeder af dig i fritiden",
        "En borger har flere gange stået uden for dit fitnesscenter og taget billeder af dig. Nu har du fået "
        "billederne tilsendt med teksten »Jeg holder øje med dig«. Du vurderer selv påvirkningen til 7 og går til "
        "lægen, fordi du ikke kan sove.",
        _harassment(
            "employee", ["stalking"], "2024-10-21T18:15", impact=7, repeated=True, outside_work_hours=True,
            treatment=True,
        ),
        ("work_environment", "criminal"),
    ),
    Card(
        "skjult-kamera",
        "Et kamera ved personaleindgangen",
        "En borger har sat et kamera op, der filmer personaleindgangen til jobcentret, uden at nogen har fået det at "
        "vide. En medarbejder opdager kameraet og fortæller dig det – du er leder. Medarbejderen vurderer selv "
        "påvirkningen til 5.",
        _harassment("manager", ["surveillance"], "2024-10-22T07:55", impact=5),
        ("work_environment", "criminal"),
    ),
)
