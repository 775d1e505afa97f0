"""Corpus runs: the ingest driver into the store (:mod:`presse.corpus.ingest`) and batch analysis
into Parquet shards (:mod:`presse.corpus.batch`), over local worker processes
(:mod:`presse.corpus.workers`) or Dask (:mod:`presse.corpus.cluster`), one chunk of documents at
a time (:mod:`presse.corpus.chunks`); shards and their manifest in :mod:`presse.corpus.shards`
and :mod:`presse.corpus.manifest`.

Import the submodule you need: worker processes import only what analysis needs.
"""
