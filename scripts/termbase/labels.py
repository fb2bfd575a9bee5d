"""Human-readable names of the model's enumerations by value, in the source language, for the templates (the
enumerations in model.py own them). Pages translate them through gettext.
"""

from .markers import N_
from .model import Degree, Fate, RelationKind, Status


EQUIVALENCE = {degree.value: degree.label for degree in Degree}
EQUIVALENCE_MEANING = {degree.value: degree.meaning for degree in Degree}
STATUS = {status.value: status.label for status in Status}
RELATION = {kind.value: kind.label for kind in RelationKind}
FATE_CHANGE = {fate.value: fate.change for fate in Fate if not fate.is_active}

# The label before a definition's sources, by its basis ("cited": the first release's bare citation).
DEFINITION_BASIS = {
    "quoted": N_("Quoted from:"),
    "adapted": N_("Adapted from:"),
    "written": N_("Written for this glossary from:"),
    "cited": N_("Source:"),
}
