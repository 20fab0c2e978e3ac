"""The browser tests' checks of a whole page: WCAG 2.1 AA with axe-core, and requests to other origins."""

from pathlib import Path
from urllib.parse import urlsplit

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page as it is now, at rest, as readable lines.

    At rest: the pointer is moved away (no hover colours) and every animation and transition that
    ends has ended (Material fades its colours in 125-250 ms); an endless one (a spinner) is left.
    """
    assert AXE.is_file(), "axe-core is missing from node_modules: run make install"
    page.mouse.move(0, 0)
    page.evaluate(
        """() => Promise.all(document.getAnimations()
            .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime))
            .map((animation) => animation.finished.catch(() => null)))"""
    )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
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


def wcag_violations(page, url: str, scheme: str, *, open_details: bool = False) -> list[str]:
    """The violations on ``url`` in the light or dark palette, once the page has loaded.

    With ``open_details``, every ``<details>`` is opened first, so hidden content is checked too.
    """
    page.emulate_media(color_scheme=scheme)
    page.goto(url, wait_until="networkidle")
    # The palette is Material's own choice from prefers-color-scheme: check that dark really is dark.
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    if open_details:
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    return axe_violations(page)


def requests_elsewhere(page, url: str) -> list[str]:
    """The addresses ``url`` requests from another origin while it loads, its workers' too (data: and blob: aside)."""
    requested = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.goto(url, wait_until="networkidle")
    # The search worker's requests are seen too (its index is fetched on every page load).
    assert any(u.endswith("search/search_index.json") for u in requested), requested
    own = urlsplit(url)[:2]
    return [u for u in requested if urlsplit(u)[:2] != own and urlsplit(u).scheme not in {"data", "blob"}]
