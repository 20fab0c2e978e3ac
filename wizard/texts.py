"""Every Danish text of a result, each with what it rests on.

Step texts follow the guideline's own checklists (bold parts as plain text), each with its
section and, where one sentence carries it, that sentence verbatim. Notes say where the
guideline calls for a concrete assessment and who to ask when an answer is "Ved ikke", in
the reader's role's words. What the guide adds ("Ring 112", how a date without a time is
counted) is marked as the guide's own; legal information comes from the verified legal
notes and is shown apart from the adopted text, as information and not as policy.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from wizard.guideline import (
    ACTION_PLAN_THRESHOLD,
    IMPACT_MAX,
    IMPACT_MIN,
    POLICE_REPORT_HOURS,
    REGISTRATION_DAYS,
    SECTIONS,
    Section,
)


@dataclass(frozen=True)
class Text:
    """A Danish text and what it rests on.

    ``basis`` says what kind of source it is: ``"guideline"`` (the adopted guideline: ``source``
    is its section and ``quote``, when given, the verbatim sentence), ``"legal_notes"`` (the
    verified legal notes: information, not policy) or ``"guide"`` (the guide's own wording, such
    as "Ring 112"). Only a guideline text has a ``source``. ``by_role`` holds the wording for a
    role where the text speaks to the reader, so nobody is told to ask themselves.
    """

    text: str
    source: Section | None
    basis: str = "guideline"
    quote: str = ""
    by_role: Mapping[str, str] = field(default_factory=dict)

    def for_role(self, role: str) -> str:
        """The wording for ``role``."""
        return self.by_role.get(role, self.text)


def guide_text(text: str, **by_role: str) -> Text:
    """The guide's own wording: not in the guideline, and never cited to it."""
    return Text(text, None, "guide", by_role=by_role)


def legal_text(text: str, **by_role: str) -> Text:
    """Information from the legal notes: not in the guideline, and never cited to it."""
    return Text(text, None, "legal_notes", by_role=by_role)


@dataclass(frozen=True)
class LegalInfo:
    """Information from the legal notes and the provision or authority it refers to."""

    text: str
    reference: str


S = SECTIONS

CATEGORY_LABELS = {
    "work_environment": Text(
        "Chikane, der skal registreres i SafetyNet (psykisk vold efter Arbejdsmiljøloven)", S["arbejdsmiljoeloven"]
    ),
    "criminal": Text("Kan være strafbar – beror på en konkret vurdering", S["straffeloven"]),
    "data_protection": Text(
        "Kan være en overtrædelse af Databeskyttelsesloven – beror altid på en konkret vurdering",
        S["databeskyttelsesloven"],
    ),
    "undecided": Text(
        "Ikke afgjort: en lydoptagelse, der måske er delt – afklares med personalejura", S["lydoptagelser"]
    ),
    "protected_speech": Text(
        "Lovligt: ytringsfrihed, aktindsigt eller en lydoptagelse, der ikke er delt", S["ytringsfrihed"]
    ),
}

# The same categories in a few words, where a list of them is a choice (the practice cards' checkboxes).
CATEGORY_SHORT_LABELS = {
    "work_environment": "Chikane, der skal registreres i SafetyNet",
    "criminal": "Kan være strafbar",
    "data_protection": "Kan være i strid med Databeskyttelsesloven",
    "undecided": "Ikke afgjort – afklares med personalejura",
    "protected_speech": "Lovligt – skal tåles",
}

ROLE_LABELS = {"employee": "Den udsatte medarbejder", "colleague": "Kollega", "manager": "Leder"}

_POLICE_QUOTE = (
    f"Husk tidsfristen – politianmeldelse indenfor {POLICE_REPORT_HOURS} timer er en betingelse for at få "
    "erstatning efter voldsoffererstatningsloven."
)
_WORK_ACCIDENT_QUOTE = (
    "Hvis medarbejderen har fravær i forbindelse med chikanen, hvis der er et behandlingsbehov eller hvis "
    "medarbejderen ønsker sagen anmeldt som arbejdsulykke, SKAL hændelsen anmeldes som en arbejdsulykke i "
    "SafetyNet."
)
_ASSESS_QUOTE = "Herudover skal lederen vurdere, om det er relevant at:"

