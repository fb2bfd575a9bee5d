"""Human-readable names of the model's enumerations, in the source language. Pages translate them through
gettext; `N_` only marks them for extraction into the catalogs.
"""


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here (it is translated where it is shown)."""
    return message


EQUIVALENCE = {
    "exact": N_("Exact equivalent"),
    "partial": N_("Partial equivalent"),
    "broader": N_("Broader term"),
    "narrower": N_("Narrower term"),
    "none": N_("No established equivalent"),
}

EQUIVALENCE_MEANING = {
    "exact": N_("The term designates the same concept in both languages."),
    "partial": N_("The term overlaps with the concept but also covers other meanings, or covers it only in part."),
    "broader": N_("The term in this language designates a wider concept than the one defined here."),
    "narrower": N_("The term in this language designates a narrower concept than the one defined here."),
    "none": N_("The other language has no established term; the one given is a working translation."),
}

STATUS = {
    "draft": N_("Draft"),
    "approved": N_("Approved"),
    "deprecated": N_("Deprecated"),
}

RELATION = {
    "broader": N_("Broader concepts"),
    "narrower": N_("Narrower concepts"),
    "related": N_("Related concepts"),
    "contrast": N_("Not to be confused with"),
}

# What the changelog says about an id's change of fate (%(target)s: the id it now lives on as).
FATE_CHANGE = {
    "renamed": N_("Renamed to %(target)s."),
    "merged": N_("Merged into %(target)s."),
    "withdrawn": N_("Withdrawn."),
}

# The label before a definition's sources, by its basis ("cited": the first release's bare citation).
DEFINITION_BASIS = {
    "quoted": N_("Quoted from:"),
    "adapted": N_("Adapted from:"),
    "written": N_("Written for this glossary from:"),
    "cited": N_("Source:"),
}
