"""Running presse and raw spaCy NER over gold documents, and scoring as we go.

Both runs analyze exactly the gold text: presse gets ``Document(text=gold.text)`` and must return
an article whose ``text`` is that string, otherwise every offset would be off and the run stops
with an :class:`InputError` naming the document and the first differing position.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from presse.errors import InputError, ModelNotInstalledError
from presse.eval.gold import GoldDoc
from presse.eval.loaders import Dataset
from presse.eval.scoring import (
    EntityEvaluation,
    QuoteEvaluation,
    entities_from_article,
    entities_from_spans,
    persons_from_article,
    quotes_from_article,
)
from presse.model import Article, Document

RAW_MODEL = "fr_core_news_md"
BATCH_SIZE = 8
RAW_EXCLUDE = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")


@contextmanager
def progress_bar(enabled: bool = True) -> Iterator[Progress]:
    """A rich progress bar on standard error (disabled: the same object, rendering nothing)."""
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not enabled,
        transient=True,
    )
    with progress:
        yield progress


def _first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def text_shift(gold_text: str, article_text: str, source: str) -> int:
    """How far presse's offsets must move to index the gold text.

    0 when the texts are equal. presse strips blank lines around a text, so a gold text that
    starts with newlines is analyzed without them: the shift is then their number. Any other
    difference raises :class:`InputError` naming the first differing position.
    """
    if article_text == gold_text:
        return 0
    if article_text == gold_text.strip("\n"):
        return len(gold_text) - len(gold_text.lstrip("\n"))
    at = _first_difference(article_text, gold_text)
    raise InputError(
        source,
        f"presse analyzed a different text (first difference at offset {at}: gold "
        f"{gold_text[at : at + 20]!r}, presse {article_text[at : at + 20]!r}), so gold "
        "offsets cannot be compared",
        "presse must keep the input text unchanged",
    )


@dataclass
class Failure:
    """A document presse could not analyze: scored with no predictions, listed in the report."""

    doc: str
    error: str


def _analyze_chunk(analyzer: Any, chunk: Sequence[GoldDoc]) -> list[Article | Failure]:
    inputs = [Document(text=doc.text) for doc in chunk]
    try:
        return list(analyzer.pipe(inputs, batch_size=BATCH_SIZE))
    except InputError:
        raise
    except Exception:
        # One bad document must not void a corpus run: retry one by one to isolate it.
        results: list[Article | Failure] = []
        for doc, document in zip(chunk, inputs, strict=True):
            try:
                results.append(analyzer.analyze(document))
            except InputError:
                raise
            except Exception as exc:
                results.append(Failure(doc.id, f"{type(exc).__name__}: {exc}".splitlines()[0]))
        return results


def analyze(
    docs: Sequence[GoldDoc], progress: Progress | None = None
) -> Iterator[tuple[Article | Failure, int]]:
    """presse's analysis of each gold document, in order, with the shift that maps the article's
    offsets onto the gold text (:func:`text_shift`).

    A document on which presse crashes yields a :class:`Failure` (shift 0) instead of an
    article; an :class:`InputError` (text refused, or changed) stops the run.
    """
    from presse.analyze.pipeline import get_analyzer

    analyzer = get_analyzer()
    task = progress.add_task("presse", total=len(docs)) if progress else None
    for first in range(0, len(docs), BATCH_SIZE):
        chunk = docs[first : first + BATCH_SIZE]
        for doc, result in zip(chunk, _analyze_chunk(analyzer, chunk), strict=True):
            shift = 0
            if isinstance(result, Article):
                shift = text_shift(doc.text, result.text, doc.source)
            if progress is not None and task is not None:
                progress.advance(task)
            yield result, shift


def load_raw_ner() -> Any:
    """The raw ``fr_core_news_md`` pipeline reduced to its NER (its own tok2vec is embedded)."""
    import spacy

    try:
        nlp = spacy.load(RAW_MODEL, exclude=list(RAW_EXCLUDE))
    except OSError as exc:
        raise ModelNotInstalledError(RAW_MODEL) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def raw_entities(
    docs: Sequence[GoldDoc], progress: Progress | None = None
) -> Iterator[list[tuple[int, int, str]]]:
    """Raw spaCy NER spans ``(start, end, label)`` for each document, in order.

    The text is given with ’ replaced by ' (same length, so offsets hold), as presse does
    before spaCy: the French tokenizer splits elisions only on the straight apostrophe.
    """
    nlp = load_raw_ner()
    task = progress.add_task("raw spaCy NER", total=len(docs)) if progress else None
    texts = (doc.text.replace("’", "'") for doc in docs)
    for spacy_doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
        if progress is not None and task is not None:
            progress.advance(task)
        yield [(e.start_char, e.end_char, e.label_) for e in spacy_doc.ents]


def evaluate_quotes(dataset: Dataset, show_progress: bool = True) -> QuoteEvaluation:
    """Analyze the dataset's documents with presse and score quotes and speakers."""
    evaluation = QuoteEvaluation(
        dataset=dataset.name,
        mention_gold=dataset.mention_gold,
        direct_only_gold=dataset.direct_only,
    )
    with progress_bar(show_progress) as progress:
        for doc, (article, shift) in zip(
            dataset.docs, analyze(dataset.docs, progress), strict=True
        ):
            if isinstance(article, Failure):
                evaluation.failures.append(asdict(article))
                evaluation.add(doc, [])
            else:
                evaluation.add(
                    doc, quotes_from_article(article, shift), persons_from_article(article)
                )
    return evaluation


def evaluate_entities(
    dataset: Dataset, raw: bool = True, show_progress: bool = True
) -> tuple[EntityEvaluation, EntityEvaluation | None]:
    """Score presse's name mentions and, with ``raw``, raw spaCy NER on the same texts."""
    ours = EntityEvaluation(system="presse")
    baseline = EntityEvaluation(system=RAW_MODEL, keep_errors=False) if raw else None
    with progress_bar(show_progress) as progress:
        for doc, (article, shift) in zip(
            dataset.docs, analyze(dataset.docs, progress), strict=True
        ):
            if isinstance(article, Failure):
                ours.failures.append(asdict(article))
                ours.add(doc, [])
            else:
                ours.add(doc, entities_from_article(article, shift))
        if baseline is not None:
            for doc, spans in zip(dataset.docs, raw_entities(dataset.docs, progress), strict=True):
                baseline.add(doc, entities_from_spans(spans))
    return ours, baseline
