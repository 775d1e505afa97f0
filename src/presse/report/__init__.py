"""Human-readable reports of an analyzed article: :func:`render_text` prints the rich terminal
report (:mod:`presse.report.text`), :func:`render_markdown` returns it as Markdown
(:mod:`presse.report.markdown`); both end with the Dynamics section
(:mod:`presse.report.dynamics`)."""

from presse.report.markdown import render_markdown
from presse.report.text import render_text

__all__ = ["render_markdown", "render_text"]
