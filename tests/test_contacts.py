"""The municipality's contacts (extra.contacts): checked at build, rendered as cards with tel: and mailto: links."""

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from tests.html_tree import Element, parse_html
from tools.site import contacts, mkdocs_hooks
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


def test_configured_contacts_render_with_tel_and_mailto_links_and_unset_ones_with_the_note():
    tree = render(contacts.contacts_block, CONFIGURED)
    cards = {card.attrs["data-contact"]: card for card in tree.find_all(data_contact=None)}
    assert list(cards) == list(CONTACT_IDS)
    jura = cards["personalejura"]
    assert CONTACT_LABELS["personalejura"] in jura.text()
    assert "Personaleafdelingen, personalejura" in jura.text()
    assert [a.attrs["href"] for a in jura.find_all("a")] == ["tel:+4512345678", "mailto:jura@kommune.dk"]
    assert [a.attrs["href"] for a in cards["it"].find_all("a")] == ["tel:70203040"]
    assert [a.attrs["href"] for a in cards["first_aid"].find_all("a")] == ["mailto:hjaelp@kommune.dk"]
    assert cards["first_aid"].find_all("b") == []  # the name is text, never markup
    assert "Førstehjælpere <b>&</b> co" in cards["first_aid"].text()
    for unset in ("amr_tr", "psychologist"):
        card = cards[unset]
        assert card.find_all("a") == []  # never a dead link
        assert card.one(data_contact_unset=None).text() == contacts.UNSET_NOTE
        assert "ikke sat op – spørg din leder" in card.text().lower()


def test_the_guide_page_gets_one_template_per_contact_with_the_same_body():
    tree = render(contacts.contact_templates_block, CONFIGURED)
    templates = {t.attrs["data-contact-template"]: t for t in tree.find_all("template")}
    assert list(templates) == list(CONTACT_IDS)
    assert [a.attrs["href"] for a in templates["personalejura"].find_all("a")] == [
        "tel:+4512345678",
        "mailto:jura@kommune.dk",
    ]
    assert templates["amr_tr"].one(data_contact_unset=None).text() == contacts.UNSET_NOTE


def test_one_contact_block_per_contact_for_the_how_to_pages():
    tree = render(contacts.CONTACT_BLOCKS["contact_it"], CONFIGURED)
    assert tree.one(data_contact="it").find_all("a")[0].attrs["href"] == "tel:70203040"


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


def test_the_front_page_shows_every_contact_from_the_configuration(front_page):
    configured = contacts.read_contacts({"contacts": shipped_contacts()})
    cards = {card.attrs["data-contact"]: card for card in front_page.find_all(data_contact=None)}
    assert list(cards) == list(CONTACT_IDS)
    for id, contact in configured.items():
        if contact.is_set:
            assert contact.name in cards[id].text()
        else:
            assert cards[id].one(data_contact_unset=None).text() == contacts.UNSET_NOTE
            assert cards[id].find_all("a") == []


def test_the_guide_page_carries_the_contact_templates(site_dir):
    tree = parse_html((site_dir / "beslutningsguide" / "index.html").read_text(encoding="utf-8"))
    templates = tree.find_all("template", data_contact_template=None)
    assert [t.attrs["data-contact-template"] for t in templates] == list(CONTACT_IDS)
