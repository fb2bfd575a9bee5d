"""The shape of the code: the import graph of termbase has no cycle, every module imports on its own, and the
exports do not drag in the page renderer's libraries. Run alone: `pytest tests/test_structure.py -v`."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from factory import ROOT

PACKAGE = ROOT / "scripts" / "termbase"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The termbase modules that `name` imports anywhere in its file (inside functions too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            candidates = [base] + [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        found.update(c for c in candidates if c in known and c != name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, set(modules)) for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle, as a list of modules, or [] if there is none. A package's __init__ importing its own
    submodules is not a cycle unless a submodule imports the package back."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_import_graph_of_termbase_has_no_cycle():
    graph = import_graph()
    # termbase/__init__ holds constants only; a package importing its submodules is how Python packages work,
    # so an edge from a package to its own submodule is left out (a submodule importing the package is kept).
    acyclic = {name: {t for t in targets if not t.startswith(f"{name}.")} for name, targets in graph.items()}
    assert _cycle(acyclic) == []
    assert "termbase.exports" not in " ".join(sorted(acyclic["termbase.pages.downloads"]))


def test_the_cycle_check_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_the_layers_depend_one_way():
    """markers → writing → model → publication → {pages, exports} → site → {MkDocs hook, CLI}."""
    graph = import_graph()
    def reaches(source: str) -> set[str]:
        seen, todo = set(), [source]
        while todo:
            for target in graph[todo.pop()] - seen:
                seen.add(target)
                todo.append(target)
        return seen

    leaves = {"termbase.markers", "termbase.writing"}  # N_, and the script profiles: they import nothing else
    assert reaches("termbase.markers") == set() and reaches("termbase.writing") == {"termbase.markers"}
    assert reaches("termbase.model") == leaves
    assert reaches("termbase.publication") <= {"termbase", "termbase.model", *leaves}
    assert not any(m.startswith("termbase.pages") for m in reaches("termbase.exports"))
    assert not any(m.startswith(("termbase.exports", "termbase.site")) for m in reaches("termbase.pages"))
    assert "termbase.cli" not in reaches("termbase.site") and "termbase.site" not in reaches("termbase.cli")


_ISOLATED = """
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
loaded = {}
for name in sys.argv[2:]:
    for m in [m for m in sys.modules if m == "termbase" or m.startswith("termbase.")]:
        del sys.modules[m]
    before = set(sys.modules)
    importlib.import_module(name)
    loaded[name] = sorted({m.split(".")[0] for m in set(sys.modules) - before})
print(json.dumps(loaded))
"""


def test_every_module_imports_on_its_own_and_the_exports_stay_light():
    import json

    names = sorted(n for n in _modules() if not n.endswith("__main__"))  # __main__ runs the CLI
    result = subprocess.run([sys.executable, "-c", _ISOLATED, str(PACKAGE.parent), *names],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(json.loads(result.stdout)) == names
    # A fresh interpreter for the claim about what the TBX exporter loads (the loop above shares third-party
    # modules between imports).
    result = subprocess.run([sys.executable, "-c", _ISOLATED, str(PACKAGE.parent), "termbase.exports.tbx"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout)["termbase.exports.tbx"])
    assert "lxml" in loaded  # the check sees what an import loads
    assert loaded.isdisjoint({"jinja2", "pymdownx", "ruamel", "pypinyin", "markdown", "mkdocs"})
