"""The practice cards on "Til nye medarbejdere": fictional incidents as answers for the engine.

Each :class:`Card` is a short story and the answers object that describes it for
:func:`wizard.evaluate`. What the page teaches about a card is the engine's result,
computed when the site is built (see :mod:`tools.site.onboarding_page`); ``expected`` is what
the story is written to show, and the build and the tests stop if the engine disagrees.

The titles, stories, what each card teaches and what to do, and the hard edges' descriptions and keywords, are in
``content/texts/cards.yaml`` and ``content/texts/hard_edges.yaml``, where HR reads and edits
them. The answers stay here: they are the engine's contract (field and option ids, ISO times),
not text, and the helpers below fill in the follow-up answers every registered incident needs.
The cards live in ``tools/``, not in ``wizard/``, because the browser's copy of the engine never
needs them. Every person and place is made up.
"""

from dataclasses import dataclass

from wizard import content

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


def _edge(id: str, behaviours: tuple[str, ...], recording_shared: bool | str | None = None) -> HardEdge:
    texts = content.fields("hard_edges", id)
    return HardEdge(id, texts["description"], behaviours, texts["keyword"], recording_shared)


HARD_EDGES = {
    edge.id: edge
    for edge in (
        _edge("harsh_criticism", ("criticism",)),
        _edge("access_request", ("access_request",)),
        _edge("recording_kept", ("recording",), False),
        _edge("recording_published", ("recording",), True),
        _edge("recording_unknown", ("recording",), "unknown"),
        _edge("education_insult", ("insults",)),
        _edge("fake_profile", ("fake_profile",)),
        _edge("private_address", ("private_info",)),
        _edge("threat", ("threats",)),
    )
}


@dataclass(frozen=True)
class Card:
    """One practice card: ``answers`` is the contract's answers object for ``story``; ``why`` says in one sentence
    what the card teaches, ``todo`` in one line what to do."""

    id: str
    title: str
    story: str
    why: str
    todo: str
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
    """Answers for an incident that is registered, so every follow-up question is asked and answered.

    A colleague says they know the harassed colleague's own answers; ``latest_incident_at`` (in ``more``) is the
    latest of repeated incidents, ``incident_at`` the first.
    """
    latest = more.pop("latest_incident_at", None)
    answers = {
        "danger_now": False,
        "role": role,
        "behaviours": behaviours,
        **more,
        "incident_at": incident_at,
        "outside_work_hours": outside_work_hours,
        **({"colleague_knows": True} if role == "colleague" else {}),
        "absence": absence,
        "treatment": treatment,
        "wants_work_accident": wants_work_accident,
        "impact": impact,
        "repeated": repeated,
    }
    return answers | ({"latest_incident_at": latest} if latest else {})


def _card(id: str, answers: dict, expected: tuple[str, ...], edges: tuple[str, ...] = ()) -> Card:
    texts = content.fields("cards", id)
    return Card(id, texts["title"], texts["story"], texts["why"], texts["todo"], answers, expected, edges)


CARDS = (
    _card(
        "skarp-kritik",
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
    _card(
        "aktindsigt",
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
    _card(
        "optagelse-beholdt",
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
    _card(
        "optagelse-ukendt",
        {
            "danger_now": False,
            "role": "employee",
            "behaviours": ["recording"],
            "recording_shared": "unknown",
            "incident_at": "2024-10-22T14:00",
            **NO_WORK_ACCIDENT,
            # A registration may come if it was shared: its questions are asked.
            "impact": "unknown",
            "repeated": False,
        },
        ("undecided",),
        ("recording_unknown",),
    ),
    _card(
        "optagelse-lagt-ud",
        _harassment("employee", ["recording"], "2024-10-21T16:30", impact=6, recording_shared=True),
        ("work_environment", "criminal"),
        ("recording_published",),
    ),
    _card(
        "haan-om-uddannelse",
        _harassment("employee", ["insults"], "2024-10-23T09:20", impact=3),
        ("work_environment",),
        ("education_insult",),
    ),
    _card(
        "falsk-profil",
        _harassment("employee", ["fake_profile"], "2024-10-22T08:00", impact=7),
        ("work_environment", "data_protection"),
        ("fake_profile",),
    ),
    _card(
        "privat-adresse",
        _harassment(
            "employee", ["private_info"], "2024-10-20T20:30", impact=9, outside_work_hours=True, absence=True
        ),
        ("work_environment", "criminal", "data_protection"),
        ("private_address",),
    ),
    _card(
        "trussel",
        _harassment("employee", ["threats", "work_phone_messages"], "2024-10-23T15:10", impact=8),
        ("work_environment", "criminal"),
        ("threat",),
    ),
    _card(
        "racistisk-kommentar",
        _harassment("employee", ["racism", "insults"], "2024-10-22T12:45", impact=5),
        ("work_environment", "criminal"),
    ),
    _card(
        "beskyldning",
        _harassment(
            "employee", ["accusations"], "2024-10-09T08:10", impact=4, repeated=True,
            latest_incident_at="2024-10-22T07:30",
        ),
        ("work_environment", "criminal"),
    ),
    _card(
        "kritik-og-skaeldsord",
        _harassment("colleague", ["insults", "criticism"], "2024-10-23T11:00", impact=6),
        ("work_environment", "protected_speech"),
    ),
    _card(
        "forfoelgelse",
        _harassment(
            "employee", ["stalking"], "2024-10-07T18:00", impact=7, repeated=True, outside_work_hours=True,
            treatment=True, latest_incident_at="2024-10-21T18:15",
        ),
        ("work_environment", "criminal"),
    ),
    _card(
        "skjult-kamera",
        _harassment("manager", ["surveillance"], "2024-10-22T07:55", impact=5),
        ("work_environment", "criminal"),
    ),
)
