"""A deterministic synthetic glossary of N concepts, with field sizes, relations and sources like the real ones.

Written into a folder of its own (never into glossary/), as a complete project: the real settings, catalogs,
docs, tooling and mkdocs.yml, with generated entries that validate clean.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from termbase.model import LanguageSection, fingerprint

PROJECT = Path(__file__).resolve().parents[2]
SETTINGS = ("glossary.yaml", "domains.yaml", "jurisdictions.yaml", "bibliography.yaml")

_WORDS = (
    "system model risk safety security data open weights training evaluation release harm incident policy "
    "control access developer user capability misuse standard report framework assessment protection"
).split()
_HAN = "安全系统模型风险数据开放权重训练评估发布危害事件政策控制访问开发者用户能力滥用标准报告框架保护可信治理"


def _english(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _chinese(rng: random.Random, chars: int) -> str:
    clauses = []
    while chars > 0:
        size = min(chars, rng.randint(8, 20))
        clauses.append("".join(rng.choice(_HAN) for _ in range(size)))
        chars -= size
    return "，".join(clauses) + "。"


def _concept(rng: random.Random, index: int, ids: list[str], sources: list[str], domains: list[str],
             jurisdictions: list[str], relations: dict) -> dict:
    concept_id = ids[index]
    en = {
        "term": f"{rng.choice(_WORDS)} {rng.choice(_WORDS)} {index}",
        "synonyms": [f"{rng.choice(_WORDS)} term {index}-{k}" for k in range(rng.randint(0, 2))],
        "definition": _english(rng, rng.randint(30, 60)),
        "definition_source": {"basis": "adapted", "sources": [
            {"id": rng.choice(sources), "at": f"§{rng.randint(1, 9)}.{rng.randint(1, 9)}"}]},
    }
    zh = {
        "term": "".join(rng.choice(_HAN) for _ in range(rng.randint(2, 6))) + f"{index}号",
        "definition": _chinese(rng, rng.randint(60, 120)),
        "definition_source": {"basis": "written", "sources": [rng.choice(sources)]},
        "equivalence": {"degree": "partial", "note": {"en": _english(rng, 25), "zh": _chinese(rng, 50)}},
    }
    zh["source_fingerprint"] = fingerprint(LanguageSection(en["term"], en["definition"], None))
    domain, version = rng.choice(domains), rng.randint(1, 4)
    return {
        "id": concept_id,
        "status": "approved",
        "domain": domain,
        "version": version,
        "updated": "2026-11-22",
        # from version 2 on an entry says what changed, in every language (the history rule)
        **({"history": [{"version": n, "date": "2026-11-22", "summary": {"en": f"Version {n}.", "zh": f"第{n}版。"}}
                        for n in range(1, version + 1)]} if version > 1 else {}),
        "en": en,
        "zh": zh,
        "conceptions": [
            {"jurisdiction": j, "en": _english(rng, 35), "zh": _chinese(rng, 70), "sources": [rng.choice(sources)]}
            for j in rng.sample(jurisdictions, rng.randint(0, 3))
        ],
        "relations": {kind: sorted(targets) for kind, targets in relations.items() if targets},
        "sources": sorted(set(rng.sample(sources, 3))),
    }


def generate(destination: Path, count: int, seed: int = 2026) -> Path:
    """Write a project with `count` synthetic concepts into `destination`; returns the project folder."""
    rng = random.Random(seed)
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "locales", "scripts", "theme"):
        shutil.copytree(PROJECT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"),
                        dirs_exist_ok=True)
    for name in ("mkdocs.yml", "CONTRIBUTING.md", "CONTRIBUTING.zh.md"):
        shutil.copy(PROJECT / name, destination / name)
    glossary = destination / "glossary"
    (glossary / "concepts").mkdir(parents=True, exist_ok=True)
    for name in SETTINGS:
        shutil.copy(PROJECT / "glossary" / name, glossary / name)
    settings = {name: yaml.safe_load((glossary / name).read_text(encoding="utf-8")) for name in SETTINGS}
    sources = [s["id"] for s in settings["bibliography.yaml"]["sources"]]
    domains = [d["id"] for d in settings["domains.yaml"]]
    jurisdictions = [j["code"] for j in settings["jurisdictions.yaml"]]

    ids = [f"synthetic-concept-{i:05d}" for i in range(count)]
    relations = [{"broader": set(), "narrower": set(), "related": set()} for _ in ids]
    for i in range(1, count):  # a forest: each concept may hang under an earlier one (acyclic by construction)
        if rng.random() < 0.5:
            parent = rng.randrange(0, i)
            relations[i]["broader"].add(ids[parent])
            relations[parent]["narrower"].add(ids[i])
    for _ in range(count):  # symmetric related links
        a, b = rng.sample(range(count), 2) if count > 1 else (0, 0)
        if a != b and ids[b] not in relations[a]["broader"] | relations[a]["narrower"] \
                and ids[a] not in relations[b]["broader"] | relations[b]["narrower"]:
            relations[a]["related"].add(ids[b])
            relations[b]["related"].add(ids[a])

    for i in range(count):
        data = _concept(rng, i, ids, sources, domains, jurisdictions, relations[i])
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        (glossary / "concepts" / f"{ids[i]}.yaml").write_text(text, encoding="utf-8")
    registry = [{"id": concept_id, "fate": "active"} for concept_id in ids]
    (glossary / "registry.yaml").write_text(yaml.safe_dump(registry, sort_keys=False), encoding="utf-8")
    return destination
