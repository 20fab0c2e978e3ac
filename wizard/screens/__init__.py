"""HTML of the guide's screens, one module per screen: a question, the danger screen, the answers to check,
the result and the fallback, built from the pieces in :mod:`wizard.screens.markup` and worded from the one
table of the guide's own words in :mod:`wizard.screens.ui`.

The same functions render every question into the page at build time and every screen in the browser, so
both look alike. Every text is escaped; links to the guideline are relative to ``root``, the path from the
current page to the site root.
"""