# Steps every role can get.
_CALL_112 = guide_text("Ring 112, hvis nogen er i fare lige nu.")
_TOLERATE_TEXT = (
    "Den del, der er kritik af kommunen, en afgørelse eller en ansat, er en demokratisk ret (ytringsfriheden), "
    "som vi som offentligt ansatte skal tåle – også når den er hård at læse. Det er heller ikke ulovligt at søge "
    "aktindsigt i en ansats personalesag eller at optage et møde, man selv deltager i. At det skal tåles, betyder "
    "ikke, at det ikke må gå {who} på: {then}"
)


def _tolerate(who: str, then: str) -> Text:
    return Text(_TOLERATE_TEXT.format(who=who, then=then), S["ytringsfrihed"], quote="skal tåles af medarbejderen")


_TWO_ON_THE_CASE_QUOTE = "Derfor skal vi benytte os af muligheden for at være to på den slags sager og samtaler."
_WORK_ACCIDENT_STEP = (
    "Hændelsen SKAL anmeldes som en arbejdsulykke i SafetyNet, fordi {reasons} – så hurtigt som muligt og senest "
    f"{REGISTRATION_DAYS} dage efter hændelsesdagen."
)
# The reason(s) that applied, by answer and role, joined into the step above.
WORK_ACCIDENT_REASONS = {
    "employee": {
        "absence": "du har fravær i forbindelse med chikanen",
        "treatment": "der er et behandlingsbehov",
        "wants_work_accident": "du ønsker sagen anmeldt som arbejdsulykke",
    },
    "colleague": {
        "absence": "din kollega har fravær i forbindelse med chikanen",
        "treatment": "der er et behandlingsbehov",
        "wants_work_accident": "din kollega ønsker sagen anmeldt som arbejdsulykke",
    },
    "manager": {
        "absence": "medarbejderen har fravær i forbindelse med chikanen",
        "treatment": "der er et behandlingsbehov",
        "wants_work_accident": "medarbejderen ønsker sagen anmeldt som arbejdsulykke",
    },
}
# Joining the reasons that applied ("og"), or every reason the step can name ("eller").
REASONS_JOIN = {"all": " og ", "any": " eller "}
_POLICE_REPORT_AFTER = (
    f"Husk tidsfristen – politianmeldelse inden for {POLICE_REPORT_HOURS} timer er en betingelse for at få "
    "erstatning efter voldsoffererstatningsloven. Om chikanen er strafbar, beror altid på en konkret vurdering, "
    "som personalejura hjælper med."
)

