"""WCAG 2.1 AA with axe-core, for the browser tests of the onboarding, rules and legal-basis pages."""

from pathlib import Path
from urllib.parse import urlsplit

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def wcag_violations(page, url: str, scheme: str, *, open_details: bool = False) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on ``url`` in the light or dark palette, as readable lines.

    With ``open_details``, every ``<details>`` is opened first, so hidden answers are checked too.
    """
    assert AXE.is_file(), "axe-core is missing from node_modules: run make install"
    page.emulate_media(color_scheme=scheme)
    page.goto(url, wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    if open_details:
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    return [
        f"{violation['id']}: {node['target']} {node.get('failureSummary', '')}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def requests_elsewhere(page, url: str) -> list[str]:
    """The addresses ``url`` requests from another origin while it loads (data: and blob: aside)."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url, wait_until="networkidle")
    assert requested, "the request listener saw nothing"
    own = urlsplit(url)[:2]
    return [u for u in requested if urlsplit(u)[:2] != own and urlsplit(u).scheme not in {"data", "blob"}]
