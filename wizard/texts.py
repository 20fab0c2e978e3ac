"""Every Danish text of a result, each with the guideline section it comes from.

Step texts follow the guideline's own checklists (bold parts as plain text). Notes say
where the guideline calls for a concrete assessment and who to ask when an answer is
"Ved ikke". Legal information comes from the verified legal notes: it is shown apart
from the adopted text, as information and not as the municipality's policy.
"""

from dataclasses import dataclass

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
    """A Danish text and the guideline section it comes from."""

    text: str
    source: Section


@dataclass(frozen=True)
class LegalInfo:
    """Information from the legal notes and the provision or authority it refers to."""

    text: str
    reference: str


S = SECTIONS

CATEGORY_LABELS = {
    "protected_speech": Text("Lovlig kritik, som skal tåles", S["ytringsfrihed"]),
    "work_environment": Text(
        "Hændelse, der skal registreres i SafetyNet (psykisk vold efter Arbejdsmiljøloven)", S["arbejdsmiljoeloven"]
    ),
    "criminal": Text("Mulig strafbar – beror på en konkret vurdering", S["straffeloven"]),
    "data_protection": Text(
        "Mulig overtrædelse af Databeskyttelsesloven – beror altid på en konkret vurdering", S["databeskyttelsesloven"]
    ),
}

ROLE_LABELS = {"employee": "Den udsatte medarbejder", "colleague": "Kollega", "manager": "Leder"}

# Steps every role can get.
_CALL_112 = Text(
    "Ring 112, hvis nogen er i fare lige nu. Digital chikane skal tages lige så alvorligt, som hvis truslerne eller "
    "volden skete i et fysisk møde.",
    S["saadan-forebygger-vi"],
)
_TOLERATE = Text(
    "Kritik af offentlige myndigheder og ansatte er en demokratisk ret (ytringsfriheden) og skal tåles – også når "
    "den er ubehagelig. Det er heller ikke ulovligt at søge aktindsigt i en ansats personalesag eller at optage et "
    "møde, man selv deltager i.",
    S["ytringsfrihed"],
)
_POLICE_REPORT = Text(
    "Chikanen kan være strafbar. En politianmeldelse beror altid på en konkret vurdering: lederen søger rådføring "
    "ved Personaleafdelingen (personalejura), som kan hjælpe medarbejderen med at anmelde til politiet. Husk "
    f"tidsfristen – politianmeldelse inden for {POLICE_REPORT_HOURS} timer er en betingelse for at få erstatning "
    "efter voldsoffererstatningsloven.",
    S["personaleafdelingen-og-politianmeldelse"],
)
_REGISTER_WORK_ACCIDENT = Text(
    "Hændelsen SKAL anmeldes som en arbejdsulykke i SafetyNet, fordi medarbejderen har fravær i forbindelse med "
    "chikanen, har et behandlingsbehov eller ønsker sagen anmeldt som arbejdsulykke.",
    S["arbejdsulykke"],
)

STEP_TEXTS = {
    "employee": {
        "call_112": _CALL_112,
        "tolerate": _TOLERATE,
        "document": Text(
            "Dokumentér chikanen. Tag et skærmdump eller billede med det samme – det er vigtigt at dokumentere "
            "chikanen, også selvom den måske er banal.",
            S["du-er-udsat"],
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
        ),
        "register_work_accident": _REGISTER_WORK_ACCIDENT,
        "inform_manager_after_hours": Text(
            "Du blev udsat for chikanen uden for arbejdstiden: orientér din nærmeste leder efterfølgende.",
            S["du-er-udsat"],
        ),
        "police_report": _POLICE_REPORT,
    },
    "colleague": {
        "call_112": _CALL_112,
        "tolerate": _TOLERATE,
        "support_colleague": Text(
            "Skab tryghed og ro, vis forståelse og omsorg, og lyt og trøst. Undgå, at den forurettede kollega er "
            "alene, og drøft ikke med den forurettede, hvad der ellers kunne have været gjort.",
            S["kollega"],
        ),
        "contact_affected_manager": Text(
            "Kontakt forurettede kollegas leder, og orientér om chikanen. Du har pligt til at kontakte ledelsen, "
            "når du bliver opmærksom på chikane over for en anden medarbejder.",
            S["kollega"],
        ),
        "contact_relatives": Text("Kontakt eventuelle pårørende.", S["kollega"]),
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
        "register_work_accident": _REGISTER_WORK_ACCIDENT,
        "police_report": _POLICE_REPORT,
    },
    "manager": {
        "call_112": _CALL_112,
        "tolerate": _TOLERATE,
        "register_safetynet": Text(
            "Sørg sammen med medarbejderen for, at chikanen registreres i SafetyNet – så hurtigt som muligt og "
            f"senest {REGISTRATION_DAYS} dage efter hændelsesdagen. Forhold jer i registreringen til, hvordan "
            f"medarbejderen er påvirket på en skala fra {IMPACT_MIN}-{IMPACT_MAX}.",
            S["leder"],
        ),
        "action_plan": Text(
            f"Lav en handleplan på hændelsen. Den laves ved påvirkning over {ACTION_PLAN_THRESHOLD}, og når "
            "medarbejderen gentagne gange over et kort tidsrum har oplevet digital chikane.",
            S["handleplan"],
        ),
        "register_work_accident": _REGISTER_WORK_ACCIDENT,
        "care": Text(
            "Tag hånd om medarbejderen – drag menneskelig omsorg, og vurdér sammen med medarbejderen, om der er "
            "brug for psykisk førstehjælp og eventuelt efterfølgende psykologhjælp. Følg op på medarbejderens "
            "trivsel i tiden efter episoden.",
            S["leder"],
        ),
        "work_distribution": Text(
            "Afklar den praktiske arbejdsfordeling i en akut situation – hvem gør hvad?", S["leder"]
        ),
        "consider_contact_change": Text(
            "Vurdér, om det er relevant at tilbyde ændring i arbejdsforholdet, så medarbejderen fx ikke fortsat "
            "skal have kontakt til den pågældende borger.",
            S["lederens-vurdering"],
        ),
        "contact_citizen": Text(
            "Vurdér, om det er relevant at tage kontakt til borgeren. Selvom det kan være ubehageligt at blive "
            "omtalt negativt i forbindelse med sit job, så er det ikke ulovligt at give sin mening til kende. Når "
            "det vurderes relevant, kan du kontakte borgeren for at imødekomme den utilfredshed, vedkommende "
            "tilkendegiver.",
            S["lederens-vurdering"],
        ),
        "contact_platform": Text(
            "Vurdér, om du sammen med medarbejderen skal henvende dig til netværksudbyderen – fx Facebook – for at "
            "få fjernet/stoppet chikanen eller dele af de oplysninger, der udgør chikanen.",
            S["lederens-vurdering"],
        ),
        "datatilsynet": Text(
            "Tag eventuelt kontakt til Datatilsynet, hvis udbyderen ikke vil fjerne oplysningerne.",
            S["lederens-vurdering"],
        ),
        "consult_hr": Text(
            "Søg rådføring ved Personaleafdelingen i forhold til handlemuligheder – fx for at undersøge, om der er "
            "tale om strafbar chikane, herunder hjælpe medarbejderen med at anmelde til politiet.",
            S["personaleafdelingen-og-politianmeldelse"],
        ),
        "police_report": _POLICE_REPORT,
    },
}

