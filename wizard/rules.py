"""What the answers mean under the guideline: categories, offences, action plan and work accident.

The rules are data: :data:`RULES` lists every rule in the order the rules page shows
them, each with a Danish description of its inputs and outcome, the guideline sentence
it implements and that sentence's section. The functions below only read the table,
so the page and the engine cannot disagree. Offences carry their paragraph reference
from the legal notes; that is information, never policy.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from wizard.contract import BEHAVIOURS, BOOL_FIELDS, UNKNOWN
from wizard.guideline import (
    ACTION_PLAN_THRESHOLD,
    IMPACT_MAX,
    IMPACT_MIN,
    POLICE_REPORT_HOURS,
    REGISTRATION_DAYS,
    SECTIONS,
    Section,
)

CATEGORIES = ("protected_speech", "work_environment", "criminal", "data_protection")

# What the guideline calls a possibly criminal matter is always this; shown with every offence.
CONCRETE_ASSESSMENT = "Mulig strafbar – beror på en konkret vurdering"

# Lawful conduct that must be tolerated; every other behaviour is harassment (their rules below).
LAWFUL = ("criticism", "access_request", "recording")
HARASSMENT = tuple(b for b in BEHAVIOURS if b not in LAWFUL)


@dataclass(frozen=True)
class Match:
    """Holds when the answer to ``field`` is one of ``values`` (for a list: contains one of them)."""

    field: str
    values: tuple


@dataclass(frozen=True)
class Offence:
    """A possible offence and where the law says so.

    ``basis`` is ``"guideline"`` when the guideline's Straffeloven list names the act, or
    ``"legal_notes"`` when only the verified legal notes do. ``reference`` and ``info`` come
    from the legal notes and are information, not the municipality's policy.
    """

    id: str
    label: str
    reference: str
    basis: str
    info: str
    source: Section


@dataclass(frozen=True)
class Rule:
    """One rule of the guideline as the engine applies it.

    ``inputs`` and ``outcome`` describe the rule in Danish; ``quote`` is the guideline's own
    sentence and ``source`` its section. A category rule also holds its machine-readable
    condition (``when``: every :class:`Match` must hold) and what it yields.
    """

    id: str
    kind: str  # "category", "action_plan", "work_accident" or "deadline"
    inputs: str
    outcome: str
    quote: str
    source: Section
    when: tuple[Match, ...] = ()
    categories: tuple[str, ...] = ()
    offences: tuple[str, ...] = ()


@dataclass(frozen=True)
class Condition:
    """A named yes/no question about the answers or the assessment, described in Danish."""

    name: str
    description: str
    test: Callable[..., bool] = field(compare=False)

    def __call__(self, subject) -> bool:
        return bool(self.test(subject))


@dataclass(frozen=True)
class Assessment:
    """The rules' findings for one answers object.

    ``reasons`` maps each category in ``categories`` and, when decided by answers,
    ``"action_plan"`` and ``"work_accident"`` to the rules that fired, each with the
    answers that made it fire: ``{"rule": id, "answers": [{"field", "value"}]}``.
    """

    answers: Mapping
    categories: tuple[str, ...]
    offences: tuple[str, ...]
    reasons: Mapping[str, tuple]
    action_plan: bool | None
    work_accident: bool


S = SECTIONS
_ENVIRONMENT_QUOTE = (
    "Situationer, som ikke nødvendigvis falder ind under den strafferetslige definition af chikane, men som "
    "opleves krænkende og ubehagelige for den enkelte medarbejder, skal ifølge Arbejdsmiljøloven håndteres "
    "som psykisk vold og dermed en arbejdsulykke."
)
_RECORDING_QUOTE = (
    "Det kan dog efter omstændighederne være strafbart, hvis lydoptagelsen lægges på internettet eller "
    "videregives til personer, som intet har med samtalen at gøre."
)
_STRAFFELOVEN_QUOTE = "Juridisk strafbar chikane er reguleret i Straffeloven. … Det kan være strafbart at: …"
_DATA_PROTECTION_QUOTE = (
    "Det er ulovligt at videregive private oplysninger – fx privat adresse, racemæssig baggrund eller politisk "
    "overbevisning samt billeder af en ansat i private sammenhænge. … En afgørelse beror altid på en konkret "
    "vurdering af, om et billede eller en video er krænkende."
)

OFFENCES = {
    o.id: o
    for o in (
        Offence(
            "defamation",
            "Freds- og/eller ærekrænkende beskyldninger (injurier) eller sigtelser mod bedre vidende (bagvaskelse)",
            "Straffeloven § 267 (og § 268)",
            "guideline",
            "§ 267 dækker fornærmende ord eller handlinger og beskyldninger, der kan nedsætte en person i andres "
            "agtelse; normalt privat påtale. § 268 skærper straffen, når en grov beskyldning er usand eller "
            "udbredt gennem massemedier – ordene »mod bedre vidende« står ikke i den gældende lovtekst.",
            S["straffeloven"],
        ),
        Offence(
            "private_affairs",
            "Videregivelse af meddelelser og billeder af en offentlig ansats private forhold",
            "Straffeloven § 264 d",
            "guideline",
            "§ 264 d handler om uberettiget videregivelse af meddelelser eller billeder vedrørende en andens "
            "private forhold.",
            S["straffeloven"],
        ),
        Offence(
            "racism",
            "Racistiske bemærkninger",
            "Straffeloven § 266 b (se også § 267)",
            "guideline",
            "§ 266 b beskytter grupper (fx race, hudfarve, national eller etnisk oprindelse, tro, seksuel "
            "orientering) mod udtalelser fremsat offentligt eller med henblik på udbredelse. En racistisk "
            "fornærmelse rettet mod én medarbejder kan i stedet være § 267 med hadmotiv som skærpende "
            "omstændighed.",
            S["straffeloven"],
        ),
        Offence(
            "threats",
            "Trusler eller fremkaldelse af frygt for andres liv",
            "Straffeloven § 266 (se også § 119)",
            "guideline",
            "§ 266 handler om trusler, der kan fremkalde alvorlig frygt for liv, helbred eller velfærd. § 119 "
            "handler om vold eller trusler mod personer i offentlig tjeneste, også offentligt fremsatte trusler; "
            "det er skærpende, når det sker i den ansattes fritid.",
            S["straffeloven"],
        ),
        Offence(
            "surveillance",
            "Videoovervågning af arbejdssteder eller private boliger uden at oplyse om det",
            "Straffeloven § 264 a",
            "guideline",
            "§ 264 a handler om at fotografere personer på steder, der ikke er frit tilgængelige. "
            "TV-overvågningsloven handler om faste kameraer med skiltning, ikke om en borger, der filmer med "
            "en telefon.",
            S["straffeloven"],
        ),
        Offence(
            "recording_shared",
            "Lydoptagelse lagt på internettet eller givet videre til personer uden for samtalen",
            "Straffeloven § 263, stk. 2, nr. 2",
            "guideline",
            "Kun hemmelig optagelse af samtaler, man ikke selv deltager i, er strafbar, så en borgers optagelse "
            "af et møde, borgeren selv deltog i, er lovlig. At lægge den ud eller give den videre kan efter "
            "omstændighederne være strafbart.",
            S["lydoptagelser"],
        ),
        Offence(
            "stalking",
            "Forfølgelse og chikane af en person i offentlig tjeneste (stalking)",
            "Straffeloven § 242 og § 119 a",
            "legal_notes",
            "Står ikke i retningslinjens liste. § 242 (siden 1. januar 2022) handler om systematisk og vedvarende "
            "kontakt, forfølgelse eller chikane; § 119 a om at kontakte, forfølge eller på anden måde chikanere "
            "en person i offentlig tjeneste.",
            S["hvornaar-er-digital-chikane-strafbar"],
        ),
    )
}


def _category_rule(id, inputs, outcome, quote, source, when, categories, offences=()):
    return Rule(id, "category", inputs, outcome, quote, source, tuple(when), tuple(categories), tuple(offences))


def _behaviour(*ids):
    return Match("behaviours", ids)


_RECORDING = _behaviour("recording")

RULES = (
    _category_rule(
        "protected_criticism",
        "Borgeren kritiserer medarbejderen, kommunen eller myndighedsudøvelsen.",
        "Lovlig kritik, som skal tåles (ytringsfrihed).",
        "En borger, som fx udtrykker sin mening om, at \"sagsbehandleren er en skændsel for kommunen\", eller at "
        "\"læreren er doven eller uoplagt\", skal tåles af medarbejderen.",
        S["ytringsfrihed"],
        [_behaviour("criticism")],
        ["protected_speech"],
    ),
    _category_rule(
        "protected_access_request",
        "Borgeren søger aktindsigt i medarbejderens personalesag.",
        "Lovligt, og det skal tåles.",
        "Det er fx heller ikke ulovligt, at borgeren søger om aktindsigt i den ansattes personalesag, selvom det "
        "kan være ubehageligt for den, det går ud over.",
        S["ytringsfrihed"],
        [_behaviour("access_request")],
        ["protected_speech"],
    ),
    _category_rule(
        "protected_recording",
        "Borgeren har lydoptaget et møde, borgeren selv deltog i, og optagelsen er ikke lagt ud eller givet "
        "videre (eller det vides ikke).",
        "Ikke ulovligt efter Straffeloven. Vides det ikke, om optagelsen er delt, skal det afklares med "
        "personalejura.",
        "Lydoptagelser foretaget af borgeren, hvor denne selv indgår i mødet, er ikke ulovligt efter Straffeloven. "
        "Heller ikke selvom borgeren ikke oplyser, at optagelsen finder sted.",
        S["lydoptagelser"],
        [_RECORDING, Match("recording_shared", (False, UNKNOWN))],
        ["protected_speech"],
    ),
    _category_rule(
        "harassment_work_environment",
        "Hån, skældsord, beskyldninger, private oplysninger, racistiske bemærkninger, trusler, forfølgelse, "
        "falsk profil, krænkende SMS'er til arbejdsmobilen eller videoovervågning.",
        "En hændelse, der skal registreres i SafetyNet og håndteres som psykisk vold efter Arbejdsmiljøloven.",
        _ENVIRONMENT_QUOTE,
        S["arbejdsmiljoeloven"],
        [_behaviour(*HARASSMENT)],
        ["work_environment"],
    ),
    _category_rule(
        "recording_shared_work_environment",
        "Borgerens lydoptagelse er lagt på internettet eller givet videre til personer uden for samtalen.",
        "En hændelse, der skal registreres i SafetyNet og håndteres som psykisk vold efter Arbejdsmiljøloven.",
        _ENVIRONMENT_QUOTE,
        S["arbejdsmiljoeloven"],
        [_RECORDING, Match("recording_shared", (True,))],
        ["work_environment"],
    ),
    _category_rule(
        "criminal_defamation",
        "Borgeren fremsætter beskyldninger, fx \"racist\" eller \"udøver af kriminelle handlinger\".",
        f"{CONCRETE_ASSESSMENT}: injurier eller bagvaskelse.",
        f"{_STRAFFELOVEN_QUOTE} Fremsætte freds- og/eller ærekrænkende beskyldninger (injurier) … Fremsætte "
        "sigtelser mod bedre vidende (bagvaskelse)",
        S["straffeloven"],
        [_behaviour("accusations")],
        ["criminal"],
        ["defamation"],
    ),
    _category_rule(
        "criminal_private_affairs",
        "Borgeren offentliggør eller giver private oplysninger eller billeder af medarbejderen videre.",
        f"{CONCRETE_ASSESSMENT}: videregivelse af en offentlig ansats private forhold.",
        f"{_STRAFFELOVEN_QUOTE} Videregive meddelelser og billeder af en offentlig ansats private forhold",
        S["straffeloven"],
        [_behaviour("private_info")],
        ["criminal"],
        ["private_affairs"],
    ),
    _category_rule(
        "criminal_racism",
        "Borgeren fremsætter racistiske bemærkninger.",
        f"{CONCRETE_ASSESSMENT}: racistiske bemærkninger.",
        f"{_STRAFFELOVEN_QUOTE} Fremsætte racistiske bemærkninger",
        S["straffeloven"],
        [_behaviour("racism")],
        ["criminal"],
        ["racism"],
    ),
    _category_rule(
        "criminal_threats",
        "Borgeren truer eller fremkalder frygt for medarbejderens eller andres liv.",
        f"{CONCRETE_ASSESSMENT}: trusler.",
        f"{_STRAFFELOVEN_QUOTE} True eller fremkalde frygt for andres liv",
        S["straffeloven"],
        [_behaviour("threats")],
        ["criminal"],
        ["threats"],
    ),
    _category_rule(
        "criminal_surveillance",
        "Borgeren videoovervåger arbejdssteder eller private boliger uden at oplyse om det.",
        f"{CONCRETE_ASSESSMENT}: videoovervågning.",
        f"{_STRAFFELOVEN_QUOTE} Videoovervåge arbejdssteder eller private boliger, uden at oplyse medarbejderne "
        "om dette.",
        S["straffeloven"],
        [_behaviour("surveillance")],
        ["criminal"],
        ["surveillance"],
    ),
    _category_rule(
        "criminal_recording_shared",
        "Borgerens lydoptagelse er lagt på internettet eller givet videre til personer uden for samtalen.",
        f"{CONCRETE_ASSESSMENT}: deling af lydoptagelsen.",
        _RECORDING_QUOTE,
        S["lydoptagelser"],
        [_RECORDING, Match("recording_shared", (True,))],
        ["criminal"],
        ["recording_shared"],
    ),
    # Stalking is not in the guideline's Straffeloven list, but the legal notes verify § 242 and § 119 a,
    # and the guideline says to consult personalejura "også når vi er i tvivl". Treating it as possibly
    # criminal costs a consultation; not doing so could cost the 72-hour condition for compensation.
    _category_rule(
        "criminal_stalking",
        "Borgeren forfølger og iagttager medarbejderen eller er opsøgende på anden måde.",
        f"{CONCRETE_ASSESSMENT}: forfølgelse (stalking). Står ikke i retningslinjens liste; "
        "lovhenvisningen kommer fra de juridiske noter.",
        "Vi drøfter altid den konkrete situation, hvor vi overvejer anmeldelse, med personalejura – både når "
        "chikanen er åbenlyst strafbar, og når vi er i tvivl.",
        S["hvornaar-er-digital-chikane-strafbar"],
        [_behaviour("stalking")],
        ["criminal"],
        ["stalking"],
    ),
    _category_rule(
        "data_protection_private_info",
        "Borgeren offentliggør eller giver private oplysninger eller billeder af medarbejderen videre.",
        "Mulig overtrædelse af Databeskyttelsesloven – beror altid på en konkret vurdering. Der kan klages til "
        "Datatilsynet.",
        _DATA_PROTECTION_QUOTE,
        S["databeskyttelsesloven"],
        [_behaviour("private_info")],
        ["data_protection"],
    ),
    _category_rule(
        "data_protection_fake_profile",
        "Borgeren opretter en falsk profil, fx med medarbejderens billede.",
        "Mulig overtrædelse af Databeskyttelsesloven (billeder uden samtykke) – beror altid på en konkret "
        "vurdering. Der kan klages til Datatilsynet.",
        "Medarbejderen eller arbejdsgiveren kan klage til Datatilsynet og bede om, at oplysninger, der ikke er "
        "givet samtykke til, bliver fjernet. … En afgørelse beror altid på en konkret vurdering af, om et "
        "billede eller en video er krænkende.",
        S["databeskyttelsesloven"],
        [_behaviour("fake_profile")],
        ["data_protection"],
    ),
    Rule(
        "action_plan_impact",
        "action_plan",
        f"Medarbejderen vurderer påvirkningen til over {ACTION_PLAN_THRESHOLD} på skalaen.",
        "Der laves en handleplan på hændelsen.",
        f"Handleplanen laves ved påvirkning over {ACTION_PLAN_THRESHOLD} og hvis medarbejderen gentagne gange "
        "over et kort tidsrum har oplevet digital chikane.",
        S["handleplan"],
    ),
    Rule(
        "action_plan_repeated",
        "action_plan",
        "Medarbejderen har gentagne gange over et kort tidsrum oplevet digital chikane.",
        "Der laves en handleplan på hændelsen, uanset påvirkningen.",
        f"Handleplanen laves ved påvirkning over {ACTION_PLAN_THRESHOLD} og hvis medarbejderen gentagne gange "
        "over et kort tidsrum har oplevet digital chikane.",
        S["handleplan"],
    ),
    Rule(
        "action_plan_not_needed",
        "action_plan",
        f"Påvirkningen er mellem {IMPACT_MIN} og {ACTION_PLAN_THRESHOLD}, og chikanen er ikke sket gentagne "
        "gange over et kort tidsrum.",
        "Der laves ikke en handleplan.",
        f"Hvis medarbejderen vurderer at påvirkningen er mellem {IMPACT_MIN} og {ACTION_PLAN_THRESHOLD} laves der "
        "ikke en handleplan på hændelsen.",
        S["handleplan"],
    ),
    Rule(
        "action_plan_unknown",
        "action_plan",
        "Påvirkningen eller gentagelsen er ikke kendt, og det, der er kendt, udløser ikke en handleplan.",
        "Guiden kan ikke afgøre, om der skal laves en handleplan; afklar det med medarbejderen ved "
        "registreringen.",
        "Når man foretager en registrering, skal man i registreringen forholde sig til hvordan medarbejderen er "
        f"påvirket på en skala fra {IMPACT_MIN}-{IMPACT_MAX}.",
        S["registrering-i-safetynet"],
    ),
    Rule(
        "action_plan_no_registration",
        "action_plan",
        "Der er kun tale om lovlig kritik, aktindsigt eller en lovlig lydoptagelse.",
        "Ingen registrering i SafetyNet og derfor ingen handleplan; spørgsmålene om påvirkning, gentagelse og "
        "arbejdsulykke stilles ikke.",
        "En borger, som fx udtrykker sin mening om, at \"sagsbehandleren er en skændsel for kommunen\", eller at "
        "\"læreren er doven eller uoplagt\", skal tåles af medarbejderen.",
        S["ytringsfrihed"],
    ),
    Rule(
        "work_accident",
        "work_accident",
        "Medarbejderen har fravær i forbindelse med chikanen, har et behandlingsbehov eller ønsker sagen "
        "anmeldt som arbejdsulykke.",
        "Hændelsen SKAL anmeldes som en arbejdsulykke i SafetyNet.",
        "Hvis medarbejderen har fravær i forbindelse med chikanen, hvis der er et behandlingsbehov eller hvis "
        "medarbejderen ønsker sagen anmeldt som arbejdsulykke, SKAL hændelsen anmeldes som en arbejdsulykke i "
        "SafetyNet.",
        S["arbejdsulykke"],
    ),
    Rule(
        "deadline_safetynet",
        "deadline",
        "Der er en hændelse, der skal registreres i SafetyNet.",
        f"Frist: senest {REGISTRATION_DAYS} dage efter hændelsesdagen (dansk dato). Fristen er overskredet, "
        "først når fristens dag er gået.",
        f"Anmeldelse skal ske så hurtigt som muligt og senest {REGISTRATION_DAYS} dage efter hændelsesdagen.",
        S["frist"],
    ),
    Rule(
        "deadline_police_report",
        "deadline",
        "Chikanen kan være strafbar.",
        f"Frist for en eventuel politianmeldelse: {POLICE_REPORT_HOURS} timer efter hændelsen, regnet i faktisk "
        "forløbet tid (også hen over skift til og fra sommertid) og vist i dansk tid. Uden klokkeslæt regnes "
        "fra dagens start.",
        f"Husk tidsfristen – politianmeldelse indenfor {POLICE_REPORT_HOURS} timer er en betingelse for at få "
        "erstatning efter voldsoffererstatningsloven.",
        S["personaleafdelingen-og-politianmeldelse"],
    ),
)
RULES_BY_ID = {rule.id: rule for rule in RULES}

# Unanswered questions count as "Ved ikke" where that is allowed, and as "Nej" for the others.
_DEFAULTS = {"recording_shared": UNKNOWN, "impact": UNKNOWN, "repeated": UNKNOWN} | dict.fromkeys(
    BOOL_FIELDS, False
)


def answer(answers: Mapping, key: str) -> object:
    """The answer to ``key``, or what an unanswered question counts as."""
    return answers.get(key, _DEFAULTS.get(key))


def _matched(match: Match, answers: Mapping) -> list:
    value = answer(answers, match.field)
    if isinstance(value, list):
        return [v for v in value if v in match.values]
    # bool is a subclass of int, and "unknown" must not equal True; compare type and value.
    return [value] if any(type(value) is type(v) and value == v for v in match.values) else []


def _fire(rule: Rule, answers: Mapping) -> dict | None:
    found = []
    for match in rule.when:
        values = _matched(match, answers)
        if not values:
            return None
        found.extend({"field": match.field, "value": v} for v in values)
    return {"rule": rule.id, "answers": found}


_CATEGORY_RULES = tuple(rule for rule in RULES if rule.kind == "category")


def categories(answers: Mapping) -> tuple[str, ...]:
    """The categories that the (possibly partial) answers fall under, in :data:`CATEGORIES` order."""
    hits = {c for rule in _CATEGORY_RULES if _fire(rule, answers) for c in rule.categories}
    return tuple(c for c in CATEGORIES if c in hits)


def assess(answers: Mapping) -> Assessment:
    """Apply every rule to validated, pruned answers."""
    reasons: dict[str, list] = {}
    offences = []
    for rule in _CATEGORY_RULES:
        fired = _fire(rule, answers)
        if fired is None:
            continue
        for category in rule.categories:
            reasons.setdefault(category, []).append(fired)
        offences.extend(o for o in rule.offences if o not in offences)
    found = tuple(c for c in CATEGORIES if c in reasons)
    ordered = {c: tuple(reasons[c]) for c in found}

    plan, plan_reasons = action_plan(answers, found)
    ordered["action_plan"] = plan_reasons
    accident, accident_reasons = work_accident(answers)
    if accident_reasons:
        ordered["work_accident"] = accident_reasons
    return Assessment(answers, found, tuple(offences), ordered, plan, accident)


def action_plan(answers: Mapping, found: tuple[str, ...]) -> tuple[bool | None, tuple]:
    """Whether an action plan is required: True, False, or None when the answers cannot tell."""
    if "work_environment" not in found:
        given = [{"field": "behaviours", "value": b} for b in answer(answers, "behaviours") or ()]
        return False, ({"rule": "action_plan_no_registration", "answers": given},)
    impact, repeated = answer(answers, "impact"), answer(answers, "repeated")
    triggers = []
    if impact != UNKNOWN and impact > ACTION_PLAN_THRESHOLD:
        triggers.append({"rule": "action_plan_impact", "answers": [{"field": "impact", "value": impact}]})
    if repeated is True:
        triggers.append({"rule": "action_plan_repeated", "answers": [{"field": "repeated", "value": True}]})
    if triggers:
        return True, tuple(triggers)
    given = [{"field": "impact", "value": impact}, {"field": "repeated", "value": repeated}]
    if impact != UNKNOWN and repeated is False:
        return False, ({"rule": "action_plan_not_needed", "answers": given},)
    unknown = [g for g in given if g["value"] == UNKNOWN]
    return None, ({"rule": "action_plan_unknown", "answers": unknown},)


_WORK_ACCIDENT_FIELDS = ("absence", "treatment", "wants_work_accident")


def work_accident(answers: Mapping) -> tuple[bool, tuple]:
    """Whether the incident must be reported as a work accident, and the answers that say so."""
    given = [{"field": k, "value": True} for k in _WORK_ACCIDENT_FIELDS if answer(answers, k) is True]
    if given:
        return True, ({"rule": "work_accident", "answers": given},)
    return False, ()
