"""The HTML blocks that pages include with ``{{ block:NAME }}``, each generated from the engine."""

from tools.guide_page import guide_block

BLOCKS = {
    "guide": guide_block,
}
