"""Build the spaCy pipeline once and turn texts into `Article`s.

``analyze_article(text_or_path)`` is the one-call entry point (``presse.analyze_article``);
``get_analyzer()`` returns the cached `Analyzer` for batch work (``Analyzer.pipe``). The model
sees a copy of the text where typographic apostrophes and non-breaking spaces are replaced one
for one (spaCy's French model produces junk entities on ’), so every offset stays valid in the
text presse returns.
"""

from __future__ import annotations

import contextlib
import functools
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from presse import __version__
from presse.analyze.compose import compose_text
from presse.analyze.convert import doc_to_article
from presse.analyze.factories import register_extensions
from presse.errors import InputError, ModelNotInstalledError
from presse.model import Article, Document

MODEL = "fr_core_news_md"
MODEL_TRANSLATION = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "ʼ": "'"})
DEFAULT_MAX_SECONDS = 120.0


def model_text(text: str) -> str:
    """The same-length copy of `text` the spaCy model reads."""
    return text.translate(MODEL_TRANSLATION)


def build_nlp(model: str = MODEL) -> Language:
    """Load the spaCy model and add presse's components (unused model parts are disabled)."""
    register_extensions()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalledError(model) from exc
    nlp.add_pipe("presse_structure", first=True)
    nlp.add_pipe("presse_actors", last=True)
    nlp.add_pipe("presse_quotes", last=True)
    nlp.add_pipe("presse_stance", last=True)
    _index_lemmas_as_sets(nlp)
    return nlp


def _index_lemmas_as_sets(nlp: Language) -> None:
    """Make the rule lemmatizer's word index sets instead of lists (same lemmas, less time).

    spaCy's French lemmatizer only asks ``word in index[pos]`` of its ``lemma_index`` table, whose
    values are lists of up to 66k words: a linear scan for every token not in its cache. As
    frozensets the lemmas are identical and the lemmatizer goes from about a fifth of the
    analysis time to about 1 % (docs/PERFORMANCE.md, "Session 2 changes").
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list | tuple):
            table[key] = frozenset(words)


class Analyzer:
    """A loaded pipeline that analyzes documents into articles. Build once, reuse."""

    def __init__(
        self, model: str = MODEL, *, max_chars: int | None = None,
        max_seconds: float = DEFAULT_MAX_SECONDS,
    ) -> None:
        from presse.ingest.limits import configured_limits  # presse.ingest loads trafilatura

        self.nlp = build_nlp(model)
        # None: the ingest text limit, which PRESSE_MAX_BYTES (or --max-bytes) can raise
        self.max_chars = max_chars or configured_limits().max_chars
        self.nlp.max_length = max(self.nlp.max_length, self.max_chars)
        self.max_seconds = max_seconds
        meta = self.nlp.meta
        self.model_label = f"{meta.get('lang', 'fr')}_{meta.get('name', model)}-{meta.get('version', '?')}"

    def _prepare(self, document: Document) -> tuple[Doc, str]:
        text, has_title = compose_text(document)
        if not text.strip():
            raise InputError(document.source or "<text>", "is empty", "give a non-empty article")
        if len(text) > self.max_chars:
            from presse.ingest.limits import too_many_chars

            raise too_many_chars(document.source or "<text>", len(text), self.max_chars)
        model = model_text(text)
        doc = self.nlp.make_doc(model)
        doc._.presse_hints = {
            "text": model,  # == doc.text, which spaCy rebuilds from the tokens at each access
            "has_title": True if has_title else None,
            "headings": document.headings,
            "list_items": document.list_items,
            "standfirst": document.standfirst,
            "published": document.published,
        }
        return doc, text

    def analyze(self, document: Document) -> Article:
        """Analyze one document, within `max_seconds` (an InputError past it, where the platform
        allows a timer: the main thread of a POSIX process)."""
        with time_limit(self.max_seconds, document.source or "<text>"):
            return next(self.pipe([document]))

    def pipe(self, documents: Iterable[Document], batch_size: int = 64) -> Iterator[Article]:
        """Analyze documents in order, streaming (spaCy batches them internally).

        A document without ``language`` gets it from :func:`presse.ingest.settle_language`
        first: InputError if it is not French."""
        prepared: deque[tuple[Document, str]] = deque()

        def docs() -> Iterator[Doc]:
            for document in documents:
                if document.language is None:  # not read by presse.ingest, which settles it
                    from presse.ingest.language import settle_language

                    document = settle_language(document)
                doc, text = self._prepare(document)
                prepared.append((document, text))
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            document, text = prepared.popleft()
            yield doc_to_article(
                doc, text, document, presse_version=__version__, model=self.model_label
            )


@contextlib.contextmanager
def time_limit(seconds: float, source: str) -> Iterator[None]:
    """Raise InputError in the block when it runs longer than `seconds` (SIGALRM; a no-op off
    the main thread or where SIGALRM does not exist)."""
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise InputError(source, f"analysis took longer than {seconds:g} s", "the article is pathological or too long")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def get_analyzer(model: str = MODEL) -> Analyzer:
    """The process-wide analyzer for `model`, loaded on first use."""
    return _cached_analyzer(model)


@functools.cache
def _cached_analyzer(model: str) -> Analyzer:
    # keyed by the model name alone: get_analyzer() and get_analyzer(MODEL) share one pipeline
    return Analyzer(model)


def analyze_article(text_or_path: str | Path, **metadata: object) -> Article:
    """Analyze a text (a `str`) or a file (a `Path`, any format presse reads) into an Article.

    Keyword arguments are Document fields for a text (title, published, url, id…).
    """
    if isinstance(text_or_path, Path):
        from presse.ingest import read_source

        documents = list(read_source(text_or_path))
        if not documents:
            raise InputError(str(text_or_path), "holds no article")
        return get_analyzer().analyze(documents[0])
    document = Document(text=text_or_path, **metadata)  # type: ignore[arg-type]
    return get_analyzer().analyze(document)
