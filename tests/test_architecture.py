"""The import rules of the design (DESIGN.md, Architecture), checked by parsing every module.

Imports run one way: clusters, delegates → awards → planning → reminders → congress → documents.
Migrations are history and are not checked.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["congress", "planning", "awards", "documents", "reminders", "delegates", "clusters", "demo"]
DOMAIN_APPS = {"congress", "planning", "awards", "reminders", "delegates", "clusters", "demo"}
# What planning may use of reminders: the registry, the calendar events and what it may read;
# never its pages, forms, tasks, planner or delivery (the reminder benchmark lives in demo/).
REMINDERS_PUBLIC = {"reminders", "reminders.registry", "reminders.ical", "reminders.selectors"}


def modules():
    for app in APPS:
        folder = ROOT / app
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts:
                continue
            yield ".".join(relative.with_suffix("").parts).removesuffix(".__init__"), path


def imports(name, path):
    """(imported module, imported names) for every import in the module, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, ()
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            names = tuple(alias.name for alias in node.names)
            yield target, names
            for alias in node.names:  # "from . import views" imports the module planning.views
                yield f"{target}.{alias.name}", ()


ALL = [(name, path, list(imports(name, path))) for name, path in modules()]


def app_of(module):
    return module.split(".")[0]


def offending(rule):
    return sorted({f"{name}: {target}" for name, path, found in ALL for target, names in found if rule(name, target)})


def is_views(module):
    parts = module.split(".")
    return "views" in parts[1:]


def test_the_apps_are_found():
    names = {name for name, _, _ in ALL}
    assert {"reminders.planner", "planning.reminders", "documents.layer", "congress.models"} <= names


def test_reminders_imports_none_of_the_apps_that_feed_it():
    feeders = {"planning", "awards", "delegates", "clusters", "demo"}
    assert offending(lambda name, target: app_of(name) == "reminders" and app_of(target) in feeders) == []


def test_documents_imports_no_domain_app():
    assert offending(lambda name, target: app_of(name) == "documents" and app_of(target) in DOMAIN_APPS) == []


def test_congress_imports_only_documents_among_the_apps():
    below = DOMAIN_APPS - {"congress"}
    assert offending(lambda name, target: app_of(name) == "congress" and app_of(target) in below) == []


def test_planning_imports_no_awards_and_only_the_public_part_of_reminders():
    def rule(name, target):
        if app_of(name) != "planning":
            return False
        if app_of(target) in {"awards", "delegates", "clusters"}:
            return True
        if app_of(target) != "reminders":
            return False
        return target not in REMINDERS_PUBLIC and target.rpartition(".")[0] not in REMINDERS_PUBLIC

    assert offending(rule) == []


def test_no_module_outside_a_views_package_imports_a_views_module():
    def rule(name, target):
        if is_views(name) or name.endswith(".urls"):
            return False
        return app_of(target) in APPS and is_views(target)

    assert offending(rule) == []


def test_no_private_name_is_imported_across_modules():
    found = sorted(
        f"{name}: {target}.{imported}"
        for name, path, entries in ALL
        for target, names in entries
        for imported in names
        if imported.startswith("_") and not imported.startswith("__") and app_of(target) in APPS
    )
    assert found == []


def test_the_reminders_modules_import_one_another_without_a_loop():
    """The Celery tasks use the delivery and the digests; neither imports the tasks back."""
    names = {name for name, _, _ in ALL if app_of(name) == "reminders"}
    graph = {
        name: {target for target, _ in found if target in names and target != name}
        for name, _, found in ALL
        if name in names and name != "reminders"
    }
    loops = []

    def visit(node, path):
        for target in graph.get(node, ()):
            if target in path:
                loops.append(path[path.index(target) :] + [target])
            elif len(path) < len(graph):
                visit(target, [*path, target])

    for start in graph:
        visit(start, [start])
    assert loops == []


@pytest.mark.parametrize(
    "source, expected",
    [
        ("from ..views.calendar import _linker\n", ("planning.views.calendar", ("_linker",))),
        ("from . import registry\n", ("reminders.x.registry", ())),
    ],
)
def test_relative_imports_are_resolved(tmp_path, source, expected):
    path = tmp_path / "digests.py"
    path.write_text(source, encoding="utf-8")
    name = "planning.reminders.digests" if ".." in source else "reminders.x.digests"

    assert expected in list(imports(name, path))