STEP_TEXTS = {
    "employee": {
        "call_112": _CALL_112,
        "document": Text(
            "Dokumentér chikanen. Tag et skærmdump eller billede med det samme – det er vigtigt at dokumentere "
            "chikanen, også selvom den måske er banal.",
            S["du-er-udsat"],
            quote="Tag et skærmdump eller billede med det samme",
        ),
        "contact_manager": Text(
            "Kontakt din leder og evt. arbejdsmiljø- eller tillidsrepræsentanten – fortæl om din oplevelse med "
            "henblik på støtte og håndtering.",
            S["du-er-udsat"],
        ),
        "tell_colleagues": Text("Fortæl dine kolleger om oplevelsen.", S["du-er-udsat"]),
        "register_safetynet": Text(
            "Registrer hændelsen i SafetyNet sammen med din AMR eller leder – så hurtigt som muligt og senest "
            f"{REGISTRATION_DAYS} dage efter hændelsesdagen.",
            S["du-er-udsat"],
            quote="Registrer hændelsen i SafetyNet sammen med din AMR eller leder",
        ),
        "register_work_accident": Text(_WORK_ACCIDENT_STEP, S["arbejdsulykke"], quote=_WORK_ACCIDENT_QUOTE),
        "inform_manager_after_hours": Text(
            "Hvis du bliver udsat for digital chikane uden for arbejdstiden, skal du orientere din nærmeste leder "
            "efterfølgende. Vær opmærksom på, at en eventuel politianmeldelse skal ske inden for "
            f"{POLICE_REPORT_HOURS} timer, for at der kan blive tale om en eventuel erstatning efter "
            "voldsoffererstatningsloven.",
            S["du-er-udsat"],
            quote="Hvis du bliver udsat for digital chikane uden for arbejdstiden, skal du orientere din nærmeste "
            f"leder efterfølgende. Vær opmærksom på, at en eventuel politianmeldelse skal ske inden for "
            f"{POLICE_REPORT_HOURS} timer, for at der kan blive tale om en eventuel erstatning efter "
            "voldsoffererstatningsloven.",
        ),
        "two_on_the_case": Text(
            "Du skal ikke stå alene med sagen: vi benytter os af muligheden for at være to på den slags sager og "
            "samtaler. Aftal med din leder, hvem der er med dig i kontakten med borgeren.",
            S["konflikthaandtering"],
            quote=_TWO_ON_THE_CASE_QUOTE,
        ),
        "police_report": Text(
            "Tal med din leder om en eventuel politianmeldelse: lederen søger rådføring ved Personaleafdelingen "
            f"(personalejura), som kan hjælpe dig med at anmelde til politiet. {_POLICE_REPORT_AFTER}",
            S["personaleafdelingen-og-politianmeldelse"],
            quote=_POLICE_QUOTE,
        ),
        "tolerate": _tolerate("dig", "tal med din leder om det."),
    },
    "colleague": {
        "call_112": _CALL_112,
        "support_colleague": Text(
            "Skab tryghed og ro, vis forståelse og omsorg, og lyt og trøst. Undgå, at den forurettede kollega er "
            "alene, og drøft ikke med den forurettede, hvad der ellers kunne have været gjort.",
            S["kollega"],
        ),
        "contact_affected_manager": Text(
            "Kontakt forurettede kollegas leder, og orientér om chikanen. Du har pligt til at kontakte ledelsen, "
            "når du bliver opmærksom på chikane over for en anden medarbejder.",
            S["kollega"],
            quote="Kontakt forurettede kollegas leder, og orientér om chikanen.",
        ),
        "contact_relatives": Text("Kontakt eventuelle pårørende.", S["kollega"], quote="Kontakt eventuelle pårørende"),
        "respect_needs": Text(
            "Vær opmærksom på, hvad den forurettede kollega har brug for – og hav respekt for, at vi oplever "
            "chikane og krænkende handlinger forskelligt og reagerer forskelligt på det.",
            S["kollega"],
        ),
        "first_aid_colleagues": Text(
            "Du kan også altid kontakte en af de kollegaer, som har en støttende funktion i forhold til psykisk "
            "førstehjælp.",
            S["kollega"],
        ),
        "register_work_accident": Text(
            _WORK_ACCIDENT_STEP + " Din kollega gør det sammen med sin leder eller AMR.",
            S["arbejdsulykke"],
            quote=_WORK_ACCIDENT_QUOTE,
        ),
        "police_report": Text(
            "En politianmeldelse kan komme på tale. Det afklarer din kollegas leder med Personaleafdelingen "
            f"(personalejura), så fortæl lederen om chikanen hurtigt. {_POLICE_REPORT_AFTER}",
            S["personaleafdelingen-og-politianmeldelse"],
            quote=_POLICE_QUOTE,
        ),
        "tolerate": _tolerate("din kollega", "lyt, og vis omsorg."),
    },
    "manager": {
        "call_112": _CALL_112,
        "register_safetynet": Text(
            "Sørg sammen med medarbejderen for, at chikanen registreres i SafetyNet – så hurtigt som muligt og "
            f"senest {REGISTRATION_DAYS} dage efter hændelsesdagen. Forhold jer i registreringen til, hvordan "
            f"medarbejderen er påvirket på en skala fra {IMPACT_MIN} til {IMPACT_MAX}.",
            S["leder"],
            quote="Sørg sammen med medarbejderen for, at chikanen registreres i SafetyNet.",
        ),
        "action_plan": Text(
            f"Lav en handleplan på hændelsen. Guiden læser retningslinjens regel sådan, at der laves en handleplan "
            f"ved påvirkning over {ACTION_PLAN_THRESHOLD} eller når medarbejderen gentagne gange over et kort "
            "tidsrum har oplevet digital chikane – hver af de to er nok. Retningslinjen skriver »og«; guiden "
            "vælger den læsning, der beskytter medarbejderen.",
            S["handleplan"],
            quote=f"Handleplanen laves ved påvirkning over {ACTION_PLAN_THRESHOLD} og hvis medarbejderen gentagne "
            "gange over et kort tidsrum har oplevet digital chikane.",
        ),
        "register_work_accident": Text(_WORK_ACCIDENT_STEP, S["arbejdsulykke"], quote=_WORK_ACCIDENT_QUOTE),
        "care": Text(
            "Tag hånd om medarbejderen – drag menneskelig omsorg, og vurdér sammen med medarbejderen, om der er "
            "brug for psykisk førstehjælp og eventuelt efterfølgende psykologhjælp. Følg op på medarbejderens "
            "trivsel i tiden efter episoden.",
            S["leder"],
        ),
        "work_distribution": Text(
            "Afklar den praktiske arbejdsfordeling i en akut situation – hvem gør hvad?", S["leder"]
        ),
        "two_on_the_case": Text(
            "Benyt muligheden for at være to på sagen og i samtalerne med borgeren, så medarbejderen ikke står "
            "alene.",
            S["konflikthaandtering"],
            quote=_TWO_ON_THE_CASE_QUOTE,
        ),
        "consider_contact_change": Text(
            "Vurdér, om det er relevant at tilbyde ændring i arbejdsforholdet, så medarbejderen fx ikke fortsat "
            "skal have kontakt til den pågældende borger.",
            S["lederens-vurdering"],
            quote=_ASSESS_QUOTE,
        ),
        "contact_citizen": Text(
            "Vurdér, om det er relevant at tage kontakt til borgeren. Selvom det kan være ubehageligt at blive "
            "omtalt negativt i forbindelse med sit job, så er det ikke ulovligt at give sin mening til kende. Når "
            "det vurderes relevant, kan du kontakte borgeren for at imødekomme den utilfredshed, vedkommende "
            "tilkendegiver.",
            S["lederens-vurdering"],
            quote=_ASSESS_QUOTE,
        ),
        "contact_platform": Text(
            "Vurdér, om det er relevant at henvende dig til netværksudbyderen – fx Facebook – sammen med "
            "medarbejderen for at få fjernet/stoppet chikanen eller dele af de oplysninger, der udgør chikanen.",
            S["lederens-vurdering"],
            quote=_ASSESS_QUOTE,
        ),
        "datatilsynet": Text(
            "Vurdér eventuelt at tage kontakt til Datatilsynet, hvis udbyderen ikke vil fjerne oplysningerne.",
            S["lederens-vurdering"],
            quote="Eventuelt tage kontakt til Datatilsynet, hvis udbyderen ikke vil fjerne oplysningerne.",
        ),
        "consult_hr": Text(
            "Søg rådføring ved Personaleafdelingen i forhold til handlemuligheder – fx for at undersøge, om der er "
            "tale om strafbar chikane, herunder hjælpe medarbejderen med at anmelde til politiet. Vi drøfter "
            "altid den konkrete situation med personalejura, når vi overvejer anmeldelse – også når vi er i tvivl.",
            S["personaleafdelingen-og-politianmeldelse"],
            quote="Søg rådføring ved Personaleafdelingen i forhold til handlemuligheder.",
        ),
        "police_report": Text(
            "Hjælp medarbejderen med en eventuel politianmeldelse sammen med Personaleafdelingen (personalejura). "
            + _POLICE_REPORT_AFTER,
            S["personaleafdelingen-og-politianmeldelse"],
            quote=_POLICE_QUOTE,
        ),
        "tolerate": _tolerate("medarbejderen", "tal med medarbejderen om det."),
    },
}

