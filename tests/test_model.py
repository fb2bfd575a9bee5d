"""The model's enumerations carry their labels and what they do; everything else derives from them."""

from __future__ import annotations

from termbase import labels
from termbase.model import EQUIVALENCES, FATES, RELATION_KINDS, STATUSES, Degree, Fate, RelationKind, Status
from termbase.schema import entry_schema


def test_each_enumeration_is_stated_once_and_the_rest_derives_from_it():
    assert set(labels.EQUIVALENCE) == set(labels.EQUIVALENCE_MEANING) == set(EQUIVALENCES) == {d.value for d in Degree}
    assert set(labels.STATUS) == set(STATUSES) == {s.value for s in Status}
    assert set(labels.RELATION) == set(RELATION_KINDS) == {k.value for k in RelationKind}
    assert set(labels.FATE_CHANGE) == set(FATES) - {"active"}
    schema = entry_schema(["en", "zh"], ["d"], ["EU"])
    assert schema["properties"]["status"]["enum"] == list(STATUSES)
    assert schema["properties"]["zh"]["properties"]["equivalence"]["properties"]["degree"]["enum"] == list(EQUIVALENCES)
    assert set(RELATION_KINDS) == set(schema["properties"]["relations"]["properties"])


def test_what_each_fate_does():
    assert [f.value for f in Fate if f.redirects] == ["renamed", "merged"]
    assert [f.value for f in Fate if f.leaves_tombstone] == ["withdrawn"]
    assert [f.value for f in Fate if f.keeps_its_versions] == ["merged", "withdrawn"]
    assert [f.value for f in Fate if f.is_active] == ["active"]
    assert Fate.RENAMED.change % {"target": "x"} == "Renamed to x."


def test_relations_know_their_inverse_and_degrees_whether_they_need_a_note():
    assert {k.value: k.inverse.value for k in RelationKind} == {
        "broader": "narrower", "narrower": "broader", "related": "related", "contrast": "contrast"}
    assert [d.value for d in Degree if d.is_exact] == ["exact"]
    assert Degree("partial") == "partial" and Degree.PARTIAL.label == "Partial equivalent"