NOTES = {
    "criminal_assessment": Text(
        "Mulig strafbar – beror på en konkret vurdering. Der er meget vide rammer for private ytringer på de "
        "digitale medier, og mulighederne for straf er ret begrænsede. Vi drøfter altid den konkrete situation, "
        "hvor vi overvejer anmeldelse, med personalejura – både når chikanen er åbenlyst strafbar, og når vi er i "
        "tvivl. Spørg Personaleafdelingen.",
        S["hvornaar-er-digital-chikane-strafbar"],
    ),
    "stalking_basis": Text(
        "Forfølgelse står ikke i retningslinjens liste over, hvad der kan være strafbart. Guiden regner den alligevel "
        "som mulig strafbar, fordi straffeloven efter de juridiske noter kan dække den, og fordi vi drøfter "
        "situationen med personalejura, også når vi er i tvivl.",
        S["hvornaar-er-digital-chikane-strafbar"],
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
    ),
    "recording_shared_unknown": Text(
        "Det vides ikke, om lydoptagelsen er lagt på internettet eller givet videre til personer, som intet har med "
        "samtalen at gøre. Find ud af det, og spørg personalejura via Personaleafdelingen: er den delt, kan det "
        "efter omstændighederne være strafbart, og en eventuel politianmeldelse skal ske inden for "
        f"{POLICE_REPORT_HOURS} timer. Brug guiden igen, når du ved det.",
        S["lydoptagelser"],
    ),
    "impact_unknown": Text(
        "Påvirkningen er medarbejderens egen vurdering på en skala fra "
        f"{IMPACT_MIN}-{IMPACT_MAX}. Spørg medarbejderen: I skal forholde jer til den, når hændelsen registreres i "
        f"SafetyNet, og er den over {ACTION_PLAN_THRESHOLD}, skal der laves en handleplan.",
        S["registrering-i-safetynet"],
    ),
    "repeated_unknown": Text(
        "Det er uklart, om medarbejderen har oplevet digital chikane gentagne gange over et kort tidsrum. Afklar "
        "det med medarbejderen og lederen, når hændelsen registreres i SafetyNet: er det tilfældet, skal der laves "
        "en handleplan.",
        S["handleplan"],
    ),
    "duty_to_contact_management": Text(
        "Du har pligt til at kontakte ledelsen, hvis du bliver opmærksom på chikane over for dig selv eller en "
        "anden medarbejder.",
        S["pligt-til-at-kontakte-ledelsen"],
    ),
    "safetynet_overdue": Text(
        f"Fristen på {REGISTRATION_DAYS} dage er overskredet. Registrer hændelsen i SafetyNet alligevel så hurtigt "
        "som muligt.",
        S["frist"],
    ),
    "police_report_from_start_of_day": Text(
        "Der er ikke angivet et klokkeslæt, så fristen for en eventuel politianmeldelse er regnet fra dagens start "
        "(kl. 00.00) – den tidligst mulige frist.",
        S["personaleafdelingen-og-politianmeldelse"],
    ),
    "ambiguous_time": Text(
        "Klokkeslættet findes to gange den dag, fordi uret blev stillet en time tilbage fra sommertid. Guiden regner "
        "med det første, så fristen for en eventuel politianmeldelse ikke bliver for sen.",
        S["personaleafdelingen-og-politianmeldelse"],
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
        "false": "Ud fra svarene skal hændelsen ikke anmeldes som arbejdsulykke.",
    },
}

DEADLINE_LABELS = {
    "safetynet": "Registrering i SafetyNet",
    "police_report": "Eventuel politianmeldelse",
}

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
