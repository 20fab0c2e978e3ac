"""Which guideline and rules a result comes from, and when it was made: the stamp on every result and printout."""

from collections.abc import Mapping

from wizard.danish_time import long_datetime
from wizard.guideline import GUIDELINE_ADOPTED, GUIDELINE_ADOPTED_BY
from wizard.moments import parse_now
from wizard.screens.ui import UI


def guideline_stamp() -> str:
    """Which guideline the guide implements, for every result and printout."""
    return UI["guideline_stamp"].format(adopted_by=GUIDELINE_ADOPTED_BY, adopted=GUIDELINE_ADOPTED)


def result_stamp(result: Mapping) -> str:
    """When the result was made, from which guideline and rules version."""
    return UI["stamp"].format(
        when=long_datetime(parse_now(result["evaluated_at"])),
        guideline=guideline_stamp(),
        version=result["rules_version"],
    )
