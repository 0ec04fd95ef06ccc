"""The project's dependency rules (ARCHITECTURE.md), checked on every import in the code,
including the ones inside functions."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "core",
    "home",
    "taxonomy",
    "cases",
    "articles",
    "search",
    "meaning",
    "api",
    "submissions",
    "insights",
    "exchange",
    "benchmark",
    "cityevents",
    "partners",
    "library",
    "alerts",
]


def imported_apps(app):
    """{imported top-level package: [file:line, ...]} for every module of `app`."""
    found = {}
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                found.setdefault(top, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_core_imports_no_other_app_of_the_project():
    imports = imported_apps("core")
    assert not {app: imports[app] for app in APPS if app != "core" and app in imports}


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_the_project_package(app):
    """closercities/ holds settings and URL routing; apps read settings through django.conf."""
    assert "closercities" not in imported_apps(app)


@pytest.mark.parametrize(
    "app",
    [
        "core",
        "home",
        "taxonomy",
        "cases",
        "articles",
        "meaning",
        "submissions",
        "insights",
        "exchange",
        "benchmark",
        "cityevents",
        "partners",
        "library",
        "alerts",
    ],
)
def test_domain_apps_do_not_import_the_api_app(app):
    assert "api" not in imported_apps(app)


def test_cases_and_search_do_not_import_each_other_both_ways():
    """The case index asks for its listing through the `page_listing` hook; search may import
    cases (its page types), cases never imports search."""
    assert "search" not in imported_apps("cases")
    assert "cases" in imported_apps("search")


def test_search_knows_the_library_only_through_its_registry_hook():
    """The library registers its search type with `register_search_type`; search never
    imports it, so the library may use the search service without a cycle."""
    assert "library" not in imported_apps("search")
    assert "alerts" not in imported_apps("search")


def test_events_join_search_through_the_registry_not_imports():
    """Events register their page type with the `register_search_type` hook; search never
    imports them, so another page type joins the same way."""
    assert "cityevents" not in imported_apps("search")
    assert "search" not in imported_apps("cityevents")


def test_cases_do_not_import_the_exchange():
    """Links hang on cases (a ParentalKey from exchange/), so exchange imports cases, never
    the other way round."""
    assert "exchange" not in imported_apps("cases")
