"""Built HTML as a small tree, for the tests that read the built site."""

import html.parser
from dataclasses import dataclass, field

VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Tags whose edges separate words in the rendered text (inline tags such as <a> and <strong> do not).
BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset",
     "figcaption", "figure", "footer", "form", "header", "hr", "legend", "li", "main", "nav", "ol", "p", "pre",
     "section", "summary", "table", "td", "th", "tr", "ul"}
    | HEADING_TAGS
)
NOT_TEXT_TAGS = frozenset({"script", "style", "template"})


@dataclass(eq=False)
class Element:
    """An HTML element with its attributes and children (elements and text)."""

    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)
    parent: "Element | None" = None

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def iter(self):
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str | None) -> list["Element"]:
        """Elements with the tag, class and attributes; ``name=None`` only asks for the attribute to be present."""
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag)
            and (cls is None or cls in element.classes)
            and all(
                (name.replace("_", "-") in element.attrs)
                if value is None
                else element.attrs.get(name.replace("_", "-")) == value
                for name, value in attrs.items()
            )
        ]

    def with_class(self, name: str) -> list["Element"]:
        """Elements that have the class ``name``."""
        return self.find_all(cls=name)

    def one(self, tag: str | None = None, **attrs: str | None) -> "Element":
        """The only element that :meth:`find_all` finds."""
        (found,) = self.find_all(tag, **attrs)
        return found

    def by_id(self, element_id: str) -> "Element | None":
        """The element with this id, or None."""
        return next((e for e in self.iter() if e.attrs.get("id") == element_id), None)

    def text(self) -> str:
        """The text, whitespace collapsed; heading permalinks ("¶") left out."""
        parts: list[str] = []
        self._collect(parts)
        return " ".join("".join(parts).split())

    def _collect(self, parts: list[str]) -> None:
        if self.tag in NOT_TEXT_TAGS or "headerlink" in self.classes:
            return
        edge = " " if self.tag in BLOCK_TAGS else ""
        parts.append(edge)
        for child in self.children:
            if isinstance(child, Element):
                child._collect(parts)
            else:
                parts.append(child)
        parts.append(edge)


class _TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self._open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, parent=self._open[-1])
        self._open[-1].children.append(element)
        if tag not in VOID_TAGS:
            self._open.append(element)

    def handle_endtag(self, tag):
        # Tolerant of HTML's optional end tags: close up to the nearest open element with this tag.
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data):
        self._open[-1].children.append(data)


def parse_html(markup: str) -> Element:
    """The document as a tree."""
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


def article(markup: str) -> Element:
    """The content of a built page: Material's ``<article>``."""
    (found,) = parse_html(markup).with_class("md-content__inner")
    return found


def section_after(article: Element, heading_id: str) -> list[Element]:
    """The elements after the heading with ``heading_id`` up to the next heading of the same or a higher level."""
    heading = article.by_id(heading_id)
    assert heading is not None, f"no heading #{heading_id}"
    level = int(heading.tag[1])
    parent = next(e for e in article.iter() if heading in e.children)
    siblings = [c for c in parent.children if isinstance(c, Element)]
    found = []
    for element in siblings[siblings.index(heading) + 1 :]:
        if element.tag in {f"h{n}" for n in range(1, level + 1)}:
            break
        found.append(element)
    return found