NOTES = {
    "criminal_assessment": Text(
        "Der er meget vide rammer for private ytringer på de digitale medier, og mulighederne for straf er ret "
        "begrænsede. Vi drøfter altid den konkrete situation, hvor vi overvejer anmeldelse, med personalejura – "
        "både når chikanen er åbenlyst strafbar, og når vi er i tvivl. Lederen spørger Personaleafdelingen.",
        S["hvornaar-er-digital-chikane-strafbar"],
        quote="Vi drøfter altid den konkrete situation, hvor vi overvejer anmeldelse, med personalejura",
        by_role={
            "manager": "Der er meget vide rammer for private ytringer på de digitale medier, og mulighederne for "
            "straf er ret begrænsede. Vi drøfter altid den konkrete situation, hvor vi overvejer anmeldelse, med "
            "personalejura – både når chikanen er åbenlyst strafbar, og når vi er i tvivl. Spørg "
            "Personaleafdelingen.",
        },
    ),
    "stalking_basis": legal_text(
        "Forfølgelse står ikke i retningslinjens liste over, hvad der kan være strafbart. Guiden regner den alligevel "
        "som mulig strafbar, fordi straffeloven efter de juridiske noter kan dække den (§ 242 og § 119 a), og fordi "
        "vi drøfter situationen med personalejura, også når vi er i tvivl."
    ),
    "data_protection_assessment": Text(
        "En afgørelse efter Databeskyttelsesloven beror altid på en konkret vurdering af, om et billede eller en "
        "video er krænkende, og der tages meget stort hensyn til ytringsfriheden. Video og billeder, som en borger "
        "lægger ud uden samtykke, behøver ikke at være ulovlige – det kommer an på formål og øvrige omstændigheder.",
        S["databeskyttelsesloven"],
    ),
    "protected_speech_offensive": Text(
        "Opleves det alligevel krænkende og ubehageligt, så tal med din leder. Situationer, som ikke nødvendigvis "
        "er strafbare, men som opleves krænkende og ubehagelige for den enkelte medarbejder, skal ifølge "
        "Arbejdsmiljøloven håndteres som psykisk vold – det beror på en konkret vurdering.",
        S["arbejdsmiljoeloven"],
        by_role={
            "colleague": "Opleves det alligevel krænkende og ubehageligt for din kollega, så bed din kollega tale "
            "med sin leder. Situationer, som ikke nødvendigvis er strafbare, men som opleves krænkende og "
            "ubehagelige for den enkelte medarbejder, skal ifølge Arbejdsmiljøloven håndteres som psykisk vold – "
            "det beror på en konkret vurdering.",
            "manager": "Opleves det alligevel krænkende og ubehageligt for medarbejderen, så tal med medarbejderen "
            "om det. Situationer, som ikke nødvendigvis er strafbare, men som opleves krænkende og ubehagelige for "
            "den enkelte medarbejder, skal ifølge Arbejdsmiljøloven håndteres som psykisk vold – det beror på en "
            "konkret vurdering.",
        },
    ),
    "recording_shared_unknown": Text(
        "Det vides ikke, om lydoptagelsen er lagt på internettet eller givet videre til personer, som intet har med "
        "samtalen at gøre. Indtil det er afklaret med personalejura, er det ikke afgjort, at optagelsen er lovlig. "
        "Er den delt, kan det efter omstændighederne være strafbart, og så er det delingen, der er hændelsen: den "
        "skal registreres i SafetyNet, og en eventuel politianmeldelse skal ske inden for "
        f"{POLICE_REPORT_HOURS} timer. Fristerne her er regnet fra det tidspunkt, du har angivet. Fortæl din leder "
        "det, så lederen kan spørge personalejura.",
        S["lydoptagelser"],
        by_role={
            "manager": "Det vides ikke, om lydoptagelsen er lagt på internettet eller givet videre til personer, "
            "som intet har med samtalen at gøre. Indtil det er afklaret med personalejura, er det ikke afgjort, at "
            "optagelsen er lovlig. Er den delt, kan det efter omstændighederne være strafbart, og så er det "
            "delingen, der er hændelsen: den skal registreres i SafetyNet, og en eventuel politianmeldelse skal "
            f"ske inden for {POLICE_REPORT_HOURS} timer. Fristerne her er regnet fra det tidspunkt, du har angivet. "
            "Spørg personalejura via Personaleafdelingen nu.",
        },
    ),
    "impact_unknown": Text(
        f"Påvirkningen er medarbejderens egen vurdering på en skala fra {IMPACT_MIN} til {IMPACT_MAX}. Spørg "
        "medarbejderen: I skal forholde jer til den, når hændelsen registreres i SafetyNet, og er den over "
        f"{ACTION_PLAN_THRESHOLD}, skal der laves en handleplan.",
        S["registrering-i-safetynet"],
        by_role={
            "employee": f"Påvirkningen er din egen vurdering på en skala fra {IMPACT_MIN} til {IMPACT_MAX}. Du tager "
            "stilling til den sammen med din leder eller AMR, når hændelsen registreres i SafetyNet. Er den over "
            f"{ACTION_PLAN_THRESHOLD}, skal der laves en handleplan.",
            "colleague": f"Påvirkningen er din kollegas egen vurdering på en skala fra {IMPACT_MIN} til "
            f"{IMPACT_MAX}. Din kollega tager stilling til den sammen med sin leder, når hændelsen registreres i "
            f"SafetyNet. Er den over {ACTION_PLAN_THRESHOLD}, skal der laves en handleplan.",
        },
    ),
    "repeated_unknown": Text(
        "Det er uklart, om medarbejderen har oplevet digital chikane gentagne gange over et kort tidsrum. Afklar "
        "det med medarbejderen, når hændelsen registreres i SafetyNet: er det tilfældet, skal der laves en "
        "handleplan.",
        S["handleplan"],
        by_role={
            "employee": "Det er uklart, om du har oplevet digital chikane gentagne gange over et kort tidsrum. "
            "Afklar det med din leder, når hændelsen registreres i SafetyNet: er det tilfældet, skal der laves en "
            "handleplan.",
            "colleague": "Det er uklart, om din kollega har oplevet digital chikane gentagne gange over et kort "
            "tidsrum. Det afklarer din kollega og lederen, når hændelsen registreres i SafetyNet: er det "
            "tilfældet, skal der laves en handleplan.",
        },
    ),
    "work_accident_unknown": Text(
        "Spørg medarbejderen, om hun eller han har fravær i forbindelse med chikanen, har et behandlingsbehov eller "
        "ønsker sagen anmeldt som arbejdsulykke. Er svaret ja til én af dem, SKAL hændelsen anmeldes som en "
        "arbejdsulykke i SafetyNet.",
        S["arbejdsulykke"],
        quote=_WORK_ACCIDENT_QUOTE,
        by_role={
            "employee": "Ved du endnu ikke, om du får fravær eller har brug for behandling, så tal med din leder, "
            "når du ved det. Har du fravær i forbindelse med chikanen, et behandlingsbehov, eller ønsker du sagen "
            "anmeldt som arbejdsulykke, SKAL hændelsen anmeldes som en arbejdsulykke i SafetyNet.",
            "colleague": "Det ved kun din kollega selv. Spørg din kollega, når det passer, eller bed lederen "
            "spørge: har din kollega fravær i forbindelse med chikanen, et behandlingsbehov, eller ønsker din "
            "kollega sagen anmeldt som arbejdsulykke, SKAL hændelsen anmeldes som en arbejdsulykke i SafetyNet.",
        },
    ),
    "duty_to_contact_management": Text(
        "Du har pligt til at kontakte ledelsen, hvis du bliver opmærksom på chikane over for dig selv eller en "
        "anden medarbejder.",
        S["pligt-til-at-kontakte-ledelsen"],
        quote="Du har pligt til at kontakte ledelsen, hvis du bliver opmærksom på chikane over for dig selv eller en "
        "anden medarbejder.",
    ),
    "safetynet_overdue": Text(
        f"Fristen på {REGISTRATION_DAYS} dage er overskredet. Registrer hændelsen i SafetyNet alligevel så hurtigt "
        "som muligt.",
        S["frist"],
    ),
    "police_report_passed": guide_text(
        f"De {POLICE_REPORT_HOURS} timer er gået eller kan være gået. En politianmeldelse er stadig mulig – "
        "fristen er en betingelse for erstatning, ikke for at anmelde. Tal med personalejura via "
        "Personaleafdelingen med det samme.",
        employee=f"De {POLICE_REPORT_HOURS} timer er gået eller kan være gået. En politianmeldelse er stadig mulig "
        "– fristen er en betingelse for erstatning, ikke for at anmelde. Tal med din leder med det samme, så "
        "lederen kan spørge personalejura.",
        colleague=f"De {POLICE_REPORT_HOURS} timer er gået eller kan være gået. En politianmeldelse er stadig "
        "mulig – fristen er en betingelse for erstatning, ikke for at anmelde. Bed din kollegas leder tale med "
        "personalejura med det samme.",
    ),
    "police_report_from_start_of_day": guide_text(
        "Der er ikke angivet et klokkeslæt. Guiden regner derfor den sikre frist for en eventuel politianmeldelse "
        f"fra dagens start (kl. 00.00). Er det sket senere på dagen, løber de {POLICE_REPORT_HOURS} timer længere "
        "– højst til den seneste frist, der står ved fristen. Anmeld inden den sikre frist, hvis I kan."
    ),
    "ambiguous_time": guide_text(
        "Klokkeslættet findes to gange den dag, fordi uret blev stillet en time tilbage fra sommertid. Guiden regner "
        "med det første, så fristen for en eventuel politianmeldelse ikke bliver for sen."
    ),
}

