"""presse: who says what, about whom, in the news — and who is talked about without a voice."""

__version__ = "0.1.0"

__all__ = ["__version__", "analyze"]


def analyze(text_or_path, **metadata):  # type: ignore[no-untyped-def]
    """Analyze a text or a file into an `Article` (see `presse.pipeline.analyze`)."""
    from presse.pipeline import analyze as _analyze

    return _analyze(text_or_path, **metadata)

