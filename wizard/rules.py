"""What the answers mean under the guideline: categories, offences, action plan and work accident.

The rules are data: :data:`RULES` lists every rule in the order the rules page shows
them, each with a Danish description of its inputs and outcome, the guideline sentence
it implements and that sentence's section. The functions below only read the table,
so the page and the engine cannot disagree. Offences carry their paragraph reference
from the legal notes; that is information, never policy.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from wizard import conditions as c
from wizard.conditions import Condition, answer
from wizard.contract import BEHAVIOURS, UNKNOWN
from wizard.guideline import (
    ACTION_PLAN_THRESHOLD,
    IMPACT_MAX,
    IMPACT_MIN,
    POLICE_REPORT_HOURS,
    REGISTRATION_DAYS,
    SECTIONS,
    Section,
)

# The order in which a result lists them: what must be done about harassment comes first, what must
# be tolerated last.
CATEGORIES = ("work_environment", "criminal", "data_protection", "undecided", "protected_speech")

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
    condition (``when``: every :class:`Match` must hold) and what it yields. Every other rule
    holds the named condition under which it applies (``applies``, from :mod:`wizard.conditions`);
    an action-plan or work-accident rule also what it decides (``decision``) and which answers it
    reports as its reason (``reported``, only those with a value in ``reported_values`` if given).
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
    applies: Condition | None = None
    decision: bool | None = None
    reported: tuple[str, ...] = ()
    reported_values: tuple | None = None


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
    work_accident: bool | None

    def facts(self, **more) -> c.Facts:
        """What the conditions may look at, with ``more`` (the moment, the deadlines) when known."""
        return c.Facts(
            self.answers, self.categories, self.offences, self.action_plan, self.work_accident, **more
        )


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


_ACTION_PLAN_QUOTE = (
    f"Handleplanen laves ved påvirkning over {ACTION_PLAN_THRESHOLD} og hvis medarbejderen gentagne gange over et "
    "kort tidsrum har oplevet digital chikane."
)
_WORK_ACCIDENT_QUOTE = (
    "Hvis medarbejderen har fravær i forbindelse med chikanen, hvis der er et behandlingsbehov eller hvis "
    "medarbejderen ønsker sagen anmeldt som arbejdsulykke, SKAL hændelsen anmeldes som en arbejdsulykke i "
    "SafetyNet."
)
WORK_ACCIDENT_FIELDS = c.WORK_ACCIDENT_FIELDS


def _decision_rule(id, kind, applies, decision, inputs, outcome, quote, reported, values=None, source=None):
    source = source or S["handleplan" if kind == "action_plan" else "arbejdsulykke"]
    return Rule(id, kind, inputs, outcome, quote, source, applies=applies, decision=decision, reported=reported,
                reported_values=values)


def _behaviour(*ids):
    return Match("behaviours", ids)


_RECORDING = _behaviour("recording")

RULES = (
    _category_rule(
        "protected_criticism",
        "Borgeren kritiserer medarbejderen, kommunen eller myndighedsudøvelsen.",
        "Kritik er en demokratisk ret (ytringsfriheden); den del skal tåles.",
        "En borger, som fx udtrykker sin mening om, at \"sagsbehandleren er en skændsel for kommunen\", eller at "
        "\"læreren er doven eller uoplagt\", skal tåles af medarbejderen.",
        S["ytringsfrihed"],
        [_behaviour("criticism")],
        ["protected_speech"],
    ),
    _category_rule(
        "protected_access_request",
        "Borgeren søger aktindsigt i medarbejderens personalesag.",
        "Det er ikke ulovligt, selvom det kan være ubehageligt.",
        "Det er fx heller ikke ulovligt, at borgeren søger om aktindsigt i den ansattes personalesag, selvom det "
        "kan være ubehageligt for den, det går ud over.",
        S["ytringsfrihed"],
        [_behaviour("access_request")],
        ["protected_speech"],
    ),
    _category_rule(
        "protected_recording",
        "Borgeren har lydoptaget et møde, borgeren selv deltog i, og optagelsen er ikke lagt ud eller givet "
        "videre.",
        "Ikke ulovligt efter Straffeloven, heller ikke selvom borgeren ikke sagde, at der blev optaget.",
        "Lydoptagelser foretaget af borgeren, hvor denne selv indgår i mødet, er ikke ulovligt efter Straffeloven. "
        "Heller ikke selvom borgeren ikke oplyser, at optagelsen finder sted.",
        S["lydoptagelser"],
        [_RECORDING, Match("recording_shared", (False,))],
        ["protected_speech"],
    ),
    # Not known to be lawful: sharing it can be criminal, and the guideline leaves that judgement to
    # personalejura. Until it is clarified, the incident is neither tolerated nor registered as harassment.
    _category_rule(
        "undecided_recording",
        "Borgeren har lydoptaget et møde, og det vides ikke, om optagelsen er lagt ud eller givet videre.",
        "Ikke afgjort, før det er afklaret med personalejura, om optagelsen er delt. En eventuel "
        "politianmeldelse og registrering kan blive aktuel.",
        "Det kan dog efter omstændighederne være strafbart, hvis lydoptagelsen lægges på internettet eller "
        "videregives til personer, som intet har med samtalen at gøre.",
        S["lydoptagelser"],
        [_RECORDING, Match("recording_shared", (UNKNOWN,))],
        ["undecided"],
    ),
    _category_rule(
        "harassment_work_environment",
        "Hån, skældsord, beskyldninger, private oplysninger, racistiske bemærkninger, trusler, forfølgelse, "
        "falsk profil, krænkende SMS'er til arbejdsmobilen eller videoovervågning.",
        "Det opleves krænkende og ubehageligt og håndteres som psykisk vold.",
        _ENVIRONMENT_QUOTE,
        S["arbejdsmiljoeloven"],
        [_behaviour(*HARASSMENT)],
        ["work_environment"],
    ),
    _category_rule(
        "recording_shared_work_environment",
        "Borgerens lydoptagelse er lagt på internettet eller givet videre til personer uden for samtalen.",
        "Delingen er chikane og håndteres som psykisk vold.",
        _ENVIRONMENT_QUOTE,
        S["arbejdsmiljoeloven"],
        [_RECORDING, Match("recording_shared", (True,))],
        ["work_environment"],
    ),
    _category_rule(
        "criminal_defamation",
        "Borgeren fremsætter beskyldninger, fx \"racist\" eller \"udøver af kriminelle handlinger\".",
        "Beskyldningerne kan være injurier eller bagvaskelse.",
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
        "At videregive en offentlig ansats private forhold kan være strafbart.",
        f"{_STRAFFELOVEN_QUOTE} Videregive meddelelser og billeder af en offentlig ansats private forhold",
        S["straffeloven"],
        [_behaviour("private_info")],
        ["criminal"],
        ["private_affairs"],
    ),
    _category_rule(
        "criminal_racism",
        "Borgeren fremsætter racistiske bemærkninger.",
        "Racistiske bemærkninger kan være strafbare.",
        f"{_STRAFFELOVEN_QUOTE} Fremsætte racistiske bemærkninger",
        S["straffeloven"],
        [_behaviour("racism")],
        ["criminal"],
        ["racism"],
    ),
    _category_rule(
        "criminal_threats",
        "Borgeren truer eller fremkalder frygt for medarbejderens eller andres liv.",
        "Trusler kan være strafbare.",
        f"{_STRAFFELOVEN_QUOTE} True eller fremkalde frygt for andres liv",
        S["straffeloven"],
        [_behaviour("threats")],
        ["criminal"],
        ["threats"],
    ),
    _category_rule(
        "criminal_surveillance",
        "Borgeren videoovervåger arbejdssteder eller private boliger uden at oplyse om det.",
        "Videoovervågning uden at oplyse om det kan være strafbar.",
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
        "At dele lydoptagelsen kan efter omstændighederne være strafbart.",
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
        "Forfølgelse (stalking) kan være strafbar. Står ikke i retningslinjens liste; lovhenvisningen kommer "
        "fra de juridiske noter.",
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
        "Det er ulovligt at videregive private oplysninger eller billeder af en ansat i private sammenhænge. Der "
        "kan klages til Datatilsynet.",
        _DATA_PROTECTION_QUOTE,
        S["databeskyttelsesloven"],
        [_behaviour("private_info")],
        ["data_protection"],
    ),
    _category_rule(
        "data_protection_fake_profile",
        "Borgeren opretter en falsk profil, fx med medarbejderens billede.",
        "Billeder brugt uden samtykke kan være en overtrædelse. Der kan klages til Datatilsynet og bedes om, at "
        "oplysningerne fjernes.",
        "Medarbejderen eller arbejdsgiveren kan klage til Datatilsynet og bede om, at oplysninger, der ikke er "
        "givet samtykke til, bliver fjernet. … En afgørelse beror altid på en konkret vurdering af, om et "
        "billede eller en video er krænkende.",
        S["databeskyttelsesloven"],
        [_behaviour("fake_profile")],
        ["data_protection"],
    ),
    _decision_rule(
        "action_plan_impact",
        "action_plan",
        c.IMPACT_OVER_THRESHOLD,
        True,
        f"Medarbejderen vurderer påvirkningen til over {ACTION_PLAN_THRESHOLD} på skalaen.",
        f"Påvirkningen over {ACTION_PLAN_THRESHOLD} er nok i sig selv. Retningslinjen skriver »over "
        f"{ACTION_PLAN_THRESHOLD} og hvis … gentagne gange«; guiden læser det som hver af de to betingelser for "
        "sig, den læsning, der beskytter medarbejderen.",
        _ACTION_PLAN_QUOTE,
        ("impact",),
    ),
    _decision_rule(
        "action_plan_repeated",
        "action_plan",
        c.REPEATED,
        True,
        "Medarbejderen har gentagne gange over et kort tidsrum oplevet digital chikane.",
        "Gentagelsen er nok i sig selv, uanset påvirkningen. Retningslinjen skriver »over "
        f"{ACTION_PLAN_THRESHOLD} og hvis … gentagne gange«; guiden læser det som hver af de to betingelser for "
        "sig, den læsning, der beskytter medarbejderen.",
        _ACTION_PLAN_QUOTE,
        ("repeated",),
        (True,),
    ),
    _decision_rule(
        "action_plan_not_needed",
        "action_plan",
        c.ACTION_PLAN_NOT_TRIGGERED,
        False,
        f"Påvirkningen er mellem {IMPACT_MIN} og {ACTION_PLAN_THRESHOLD}, og chikanen er ikke sket gentagne "
        "gange over et kort tidsrum.",
        f"Påvirkningen er højst {ACTION_PLAN_THRESHOLD}, og chikanen er ikke gentaget over et kort tidsrum.",
        f"Hvis medarbejderen vurderer at påvirkningen er mellem {IMPACT_MIN} og {ACTION_PLAN_THRESHOLD} laves der "
        "ikke en handleplan på hændelsen.",
        ("impact", "repeated"),
    ),
    _decision_rule(
        "action_plan_unknown",
        "action_plan",
        c.ACTION_PLAN_OPEN,
        None,
        "Påvirkningen eller gentagelsen er ikke kendt, og det, der er kendt, udløser ikke en handleplan.",
        "Påvirkningen eller gentagelsen er ikke kendt; det afklares ved registreringen i SafetyNet.",
        "Når man foretager en registrering, skal man i registreringen forholde sig til hvordan medarbejderen er "
        f"påvirket på en skala fra {IMPACT_MIN}-{IMPACT_MAX}.",
        ("impact", "repeated"),
        (UNKNOWN,),
        S["registrering-i-safetynet"],
    ),
    _decision_rule(
        "action_plan_undecided",
        "action_plan",
        c.UNDECIDED_ONLY,
        None,
        "Det vides ikke, om borgerens lydoptagelse er delt, og der er ikke anden chikane.",
        "Afklar først, om optagelsen er delt. Er den det, registreres hændelsen, og påvirkningen og gentagelsen "
        "afgør handleplanen.",
        "Det kan dog efter omstændighederne være strafbart, hvis lydoptagelsen lægges på internettet eller "
        "videregives til personer, som intet har med samtalen at gøre.",
        ("recording_shared",),
        source=S["lydoptagelser"],
    ),
    _decision_rule(
        "action_plan_no_registration",
        "action_plan",
        c.NOTHING_TO_REGISTER,
        False,
        "Der er kun tale om lovlig kritik, aktindsigt eller en lydoptagelse, der ikke er delt.",
        "Kun lovlig kritik, aktindsigt eller en lydoptagelse, der ikke er delt: ingen chikane at registrere, og "
        "spørgsmålene om påvirkning og gentagelse stilles ikke.",
        "En borger, som fx udtrykker sin mening om, at \"sagsbehandleren er en skændsel for kommunen\", eller at "
        "\"læreren er doven eller uoplagt\", skal tåles af medarbejderen.",
        ("behaviours",),
        source=S["ytringsfrihed"],
    ),
    _decision_rule(
        "work_accident",
        "work_accident",
        c.WORK_ACCIDENT_YES,
        True,
        "Medarbejderen har fravær i forbindelse med chikanen, har et behandlingsbehov eller ønsker sagen "
        "anmeldt som arbejdsulykke – uanset hvad der skete.",
        "Én af grundene er nok, uanset hvad der skete. Anmeldelsen sker så hurtigt som muligt og senest "
        f"{REGISTRATION_DAYS} dage efter hændelsesdagen.",
        _WORK_ACCIDENT_QUOTE,
        WORK_ACCIDENT_FIELDS,
        (True,),
    ),
    _decision_rule(
        "work_accident_not_now",
        "work_accident",
        c.WORK_ACCIDENT_ALL_NO,
        False,
        "Der er svaret nej til fravær, behandlingsbehov og ønsket om en anmeldelse.",
        "Ingen af de tre grunde gælder nu. Det er ikke endeligt: ønsker medarbejderen det, eller kommer der "
        "fravær eller et behandlingsbehov senere, SKAL hændelsen anmeldes.",
        _WORK_ACCIDENT_QUOTE,
        WORK_ACCIDENT_FIELDS,
        (False,),
    ),
    _decision_rule(
        "work_accident_unknown",
        "work_accident",
        c.WORK_ACCIDENT_OPEN,
        None,
        "Intet svar om fravær, behandlingsbehov eller ønsket om en anmeldelse er ja, og mindst ét er »Ved ikke«.",
        "Mindst ét svar er »Ved ikke«; resultatet siger, hvem der kan svare. Er ét af svarene ja, SKAL hændelsen "
        "anmeldes som en arbejdsulykke.",
        _WORK_ACCIDENT_QUOTE,
        WORK_ACCIDENT_FIELDS,
        (UNKNOWN,),
    ),
    Rule(
        "deadline_safetynet",
        "deadline",
        "Der er tale om chikane, det vides ikke, om en lydoptagelse er delt, eller hændelsen skal anmeldes som "
        "arbejdsulykke.",
        f"Frist: så hurtigt som muligt og senest {REGISTRATION_DAYS} dage efter hændelsesdagen (dansk dato). "
        "Fristen er overskredet, først når fristens dag er gået.",
        f"Anmeldelse skal ske så hurtigt som muligt og senest {REGISTRATION_DAYS} dage efter hændelsesdagen.",
        S["frist"],
        applies=c.REGISTRATION_DUE,
    ),
    Rule(
        "deadline_police_report",
        "deadline",
        "Al chikane, der kan blive politianmeldt: alt andet end lovlig kritik, aktindsigt eller en lydoptagelse, "
        "der ikke er delt. Om chikanen er strafbar, er personalejuras konkrete vurdering.",
        f"En eventuel politianmeldelse inden for {POLICE_REPORT_HOURS} timer efter hændelsen er en betingelse for "
        "erstatning efter voldsoffererstatningsloven. Timerne regnes i faktisk forløbet tid (også hen over skift "
        "til og fra sommertid) og vises i dansk tid. Uden klokkeslæt regnes den sikre frist fra dagens start, den "
        "seneste fra dagens slutning; imellem de to kan fristen være overskredet. Når timerne er gået, er en "
        "anmeldelse stadig mulig.",
        f"Husk tidsfristen – politianmeldelse indenfor {POLICE_REPORT_HOURS} timer er en betingelse for at få "
        "erstatning efter voldsoffererstatningsloven.",
        S["personaleafdelingen-og-politianmeldelse"],
        applies=c.MAY_BE_REPORTED,
    ),
)
RULES_BY_ID = {rule.id: rule for rule in RULES}

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
    facts = c.Facts(answers, found, tuple(offences))
    plan, ordered["action_plan"] = decide("action_plan", facts)
    accident, ordered["work_accident"] = decide("work_accident", facts)
    return Assessment(answers, found, tuple(offences), ordered, plan, accident)


def decide(kind: str, facts: c.Facts) -> tuple[bool | None, tuple]:
    """The action-plan or work-accident decision and the rules behind it.

    Every rule of ``kind`` whose condition holds is a reason. A rule that requires the plan or
    the report decides on its own (either of them is enough); otherwise the first that applies.
    """
    applied = [rule for rule in RULES if rule.kind == kind and rule.applies(facts)]
    required = [rule for rule in applied if rule.decision is True]
    chosen = required or applied[:1]
    return chosen[0].decision, tuple(_reason(rule, facts.answers) for rule in chosen)


def _reason(rule: Rule, answers: Mapping) -> dict:
    given = []
    for key in rule.reported:
        value = answer(answers, key)
        for v in value if isinstance(value, list) else [value]:
            if rule.reported_values is None or any(type(v) is type(w) and v == w for w in rule.reported_values):
                given.append({"field": key, "value": v})
    return {"rule": rule.id, "answers": given}


DEADLINE_RULES = tuple(rule for rule in RULES if rule.kind == "deadline")