LEGAL_INFO = {
    "offererstatningsloven": LegalInfo(
        f"Erstatning efter offererstatningsloven kræver, at forbrydelsen er anmeldt til politiet inden for "
        f"{POLICE_REPORT_HOURS} timer (stk. 1). Betingelsen kan fraviges, når omstændighederne taler for det "
        "(stk. 2); Erstatningsnævnet har en praksis for bl.a. omsorgs-, undervisnings- og socialpædagogisk "
        "personale. Loven dækker personskade forårsaget af en forbrydelse (§ 1). De "
        f"{POLICE_REPORT_HOURS} timer løber som faktisk forløbet tid.",
        "Offererstatningsloven § 10 og § 1",
    ),
    "compensation_condition_waived": LegalInfo(
        f"Når de {POLICE_REPORT_HOURS} timer er gået, kan betingelsen om politianmeldelse fraviges, hvis særlige "
        "omstændigheder taler for det. Om det sker, afgør Erstatningsnævnet.",
        "Offererstatningsloven § 10, stk. 2",
    ),
    "psychological_violence": LegalInfo(
        "Arbejdstilsynet regner borgeres trusler og anden krænkende adfærd, herunder chikane, som arbejdsbetinget "
        "psykisk vold – også når det sker elektronisk (sms, e-mail, hjemmesider) og uden for arbejdstiden.",
        "At-vejledning D.4.3",
    ),
    "work_accident_recognition": LegalInfo(
        "Om en hændelse anerkendes som arbejdsulykke, afgør Arbejdsmarkedets Erhvervssikring. Det kræver en "
        "fysisk eller psykisk skade efter en pludselig hændelse (eller en påvirkning, der varer højst 5 dage); "
        "chikane over længere tid kan i stedet være en erhvervssygdom. Retningslinjens »håndteres som psykisk "
        "vold og dermed en arbejdsulykke« er kommunens interne arbejdsgang.",
        "Arbejdsmarkedets Erhvervssikring",
    ),
    "work_accident_statutory_deadline": LegalInfo(
        "Lovens frist, ved siden af retningslinjens: en arbejdsulykke skal anmeldes til Arbejdsmarkedets "
        "Erhvervssikring og Arbejdstilsynet (via EASY) senest 14 dage efter første fraværsdag, når der er mindst én "
        "dags fravær ud over skadesdagen – uden fravær, men med et forventet krav (fx behandlingsudgifter), 14 dage "
        "efter skadesdagen. Medarbejderen eller fagforeningen kan selv anmelde inden for 1 år.",
        "BEK nr. 941 af 2022 § 9 og BEK nr. 799 af 2022 § 1",
    ),
    "outside_work_hours": LegalInfo(
        "Reglerne om anmeldelse af arbejdsulykker dækker udtrykkeligt vold, trusler og anden krænkende adfærd uden "
        "for arbejdstiden.",
        "BEK nr. 799 af 2022 § 1, stk. 2",
    ),
    "datatilsynet": LegalInfo(
        "Datatilsynet behandler klager og kan påbyde, at oplysninger fjernes. At offentliggøre følsomme "
        "oplysninger kræver normalt samtykke, men en privatpersons offentliggørelse kan efter en konkret vurdering "
        "falde ind under undtagelsen for private forhold – »ulovligt« er derfor et sandsynligt, ikke et sikkert "
        "udfald.",
        "Databeskyttelsesreglerne, Datatilsynet",
    ),
    "platforms": LegalInfo(
        "Efter EU's forordning om digitale tjenester skal platforme have en vej til at anmelde ulovligt indhold. "
        "Klager over platforme etableret i Danmark går til Konkurrence- og Forbrugerstyrelsen (fra 17. februar 2024).",
        "EU's forordning om digitale tjenester (DSA)",
    ),
}

