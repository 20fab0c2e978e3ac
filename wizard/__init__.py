"""Decision guide for digital harassment, after the Jobcenter's and Borgerservice's guideline on how
to prevent and handle digital harassment (September 2024; its text is in ``content/guideline/``)."""

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
