"""MkDocs hooks: the only place MkDocs meets the site's own build steps."""

import shutil
import sys
import tempfile
from pathlib import Path

# MkDocs loads hooks by file path; make the project's packages importable however it was started.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.toc import AnchorLink  # noqa: E402

from tools.content import texts  # noqa: E402

# Compiled before the engine is imported below: the engine reads its texts from the compiled module.
try:
    _content, _ = texts.compile_content()
except texts.ContentError as error:
    raise PluginError(f"content/texts: {error}") from None

from wizard.content import ContentMissing  # noqa: E402

try:
    from tools.content import guideline_review
    from tools.runtime import bundle
    from tools.site import contacts, guide_page, placeholders, prefetch, production
    from tools.site.blocks import BLOCKS
    from tools.site.traceability_page import WEB_EDITION_NOTE
    from wizard import guideline
except ContentMissing as error:
    raise PluginError(f"content/texts: {error}") from None

_build = {}


def on_config(config):
    # Nothing is published before the guide is reviewed against the adopted edition of the guideline.
    problems = guideline_review.build_problems()
    if problems:
        raise PluginError(guideline_review.MESSAGES["problems"] + "\n" + "\n".join(f"  - {p}" for p in problems))
    # A malformed contact stops the build with its Danish message naming the key, before any page is built;
    # a production build also stops on every contact and address not set up.
    try:
        contacts.read_contacts(config["extra"])
        production.check(config["extra"])
    except (contacts.ContactsError, production.ProductionError) as error:
        raise PluginError(str(error)) from None
    # Every page's notice names the guideline from the one place the engine reads it from too.
    config["extra"]["guideline"] = {
        "title": guideline.GUIDELINE_TITLE,
        "adopted_by": guideline.GUIDELINE_ADOPTED_BY,
        "adopted": guideline.GUIDELINE_ADOPTED,
        "web_edition_note": WEB_EDITION_NOTE["note"],
        "web_edition_link": WEB_EDITION_NOTE["link"],
    }
    return config


def on_pre_build(config):
    try:
        texts.check_usage(_content)
    except texts.ContentError as error:
        raise PluginError(f"content/texts: {error}") from None
    work_dir = Path(tempfile.mkdtemp(prefix="guide-runtime-"))
    _build["work_dir"] = work_dir
    _build["runtime"] = bundle.prepare(work_dir)


def on_page_markdown(markdown, page, config, files):
    context = placeholders.PageContext(
        root=placeholders.root_from(page.url),
        extra=config["extra"],
        runtime=_build.get("runtime"),
    )
    try:
        return placeholders.expand(markdown, context, BLOCKS)
    except (ValueError, LookupError) as error:
        # The build steps' own errors (a table, a placeholder, a practice card, the legal review date)
        # already name the file, the entry and what is wrong: show that, not a traceback.
        raise PluginError(f"{page.file.src_uri}: {error}") from None


def on_page_content(html, page, config, files):
    # The guide first in its page's table of contents, so that Material's skip link leads to its question.
    if f'id="{guide_page.GUIDE_ANCHOR}"' in html:
        page.toc.items.insert(0, AnchorLink(guide_page.TOC_TITLE, guide_page.GUIDE_ANCHOR, 2))
        page.meta["guide_page"] = True
    return html


def on_post_page(output, page, config):
    # The front page and the guideline's pages fetch the guide ahead, after themselves (tools/site/prefetch.py).
    if not prefetch.prefetches(page.url):
        return output
    head, _, tail = output.rpartition("</body>")
    return head + prefetch.script(placeholders.root_from(page.url), _build["runtime"]) + "</body>" + tail


def on_post_build(config):
    bundle.install(_build["runtime"], Path(config["site_dir"]))
    shutil.rmtree(_build.pop("work_dir"), ignore_errors=True)
