"""The HTML blocks that pages include with ``{{ block:NAME }}``, each generated from the engine."""

from tools.site import contacts, role_links, rules_page
from tools.site.guide_page import guide_block
from tools.site.legal_page import legal_reviewed_block
from tools.site.onboarding_page import scenario_cards_block
from tools.site.question_map import question_map_block
from tools.site.traceability_page import readings_block, reviewed_block, traceability_block, web_edition_block
from wizard.screens.fallback import two_deadlines

BLOCKS = {
    "guide": guide_block,
    "scenario_cards": scenario_cards_block,
    "rules_version": rules_page.rules_version_block,
    "rule_categories": rules_page.categories_block,
    "rules": rules_page.rules_block,
    "offences": rules_page.offences_block,
    "questions": rules_page.questions_block,
    "steps": rules_page.steps_block,
    "notes": rules_page.notes_block,
    "legal_reviewed": legal_reviewed_block,
    "traceability": traceability_block,
    "readings": readings_block,
    "web_edition_changes": web_edition_block,
    "guideline_reviewed": reviewed_block,
    "question_map": question_map_block,
    "contacts": contacts.contacts_block,
    "role_cards": role_links.role_cards_block,
    "deadlines": lambda context: two_deadlines(root=context.root),
    "role_links": role_links.role_links_block,
    "contact_templates": contacts.contact_templates_block,
    **contacts.CONTACT_BLOCKS,
}
