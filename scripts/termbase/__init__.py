"""termbase: load, validate and render the glossary. Free of MkDocs, so it can be used and tested alone."""
