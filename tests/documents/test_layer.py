"""The layer itself: who may read a kind, and that it stays below every domain app."""

import ast
from pathlib import Path

from documents.layer import DocumentKind, can_read

DOMAIN_APPS = {"congress", "planning", "awards", "reminders", "delegates", "clusters", "demo"}


class Reader:
    def __init__(self, *permissions):
        self.permissions = set(permissions)

    def has_perm(self, permission, scope):
        return permission in self.permissions


class OpenKind(DocumentKind):
    key = "open"


class NarrowKind(DocumentKind):
    key = "narrow"
    read_permission = "awards.see_council"


def test_a_kind_without_its_own_permission_asks_for_the_default_passed_in():
    reader = Reader("scope.see")

    assert can_read(reader, OpenKind(), "scope", default_permission="scope.see") is True
    assert can_read(reader, OpenKind(), "scope", default_permission="scope.other") is False


def test_a_kind_that_names_a_narrower_permission_asks_for_that_one():
    assert can_read(Reader("scope.see"), NarrowKind(), "scope", default_permission="scope.see") is False
    assert can_read(Reader("awards.see_council"), NarrowKind(), "scope", default_permission="scope.see") is True


def imported_apps(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module.split(".")[0]


def test_the_documents_layer_imports_no_domain_app():
    root = Path(__file__).resolve().parents[2] / "documents"
    imports = {(path.name, app) for path in root.rglob("*.py") for app in imported_apps(path)}

    assert sorted((name, app) for name, app in imports if app in DOMAIN_APPS) == []
