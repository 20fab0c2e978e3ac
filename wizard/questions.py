"""The decision guide's questions as data, in the order they are asked.

Each :class:`Question` says when it is asked (a named condition from
:mod:`wizard.conditions` on the answers so far), which answers it allows and which
guideline section it comes from; where the reader's role changes the wording ("Hvor
påvirket er du …"), or where only the employee can know the answer, :func:`worded` gives
the question as that role sees it; :mod:`wizard.flow` walks them. The functions here move between the contract's answer
values and the strings of an HTML form, and say in Danish what an answer was.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from wizard.contract import BEHAVIOURS, BOOL_FIELDS, BOOL_OR_UNKNOWN_FIELDS, ROLES, UNKNOWN, AnswerError
from wizard.moments import COPENHAGEN, EARLIEST_DATE, LATEST_DATE, is_after, parse_moment, skipped_by_summer_time
from wizard import conditions as c
from wizard.conditions import Condition, Facts
from wizard.danish_time import MONTHS, long_date, long_datetime
from wizard.guideline import IMPACT_MAX, IMPACT_MIN, SECTIONS, Section
from wizard.rules import categories


@dataclass(frozen=True)
class Option:
    """One answer a question offers; ``hint`` holds the guideline's own examples.

    ``leads_to`` names a screen the page shows at once when the option is chosen, before the
    next question (e.g. :data:`DANGER_SCREEN`); the answer itself is kept as any other.
    """

    id: str
    label: str
    hint: str = ""
    leads_to: str = ""


# "Ja, nogen er i fare" stops the guide with 112 first; the page holds that screen, so it needs no Python.
DANGER_SCREEN = "danger"


@dataclass(frozen=True)
class Question:
    """One screen of the guide.

    ``kind`` is ``"single"``, ``"multiple"``, ``"date_time"`` or ``"scale"``; the question is
    asked when the condition ``asked_if`` holds for the earlier answers. ``label`` and ``hint``
    are the wording before a role is chosen; ``by_role`` maps a role to its own ``(label, hint)``.
    ``unknown_for``, when given, lists the roles that are offered "Ved ikke" (the others know).
    """

    id: str
    label: str
    hint: str
    kind: str
    options: tuple[Option, ...]
    asked_if: Condition
    source: Section
    by_role: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    unknown_for: tuple[str, ...] | None = None

    def asked_when(self, answers: Mapping) -> bool:
        """Whether the question is asked, given the answers so far."""
        return self.asked_if(Facts(answers, categories(answers)))

YES = Option("yes", "Ja")
NO = Option("no", "Nej")
DONT_KNOW = Option(UNKNOWN, "Ved ikke", "Så fortæller resultatet, hvem du kan spørge.")

_ROLE_OPTIONS = {
    "employee": Option("employee", "Jeg er selv udsat for chikanen"),
    "colleague": Option("colleague", "Jeg er kollega til en, der er udsat for chikane"),
    "manager": Option("manager", "Jeg er leder for en medarbejder, der er udsat for chikane"),
}

_BEHAVIOUR_OPTIONS = {
    "criticism": Option(
        "criticism",
        "Kritik af medarbejderen, kommunen eller en afgørelse",
        'Fx at "sagsbehandleren er en skændsel for kommunen", eller at "læreren er doven eller uoplagt".',
    ),
    "access_request": Option(
        "access_request",
        "Aktindsigt i medarbejderens personalesag",
        "Borgeren søger om aktindsigt i den ansattes personalesag.",
    ),
    "recording": Option(
        "recording",
        "Lydoptagelse af en samtale, som borgeren selv deltog i",
        "Også selvom borgeren ikke oplyste, at optagelsen fandt sted.",
    ),
    "insults": Option(
        "insults",
        "Hån, skældsord eller anden krænkende tiltale",
        'Fx "er du fucking dum til dit arbejde", "magtbegærlige luder" eller "du har vist trukket din uddannelse '
        'i en automat" – også chikane rettet mod alder, etnicitet, kvalifikationer, uddannelse eller køn.',
    ),
    "accusations": Option(
        "accusations",
        "Beskyldninger",
        'Fx "racist" eller "udøver af kriminelle handlinger" – ærekrænkende eller usande beskyldninger.',
    ),
    "private_info": Option(
        "private_info",
        "Private oplysninger eller billeder lagt ud eller givet videre",
        "Fx private billeder, telefonnummer, adresse, billede eller lydoptagelser – eventuelt sammen med en "
        "nedsættende eller krænkende omtale.",
    ),
    "racism": Option(
        "racism",
        "Racistiske bemærkninger",
        "Fx bemærkninger om medarbejderens etnicitet.",
    ),
    "threats": Option(
        "threats",
        "Trusler",
        "Borgeren truer eller fremkalder frygt for medarbejderens eller andres liv.",
    ),
    "stalking": Option(
        "stalking",
        "Forfølgelse eller iagttagelse",
        "Borgeren forfølger og iagttager medarbejderen eller er opsøgende på anden måde, fx ved at optage video "
        "eller tage billeder af medarbejderen i private sammenhænge.",
    ),
    "fake_profile": Option(
        "fake_profile",
        "Falsk profil",
        "Fx en falsk profil på Facebook, der bruger medarbejderens billede i debatfora og er med til at skabe en "
        "dårlig stemning mod medarbejderen.",
    ),
    "work_phone_messages": Option(
        "work_phone_messages",
        "Krænkende SMS'er til arbejdsmobilen",
        "SMS-beskeder til arbejdsmobilen med krænkende tekstbeskeder og/eller billeder.",
    ),
    "surveillance": Option(
        "surveillance",
        "Videoovervågning uden at sige det",
        "Borgeren videoovervåger arbejdssteder eller private boliger uden at oplyse medarbejderne om det.",
    ),
}

_IMPACT_OPTIONS = tuple(Option(str(n), str(n)) for n in range(IMPACT_MIN, IMPACT_MAX + 1)) + (
    Option(UNKNOWN, "Ved ikke", "Påvirkningen er medarbejderens egen vurdering."),
)

# Only the employee knows these for sure; a colleague or a manager may not have asked yet.
_NOT_THE_EMPLOYEE = ("colleague", "manager")

S = SECTIONS
QUESTIONS = (
    Question(
        "danger_now",
        "Er nogen i fare lige nu?",
        "Hvis nogen er i fare, så ring 112 først – det er guidens eget råd. Retningslinjen siger, at digital "
        "chikane skal tages lige så alvorligt, som hvis truslerne eller volden skete i et fysisk møde.",
        "single",
        (Option(YES.id, YES.label, leads_to=DANGER_SCREEN), NO),
        c.ALWAYS,
        S["saadan-forebygger-vi"],
    ),
    Question(
        "role",
        "Hvem er du?",
        "Du har pligt til at kontakte ledelsen, hvis du bliver opmærksom på chikane over for dig selv eller en "
        "anden medarbejder.",
        "single",
        tuple(_ROLE_OPTIONS[r] for r in ROLES),
        c.ALWAYS,
        S["pligt-til-at-kontakte-ledelsen"],
    ),
    Question(
        "behaviours",
        "Hvad er der sket?",
        "Vælg alt, der passer.",
        "multiple",
        tuple(_BEHAVIOUR_OPTIONS[b] for b in BEHAVIOURS),
        c.ALWAYS,
        S["hvad-er-digital-chikane"],
    ),
    Question(
        "recording_shared",
        "Er optagelsen lagt på internettet eller givet videre til personer, som intet har med samtalen at gøre?",
        "At optage er ikke ulovligt, når borgeren selv deltager i mødet. At lægge optagelsen ud eller give den "
        "videre kan efter omstændighederne være strafbart.",
        "single",
        (YES, NO, DONT_KNOW),
        c.RECORDING_CHOSEN,
        S["lydoptagelser"],
    ),
    Question(
        "incident_at",
        "Hvornår skete det?",
        "Datoen – og klokkeslættet, hvis du kender det. Fristerne regnes fra hændelsen: skriv, hvornår chikanen "
        "skete (fx da opslaget blev lagt ud eller beskeden sendt), også hvis den først blev opdaget senere. Ved du "
        "det ikke, så skriv det tidligste tidspunkt, det kan være sket – så bliver fristerne ikke for sene. Er en "
        "lydoptagelse lagt ud eller givet videre efter mødet, er det delingen, der er hændelsen: skriv, hvornår "
        "den blev delt.",
        "date_time",
        (),
        c.ALWAYS,
        S["frist"],
    ),
    Question(
        "outside_work_hours",
        "Skete det uden for arbejdstiden?",
        "Chikane uden for arbejdstiden skal også håndteres; den udsatte orienterer sin nærmeste leder "
        "efterfølgende.",
        "single",
        (YES, NO),
        c.INCIDENT_TO_REGISTER,
        S["du-er-udsat"],
    ),
    Question(
        "impact",
        f"Hvor påvirket er medarbejderen på en skala fra {IMPACT_MIN} til {IMPACT_MAX}?",
        f"Det er medarbejderens egen vurdering: {IMPACT_MIN} er lidt, {IMPACT_MAX} er meget. Spørg medarbejderen.",
        "scale",
        _IMPACT_OPTIONS,
        c.INCIDENT_TO_REGISTER,
        S["handleplan"],
        {
            "employee": (
                f"Hvor påvirket er du på en skala fra {IMPACT_MIN} til {IMPACT_MAX}?",
                f"Det er din egen vurdering: {IMPACT_MIN} er lidt, {IMPACT_MAX} er meget.",
            ),
            "colleague": (
                f"Hvor påvirket er din kollega på en skala fra {IMPACT_MIN} til {IMPACT_MAX}?",
                f"Det er din kollegas egen vurdering: {IMPACT_MIN} er lidt, {IMPACT_MAX} er meget.",
            ),
        },
    ),
    Question(
        "repeated",
        "Har medarbejderen oplevet digital chikane gentagne gange over et kort tidsrum?",
        "",
        "single",
        (YES, NO, DONT_KNOW),
        c.INCIDENT_TO_REGISTER,
        S["handleplan"],
        {
            "employee": ("Har du oplevet digital chikane gentagne gange over et kort tidsrum?", ""),
            "colleague": ("Har din kollega oplevet digital chikane gentagne gange over et kort tidsrum?", ""),
        },
    ),
    Question(
        "absence",
        "Har medarbejderen fravær i forbindelse med chikanen?",
        "Spørges ved enhver hændelse. Kommer der fravær senere, skal hændelsen anmeldes som arbejdsulykke til den "
        "tid.",
        "single",
        (YES, NO, DONT_KNOW),
        c.ALWAYS,
        S["arbejdsulykke"],
        {
            "employee": (
                "Har du fravær i forbindelse med chikanen?",
                "Kommer der fravær senere, skal hændelsen anmeldes som arbejdsulykke til den tid.",
            ),
            "colleague": (
                "Har din kollega fravær i forbindelse med chikanen?",
                "Ved du det ikke, så vælg »Ved ikke«. Kommer der fravær senere, skal hændelsen anmeldes som "
                "arbejdsulykke til den tid.",
            ),
        },
        _NOT_THE_EMPLOYEE,
    ),
    Question(
        "treatment",
        "Er der et behandlingsbehov?",
        "Fx hos læge eller psykolog. Opstår behovet senere, skal hændelsen anmeldes som arbejdsulykke til den tid.",
        "single",
        (YES, NO, DONT_KNOW),
        c.ALWAYS,
        S["arbejdsulykke"],
        {
            "employee": (
                "Har du brug for behandling, fx hos læge eller psykolog?",
                "Opstår behovet senere, skal hændelsen anmeldes som arbejdsulykke til den tid.",
            ),
            "colleague": (
                "Har din kollega brug for behandling, fx hos læge eller psykolog?",
                "Ved du det ikke, så vælg »Ved ikke«. Opstår behovet senere, skal hændelsen anmeldes som "
                "arbejdsulykke til den tid.",
            ),
        },
        _NOT_THE_EMPLOYEE,
    ),
    Question(
        "wants_work_accident",
        "Ønsker medarbejderen sagen anmeldt som arbejdsulykke?",
        "Det er medarbejderens eget ønske. Ved du det ikke, så spørg medarbejderen – eller vælg »Ved ikke«. "
        "Medarbejderen kan altid ønske det, også senere.",
        "single",
        (YES, NO, DONT_KNOW),
        c.ALWAYS,
        S["arbejdsulykke"],
        {
            "employee": (
                "Ønsker du sagen anmeldt som arbejdsulykke?",
                "Det er dit eget valg, og du kan altid ønske det – også senere.",
            ),
            "colleague": (
                "Ønsker din kollega sagen anmeldt som arbejdsulykke?",
                "Det ved kun din kollega. Ved du det ikke, så vælg »Ved ikke«: resultatet siger, hvem der kan "
                "spørge.",
            ),
        },
        _NOT_THE_EMPLOYEE,
    ),
)
QUESTIONS_BY_ID = {q.id: q for q in QUESTIONS}


def worded(question: Question, answers: Mapping) -> Question:
    """``question`` as the chosen role sees it: its wording, and "Ved ikke" only where that role may not know."""
    role = answers.get("role")
    label, hint = question.by_role.get(role, (question.label, question.hint))
    options = question.options
    if question.unknown_for is not None and role not in question.unknown_for and role in ROLES:
        options = tuple(o for o in options if o.id != UNKNOWN)
    return replace(question, label=label, hint=hint, options=options)

_BOOL_VALUES = {"yes": True, "no": False, UNKNOWN: UNKNOWN}
_BOOL_IDS = {True: "yes", False: "no", UNKNOWN: UNKNOWN}
_BOOL_LABELS = {True: "Ja", False: "Nej", UNKNOWN: "Ved ikke"}
_FORM_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_FORM_TIME = re.compile(r"(\d{1,2})[:.](\d{2})", re.ASCII)


def parse_form(question_id: str, form: Mapping[str, list[str]], now: datetime | None = None) -> object:
    """The contract's answer value from an HTML form's fields for one question.

    Raises :class:`AnswerError` with a Danish message that names the question. With
    ``now``, a time of incident after ``now`` is refused.
    """
    question = QUESTIONS_BY_ID[question_id]
    if question.kind == "date_time":
        return _parse_date_time(question, form, now)
    chosen = [v.strip() for v in form.get(question_id, ()) if isinstance(v, str) and v.strip()]
    allowed = [o.id for o in question.options]
    invalid = [v for v in chosen if v not in allowed]
    if question.kind == "multiple":
        if not chosen or invalid:
            raise AnswerError(question_id, f"Vælg mindst ét af svarene på »{question.label}«.")
        return [o for o in allowed if o in chosen]
    if len(set(chosen)) != 1 or invalid:
        raise AnswerError(question_id, f"Vælg ét af svarene på »{question.label}«.")
    value = chosen[0]
    if question.kind == "scale":
        return value if value == UNKNOWN else int(value)
    if question_id in BOOL_FIELDS or question_id in BOOL_OR_UNKNOWN_FIELDS:
        return _BOOL_VALUES[value]
    return value


def _parse_date_time(question: Question, form: Mapping[str, list[str]], now: datetime | None) -> str:
    day_text = _first(form, question.id)
    time_text = _first(form, f"{question.id}_time")
    if not day_text:
        raise AnswerError(question.id, "Skriv datoen for hændelsen.")
    if not _FORM_DATE.fullmatch(day_text):
        raise AnswerError(question.id, "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-10-14.")
    year, month, day_of_month = (int(part) for part in day_text.split("-"))
    if not EARLIEST_DATE.year <= year <= LATEST_DATE.year:
        raise AnswerError(question.id, _date_range())
    if not 1 <= month <= 12:
        raise AnswerError(question.id, f"Datoen {day_text} findes ikke: måneden skal være fra 01 til 12.")
    if not 1 <= day_of_month <= _days_in_month(year, month):
        raise AnswerError(
            question.id,
            f"Datoen {day_text} findes ikke: {MONTHS[month - 1]} {year} har kun {_days_in_month(year, month)} dage.",
        )
    day = date(year, month, day_of_month)
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise AnswerError(question.id, _date_range())
    value = day.isoformat()
    if time_text:
        match = _FORM_TIME.fullmatch(time_text)
        try:
            if match is None:
                raise ValueError(time_text)
            clock = time(int(match.group(1)), int(match.group(2)))
        except ValueError:
            raise AnswerError(
                f"{question.id}_time", "Klokkeslættet skal skrives som TT:MM, fx 09:30 – eller lades tomt."
            ) from None
        if skipped_by_summer_time(datetime.combine(day, clock)):
            raise AnswerError(
                f"{question.id}_time",
                "Klokkeslættet findes ikke den dag, fordi uret blev stillet en time frem til sommertid. "
                "Skriv et klokkeslæt efter kl. 03.00.",
            )
        value = f"{value}T{clock:%H:%M}"
    if now is not None and is_after(parse_moment(question.id, value), now):
        raise AnswerError(question.id, "Tidspunktet for hændelsen må ikke ligge ude i fremtiden.")
    return value


def _days_in_month(year: int, month: int) -> int:
    return (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day


def _date_range() -> str:
    return f"Skriv en dato fra {EARLIEST_DATE.day}. {MONTHS[EARLIEST_DATE.month - 1]} {EARLIEST_DATE.year} til i dag."


def _first(form: Mapping[str, list[str]], key: str) -> str:
    values = [v.strip() for v in form.get(key, ()) if isinstance(v, str) and v.strip()]
    return values[0] if values else ""


def form_values(question_id: str, value: object) -> dict[str, list[str]]:
    """The form fields that show ``value`` as the chosen answer to the question (inverse of :func:`parse_form`)."""
    question = QUESTIONS_BY_ID[question_id]
    if question.kind == "date_time":
        moment = parse_moment(question_id, value)
        if not moment.has_time:
            return {question_id: [moment.local_date.isoformat()], f"{question_id}_time": [""]}
        local = moment.instant.astimezone(COPENHAGEN)
        return {question_id: [local.date().isoformat()], f"{question_id}_time": [f"{local:%H:%M}"]}
    if question.kind == "multiple":
        return {question_id: list(value)}
    if isinstance(value, bool) or (value == UNKNOWN and question.kind == "single"):
        return {question_id: [_BOOL_IDS[value]]}
    return {question_id: [str(value)]}


def answer_label(question_id: str, value: object) -> str:
    """The answer in Danish for a "check your answers" list, e.g. "Ja", "7" or "Trusler, Falsk profil"."""
    question = QUESTIONS_BY_ID[question_id]
    if question.kind == "date_time":
        moment = parse_moment(question_id, value)
        return long_datetime(moment.instant) if moment.has_time else long_date(moment.local_date)
    if isinstance(value, bool):
        return _BOOL_LABELS[value]
    labels = {o.id: o.label for o in question.options}
    if question.kind == "multiple":
        return ", ".join(labels[v] for v in value)
    return labels[str(value)]
