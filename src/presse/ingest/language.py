"""The language of a document: declared by its source, detected from its text, or forced.

presse analyzes French only (:data:`SUPPORTED_LANGUAGES`). :func:`settle_language` decides the
language of each ingested document, so that a text in another language is reported instead of
being analyzed as French in silence:

- forced (``--lang fr``): analyzed in that language, whatever the source declares or the text
  looks like (a confident detection of another language is noted in ``warnings``);
- otherwise the language detected from the text wins when the detection is confident, and a
  declaration it contradicts (``lang`` of a record, ``<html lang>``, a feed's language) is noted
  in ``warnings``;
- when the text is too short, or the detection unsure, the declared language is used, else
  French, and ``warnings`` says the language could not be checked.

A document whose language is not supported becomes an InputError naming it, with how to force.

Detection: py3langid (langid.py's model, shipped with the package) restricted to
:data:`CANDIDATES`, with probabilities normalized over them. Measured on the shared corpora
(1,275 French Wikinews articles of wikinews-fr and wikinews-fr-2012, 43 English of
wikinews-en-gum), on each text's first N characters: at N = 100, no text was confidently
misdetected (probability ≥ 0.8) and 2 French and 1 English texts were unsure; from N = 150 none
was unsure; on whole texts every article got its language with probability ≥ 0.99. Below 100
characters (one sentence) the detection is not trusted.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from presse.errors import InputError, UsageError
from presse.model import Document

SUPPORTED_LANGUAGES = frozenset({"fr"})
# The languages news arrive in, for detection to choose among: the others of langid's 140 labels
# (regional languages, pidgins) take short French or English texts for theirs (pcm, oc, lb…).
CANDIDATES = (
    "fr", "en", "de", "es", "it", "pt", "nl", "ca", "ro", "pl", "cs", "sk", "sl", "hr", "sr",
    "bg", "ru", "uk", "el", "hu", "fi", "sv", "da", "no", "et", "lv", "lt", "ga", "eu", "gl",
    "tr", "ar", "fa", "he", "hi", "ur", "bn", "zh", "ja", "ko", "vi", "id", "th", "sw",
)  # fmt: skip
LANG_HELP = (
    "Analyze every document in this language (fr), whatever its source declares or its text"
    " looks like; by default a document detected in another language is an error."
)
MIN_CHARS = 100  # shorter texts are analyzed in the declared language, else French
MIN_PROBABILITY = 0.8
_SAMPLE_CHARS = 20_000  # the start of a long text says its language as well as the whole


@dataclass(frozen=True)
class Detection:
    """The language detected for a text and its probability among :data:`CANDIDATES`."""

    language: str
    probability: float

    @property
    def confident(self) -> bool:
        """Whether the detection is trusted (see the module docstring for the measure)."""
        return self.probability >= MIN_PROBABILITY


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATES))
    return identifier


def detect_language(text: str) -> Detection | None:
    """The language of ``text``, or None when it has fewer than :data:`MIN_CHARS` characters
    (whitespace runs counted as one), too short for the detection to be trusted."""
    sample = " ".join(text[:_SAMPLE_CHARS].split())
    if len(sample) < MIN_CHARS:
        return None
    language, probability = _identifier().classify(sample)
    return Detection(language, float(probability))


def check_forced(language: str | None) -> str | None:
    """``language`` lowercased if presse analyzes it (None stays None); UsageError otherwise."""
    if language is None:
        return None
    code = language.strip().lower()
    if code not in SUPPORTED_LANGUAGES:
        raise UsageError(f"--lang {language}: presse analyzes {_supported()} only")
    return code


def settle_language(document: Document, forced: str | None = None) -> Document:
    """``document`` with its ``language`` decided (see the module docstring) and the warnings
    that decision needs; ``document.language`` on input is the language its source declares
    (None: none).

    Raises InputError for a language presse does not analyze, UsageError for a ``forced``
    language it does not analyze.
    """
    forced = check_forced(forced)
    declared = document.language
    text = f"{document.title}\n{document.text}" if document.title else document.text
    detection = detect_language(text)
    warnings: list[str] = []
    if forced is not None:
        language = forced
        if detection is not None and detection.confident and detection.language != forced:
            warnings.append(f"analyzed as {forced} (--lang), but the text is {detection.language} (detected)")
    elif detection is not None and detection.confident:
        language = detection.language
        if declared is not None and declared != language:
            if language not in SUPPORTED_LANGUAGES:
                raise _unsupported(document, f"{language} (detected; declared {declared})")
            warnings.append(f"the source declares language {declared}, the text is {language} (detected)")
    else:
        language = declared or "fr"
        if declared is None:
            warnings.append(_unchecked(detection, text))
    if language not in SUPPORTED_LANGUAGES:
        how = "detected" if detection is not None and detection.confident else "declared"
        raise _unsupported(document, f"{language} ({how})")
    if language == declared and not warnings:
        return document
    return document.model_copy(
        update={"language": language, "warnings": [*document.warnings, *warnings]}
    )


def _unchecked(detection: Detection | None, text: str) -> str:
    if detection is None:
        length = len(" ".join(text.split()))
        return (
            f"the text is too short ({length} characters) to detect its language: "
            "analyzed as French"
        )
    return (
        f"the language is uncertain ({detection.language} with probability "
        f"{detection.probability:.2f}): analyzed as French"
    )


def _supported() -> str:
    return ", ".join(sorted(SUPPORTED_LANGUAGES))


def _unsupported(document: Document, what: str) -> InputError:
    return InputError(
        document.source or document.id or "<text>",
        f"language is {what}, presse analyzes {_supported()}",
        "use --lang fr to force",
    )
