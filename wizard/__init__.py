"""Decision guide for digital harassment, after the guideline "Sådan forebygger og håndterer vi digital chikane"."""

from wizard.contract import AnswerError, validate
from wizard.evaluate import evaluate

__version__ = "1.0.0"
__all__ = ["AnswerError", "evaluate", "validate", "__version__"]
