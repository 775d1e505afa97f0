"""Helpers shared by the stance test files: analyze one text and read its edges by actor names."""

from __future__ import annotations

from presse.model import Article, Document, StanceEdge


def analyze(analyzer, text: str) -> Article:
    """`text` analyzed as a user analyzes it (``Analyzer.analyze``)."""
    return analyzer.analyze(Document(text=text))


def name(article: Article, entity_id: str) -> str:
    entity = article.entity(entity_id)
    assert entity is not None
    return entity.name


def edges(article: Article) -> list[tuple[str, str, str]]:
    """(source name, target name, polarity) of every stance edge, in article order."""
    return [(name(article, e.source), name(article, e.target), e.polarity) for e in article.stance]


def edge(article: Article, source: str, target: str) -> StanceEdge | None:
    """The first edge whose source and target names contain `source` and `target`."""
    return next((e for e in article.stance if source in name(article, e.source) and target in name(article, e.target)), None)
