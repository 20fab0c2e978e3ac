"""Blocks of a page kept out of the site's search index.

Material's search plugin skips an element marked ``data-search-exclude`` only until the first closing tag
with the same name inside it (it tells elements apart by their tag name alone): a ``<div>`` that holds
``<div>``s lets all that follows the first inner ``</div>`` into the index, as the guide's screens were
(61 kB of the index's 279 kB). The block is therefore wrapped in an element whose name nothing inside it
uses, a custom element with no meaning for browsers or assistive technology, laid out as if it were not
there (``display: contents`` in site.css); that in a ``<div>``, which Markdown passes through as it is (a
custom element alone it would wrap in a paragraph).
"""

TAG = "search-excluded"


def excluded_from_search(html: str) -> str:
    """``html`` inside an element that the search's index leaves out, whatever it holds."""
    return f"<div><{TAG} data-search-exclude>{html}</{TAG}></div>"
