"""MkDocs hooks: the only place MkDocs meets the site's own build steps."""

import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs loads hooks by file path; make the project's packages importable however it was started.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools import bundle, contacts, placeholders  # noqa: E402
from tools.blocks import BLOCKS  # noqa: E402

_build = {}


def on_config(config):
    # A malformed contact stops the build with its Danish message naming the key, before any page is built.
    try:
        contacts.read_contacts(config["extra"])
    except contacts.ContactsError as error:
        raise PluginError(str(error)) from None
    return config


def on_pre_build(config):
    work_dir = Path(tempfile.mkdtemp(prefix="guide-runtime-"))
    _build["work_dir"] = work_dir
    _build["runtime"] = bundle.prepare(work_dir)


def on_page_markdown(markdown, page, config, files):
    context = placeholders.PageContext(
        root=placeholders.root_from(page.url),
        extra=config["extra"],
        runtime=_build.get("runtime"),
    )
    return placeholders.expand(markdown, context, BLOCKS)


def on_post_build(config):
    bundle.install(_build["runtime"], Path(config["site_dir"]))
    shutil.rmtree(_build.pop("work_dir"), ignore_errors=True)
