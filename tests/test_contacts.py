"""The municipality's contacts (extra.contacts): checked at build, rendered as cards with tel: and mailto: links.

A production build (PRODUCTION=true) refuses to build while a contact or a document address is missing; a
development build names the missing contacts on one quiet line and never tells a reader to ask someone.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from tests.html_tree import Element, parse_html
from tools.site import contacts, mkdocs_hooks, production
from tools.site.placeholders import PageContext
from wizard.howto import CONTACT_IDS
from wizard.texts import CONTACT_LABELS

ROOT = Path(__file__).resolve().parents[1]
CONFIGURED = {
    "personalejura": {
        "name": "Personaleafdelingen, personalejura", "phone": "+45 12 34 56 78", "email": "jura@kommune.dk"
    },
    "it": {"name": "IT-support", "phone": "7020 3040", "email": None},
    "first_aid": {"name": "Førstehjælpere <b>&</b> co", "phone": "", "email": "hjaelp@kommune.dk"},
    "amr_tr": None,
}


def render(block, config) -> Element:
    return parse_html(block(PageContext(root="../", extra={"contacts": config})))


def shipped_contacts() -> dict:
    return load_config(str(ROOT / "mkdocs.yml"))["extra"].get("contacts") or {}


def test_the_shipped_configuration_names_every_contact():
    assert set(shipped_contacts()) == set(CONTACT_IDS)
    assert set(CONTACT_IDS) == set(CONTACT_LABELS)


def test_configured_contacts_render_as_cards_with_tel_and_mailto_links_and_the_rest_on_one_quiet_line():
    tree = render(contacts.contacts_block, CONFIGURED)
    cards = {card.attrs["data-contact"]: card for card in tree.find_all(data_contact=None)}
    assert list(cards) == ["personalejura", "first_aid", "it"]
    jura = cards["personalejura"]
    assert CONTACT_LABELS["personalejura"] in jura.text()
    assert "Personaleafdelingen, personalejura" in jura.text()
    assert [a.attrs["href"] for a in jura.find_all("a")] == ["tel:+4512345678", "mailto:jura@kommune.dk"]
    assert [a.attrs["href"] for a in cards["it"].find_all("a")] == ["tel:70203040"]
    assert [a.attrs["href"] for a in cards["first_aid"].find_all("a")] == ["mailto:hjaelp@kommune.dk"]
    assert cards["first_aid"].find_all("b") == []  # the name is text, never markup
    assert "Førstehjælpere <b>&</b> co" in cards["first_aid"].text()
    # The others: one line naming them, no link, and no advice to ask someone.
    (line,) = tree.find_all(data_contacts_unset=None)
    assert line.text() == contacts.UNSET_LINE.format(
        labels=", ".join(CONTACT_LABELS[id] for id in ("amr_tr", "psychologist"))
    )
    assert line.find_all("a") == []
    assert "spørg" not in tree.text().lower()


def test_with_every_contact_set_up_there_is_no_line_about_missing_ones():
    everything = {id: {"name": f"Kontakt {id}", "phone": "7020 3040", "email": ""} for id in CONTACT_IDS}
    tree = render(contacts.contacts_block, everything)
    assert [card.attrs["data-contact"] for card in tree.find_all(data_contact=None)] == list(CONTACT_IDS)
    assert tree.find_all(data_contacts_unset=None) == []


def test_the_guide_page_gets_one_template_per_contact_and_an_empty_one_for_a_contact_not_set_up():
    tree = render(contacts.contact_templates_block, CONFIGURED)
    templates = {t.attrs["data-contact-template"]: t for t in tree.find_all("template")}
    assert list(templates) == list(CONTACT_IDS)
    assert [a.attrs["href"] for a in templates["personalejura"].find_all("a")] == [
        "tel:+4512345678",
        "mailto:jura@kommune.dk",
    ]
    # The result's slot keeps the contact's role only: nothing repeated in every step.
    assert templates["amr_tr"].children == []


def test_one_contact_block_per_contact_for_the_how_to_pages():
    tree = render(contacts.CONTACT_BLOCKS["contact_it"], CONFIGURED)
    assert tree.one(data_contact="it").find_all("a")[0].attrs["href"] == "tel:70203040"
    unset = render(contacts.CONTACT_BLOCKS["contact_amr_tr"], CONFIGURED).one(data_contact="amr_tr")
    assert unset.one(data_contact_unset=None).text() == contacts.UNSET_NOTE
    assert unset.find_all("a") == [] and "spørg" not in unset.text().lower()


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ({"personalejura": {"name": "Jura", "phone": "ring mig", "email": ""}}, "extra.contacts.personalejura.phone"),
        ({"it": {"name": "IT", "phone": "12", "email": ""}}, "extra.contacts.it.phone"),
        ({"it": {"name": "IT", "phone": "", "email": "it.kommune.dk"}}, "extra.contacts.it.email"),
        ({"it": {"name": "IT", "phone": "", "email": "it@kommune"}}, "extra.contacts.it.email"),
        ({"it": {"name": "IT", "phone": 12345678}}, "extra.contacts.it.phone"),
        ({"it": {"phone": "12345678"}}, "extra.contacts.it.name"),
        ({"it": {"name": "IT"}}, "extra.contacts.it"),
        ({"it": {"name": "IT", "phone": "12345678", "fax": "1"}}, "extra.contacts.it.fax"),
        ({"it": "IT, 12345678"}, "extra.contacts.it"),
        ({"hr": {"name": "HR"}}, "extra.contacts.hr"),
        (["personalejura"], "extra.contacts"),
    ],
)
def test_a_malformed_contact_stops_with_a_danish_message_naming_the_key(config, key):
    with pytest.raises(contacts.ContactsError) as raised:
        contacts.read_contacts({"contacts": config})
    message = str(raised.value)
    assert message.startswith(f"mkdocs.yml: {key} ")
    assert any(word in message for word in ("skal", "mangler", "kendt"))


def test_the_build_hook_turns_a_malformed_contact_into_a_build_error():
    config = {"extra": {"contacts": {"it": {"name": "IT", "phone": "ring"}}}}
    with pytest.raises(PluginError, match=r"extra\.contacts\.it\.phone skal være et telefonnummer"):
        mkdocs_hooks.on_config(config)
    good = {"extra": {"contacts": CONFIGURED}}
    assert mkdocs_hooks.on_config(good) is good


def test_a_malformed_contact_fails_the_build_with_the_message_and_no_traceback(changed_build):
    # MkDocs' own build with the project's mkdocs.yml, only one phone number changed.
    proc = changed_build(
        "config['extra']['contacts']['it'] = {'name': 'IT', 'phone': '12 34 ab'}\n"
        "build(config)\n"
    )
    assert proc.returncode != 0
    assert "ERROR - mkdocs.yml: extra.contacts.it.phone skal være et telefonnummer" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.fixture(scope="module")
def front_page(site_dir):
    return parse_html((site_dir / "index.html").read_text(encoding="utf-8"))


def test_the_front_page_shows_the_configuration_s_contacts(front_page):
    configured = contacts.read_contacts({"contacts": shipped_contacts()})
    cards = {card.attrs["data-contact"]: card for card in front_page.find_all(data_contact=None)}
    assert list(cards) == [id for id, contact in configured.items() if contact.is_set]
    for id, card in cards.items():
        assert configured[id].name in card.text()
    unset = [contact.label for contact in configured.values() if not contact.is_set]
    lines = front_page.find_all(data_contacts_unset=None)
    assert [line.text() for line in lines] == ([contacts.UNSET_LINE.format(labels=", ".join(unset))] if unset else [])


def test_the_guide_page_carries_the_contact_templates(site_dir):
    tree = parse_html((site_dir / "beslutningsguide" / "index.html").read_text(encoding="utf-8"))
    templates = tree.find_all("template", data_contact_template=None)
    assert [t.attrs["data-contact-template"] for t in templates] == list(CONTACT_IDS)


# --- The production switch ----------------------------------------------------------------------------------

EVERY_CONTACT = {id: {"name": f"Kontakt {id}", "phone": "7020 3040", "email": ""} for id in CONTACT_IDS}
EVERY_LINK = {"delpolitik": "https://intranet.example.dk/delpolitik", "arbejdstilsynet": "https://at.dk/"}


@pytest.mark.parametrize(("value", "expected"), [(True, True), (False, False), ("true", True), (None, False)])
def test_the_switch_reads_true_and_false(value, expected):
    assert production.is_production({"production": value}) is expected


def test_a_switch_that_is_neither_true_nor_false_names_the_key():
    with pytest.raises(production.ProductionError, match=r"extra\.production skal være true eller false"):
        production.is_production({"production": "ja"})


def test_a_production_build_names_every_contact_and_address_not_set_up():
    config = {"production": True, "contacts": {**EVERY_CONTACT, "it": None, "amr_tr": None}, "links": {}}
    with pytest.raises(production.ProductionError) as raised:
        production.check(config)
    lines = str(raised.value).splitlines()
    assert lines[0] == production.MESSAGES["problems"]
    assert [line.strip("- ").split(" ")[0] for line in lines[1:]] == [
        "extra.contacts.amr_tr", "extra.contacts.it", "extra.links.delpolitik", "extra.links.arbejdstilsynet",
    ]
    assert f"({CONTACT_LABELS['it']})" in str(raised.value)


def test_a_production_build_with_everything_set_up_passes_and_a_development_build_always_does():
    production.check({"production": True, "contacts": EVERY_CONTACT, "links": EVERY_LINK})
    production.check({"production": False, "contacts": {}, "links": {}})


def test_the_shipped_configuration_is_a_development_build_unless_the_switch_is_set(monkeypatch):
    monkeypatch.delenv("PRODUCTION", raising=False)
    assert production.is_production(load_config(str(ROOT / "mkdocs.yml"))["extra"]) is False
    monkeypatch.setenv("PRODUCTION", "true")
    assert production.is_production(load_config(str(ROOT / "mkdocs.yml"))["extra"]) is True


def test_production_true_stops_the_build_with_every_missing_key_and_no_traceback(tmp_path):
    # MkDocs' own build of the project's mkdocs.yml, as `PRODUCTION=true make build` runs it.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PRODUCTION": "true"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode != 0
    assert re.search(rf"ERROR\s+-\s+{re.escape(production.MESSAGES['problems'])}", proc.stderr), proc.stderr
    for id in CONTACT_IDS:
        assert f"extra.contacts.{id} (" in proc.stderr
    assert "extra.links.delpolitik (" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_production_true_builds_once_everything_is_set_up(changed_build):
    proc = changed_build(
        "config['extra']['production'] = True\n"
        f"config['extra']['contacts'] = {EVERY_CONTACT!r}\n"
        f"config['extra']['links'] = {EVERY_LINK!r}\n"
        "build(config)\n"
    )
    assert proc.returncode == 0, proc.stderr
