"""The result as a task list: the statuses a reader sets on each task, and their words.

A task is a step of the reader's role (:mod:`wizard.steps`), shown by its short title and grouped by the
deadline that dates it (:mod:`wizard.step_groups`). The reader sets its status; the page keeps it with the
case (:mod:`wizard.case_input`) and the engine writes it into the copied text, the printout and the saved case.
"""

from wizard import content

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
DONE = "done"
# In the order the reader moves through them; a task no one has touched is not started.
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE)
STATUS_LABELS = {status: content.text("case", f"status.{status}") for status in STATUSES}