# Keyed by the flag's JSON value (true, false, null).
FLAG_LABELS = {
    "action_plan": {
        "true": "Der skal laves en handleplan.",
        "false": "Der skal ikke laves en handleplan.",
        "null": "Guiden kan ikke afgøre, om der skal laves en handleplan – se noterne.",
    },
    "work_accident": {
        "true": "Hændelsen SKAL anmeldes som en arbejdsulykke i SafetyNet.",
        "false": "Ud fra svarene nu skal hændelsen ikke anmeldes som arbejdsulykke. Det kan ændre sig: ønsker "
        "medarbejderen det, eller kommer der fravær eller et behandlingsbehov senere, SKAL hændelsen anmeldes "
        "som en arbejdsulykke i SafetyNet.",
        "null": "Guiden kan ikke afgøre, om hændelsen skal anmeldes som arbejdsulykke – se noterne, der siger, "
        "hvem der kan svare.",
    },
}

DEADLINE_LABELS = {
    "safetynet": "Registrering i SafetyNet",
    "police_report": "Eventuel politianmeldelse – en betingelse for erstatning efter voldsoffererstatningsloven",
}
# "Så hurtigt som muligt og senest ...": both halves of the guideline's sentence, wherever the date is shown.
REGISTRATION_DUE_TEXT = "så hurtigt som muligt og senest {when}"
POLICE_REPORT_DUE_TEXT = "senest {when}"
# A date without a time: the deadline counted from the end of that day.
POLICE_REPORT_LATEST_TEXT = "Skete det sent på dagen, er den seneste frist {when}."
# A deadline that only a time of day could decide (the incident's date is known, its time is not).
MAY_BE_OVERDUE = "Kan være overskredet – det afhænger af klokkeslættet."

