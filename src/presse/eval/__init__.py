"""`presse eval`: measuring quote, speaker and entity accuracy on annotated corpora.

- :mod:`presse.eval.gold`, :mod:`presse.eval.brat`, :mod:`presse.eval.aads`,
  :mod:`presse.eval.loaders`: gold datasets (presse JSONL, fr-litbank and WiNER brat, AADS) as
  :class:`~presse.eval.gold.GoldDoc` records;
- :mod:`presse.eval.matching`: character-overlap Jaccard and one-to-one greedy span matching;
- :mod:`presse.eval.scoring`: P/R/F1, per-kind and speaker figures, error examples;
- :mod:`presse.eval.runner`: presse and raw spaCy runs over gold texts;
- :mod:`presse.eval.report`, :mod:`presse.cli.eval`: tables, JSON and the ``eval_app`` sub-app;
- :mod:`presse.eval.gate`: the CI subset and its floors (``eval/floors.json``).
"""
