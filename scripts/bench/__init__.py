"""Benchmark of validation and of the bilingual build (`make bench`). Not part of the tooling the site uses."""
