"""Machine-readable downloads of the whole glossary, each a plain function of the model and of the publication's
addresses (every concept carries its stable URL): JSON (with a JSON Schema), CSV (long, and one row per concept),
XLSX, TBX-Basic (v3, and 2008 per language pair), an OmegaT glossary per language pair, and SKOS.

The exports depend on the model and on publication only, never on the pages (the Downloads page asks them).
The list of formats is `exports.formats`; importing one format's module loads only what that format needs.
"""