# The guide's own help beside the steps (wizard.howto): how to do a step, and who the municipality's contacts are.
# It is not the guideline: the result shows it under a label that says so.
HOWTO_TEXTS = {
    "police_report": (
        "Tal med personalejura først. Anmeld derefter på en af tre måder: ring 114 (politiet, når det ikke haster), "
        "mød op på en politistation, eller anmeld digitalt på politi.dk, hvis den slags kan anmeldes dér. Tag "
        "dokumentationen med: skærmbilleder, tidspunktet, profilnavnene og links."
    ),
    "document": (
        "Tag skærmbilleder, før indholdet bliver slettet, og notér adressen (URL), tidspunktet og profilnavnet. "
        "Behold de oprindelige beskeder på arbejdstelefonen."
    ),
    "contact_platform": (
        "Anmeld indholdet til platformen sammen med medarbejderen, og gem dokumentationen først. Siden herunder "
        "linker til anmeldelsessiderne hos Facebook, Instagram, TikTok, X, YouTube og Google."
    ),
    "datatilsynet": "Vil platformen ikke fjerne oplysningerne, kan I klage til Datatilsynet.",
}
HOWTO_LINK_LABELS = {
    "police": "Sådan anmelder du til politiet",
    "document": "Sådan dokumenterer du chikanen",
    "take_down": "Sådan får du indholdet fjernet",
    "datatilsynet": "Sådan klager I til Datatilsynet",
}
HOWTO_PHONE_LABELS = {
    "114": "Ring 114 – politiet, når det ikke haster",
    "112": "Ring 112, hvis det haster",
}
# The municipality's contacts, set in mkdocs.yml under extra.contacts (tools/contacts.py).
CONTACT_LABELS = {
    "personalejura": "Personaleafdelingen (personalejura)",
    "amr_tr": "Arbejdsmiljørepræsentant eller tillidsrepræsentant",
    "first_aid": "Kollegaer med psykisk førstehjælp",
    "psychologist": "Psykolog eller kriseberedskab",
    "it": "IT (arbejdstelefonen)",
}
