"""Decision guide for digital harassment, after the guideline "Sådan forebygger og håndterer vi digital chikane"."""

__version__ = "1.0.0"
__all__ = ["AnswerError", "evaluate", "validate", "__version__"]


def __getattr__(name: str):
    # Imported on first use, so that a build step can import a light module such as
    # wizard.guideline without the whole engine (and its compiled texts) behind it.
    if name == "evaluate":
        from wizard.result import evaluate

        return evaluate
    if name in ("AnswerError", "validate"):
        from wizard import contract

        return getattr(contract, name)
    raise AttributeError(f"module 'wizard' has no attribute {name!r}")
