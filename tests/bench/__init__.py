"""The start-up benchmark of the decision guide (``make bench``, ``python -m tests.bench``).

Kept apart from the tools that build the site: it serves a built site (:mod:`.server`), measures
the guide's start against stock Pyodide (:mod:`.startup`) and a reader on slow links and a slow
phone (:mod:`.profiles`), and reports (:mod:`.report`).
"""


class BenchError(RuntimeError):
    """The benchmark could not run or measure."""
