"""The domain shape, checked on the source: domains reach each other only through selectors and
services (plus the notification-kind registry), events never import the directory's models, every
domain has the same files, and type-ignores carry a reason."""

import ast
import re
from pathlib import Path

import pytest

API = Path(__file__).resolve().parent.parent / "backend" / "api"
DOMAINS = ["accounts", "audit", "board", "budget", "enterprises", "events", "notifications", "resolutions"]
# What one domain may import from another: its read and write functions, and the kind registry.
PUBLIC_MODULES = {"selectors", "services", "kinds"}
SHAPE = [
    "models.py",
    "serializers.py",
    "selectors.py",
    "services.py",
    "errors.py",
    "examples.py",
    "views.py",
    "urls.py",
]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def _sources(domain: str) -> list[Path]:
    return [p for p in (API / domain).rglob("*.py") if "migrations" not in p.parts]


@pytest.mark.parametrize("domain", DOMAINS)
def test_domains_reach_each_other_only_through_selectors_and_services(domain):
    wrong = []
    for path in _sources(domain):
        for name in _imports(path):
            parts = name.split(".")
            if len(parts) < 3 or parts[0] != "api" or parts[1] in (domain, "common") or parts[1] not in DOMAINS:
                continue
            if parts[2] not in PUBLIC_MODULES:
                wrong.append(f"{path.relative_to(API)}: {name}")
    assert not wrong, "cross-domain imports outside selectors/services: " + ", ".join(sorted(set(wrong)))


def test_events_never_import_the_directory_models():
    offenders = [
        str(path.relative_to(API))
        for path in _sources("events")
        if any(name.startswith("api.enterprises.models") for name in _imports(path))
    ]
    assert not offenders


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_domain_has_the_same_shape(domain):
    missing = [name for name in SHAPE if not (API / domain / name).exists()]
    assert not missing, f"{domain} lacks {missing}"


def test_notifications_list_no_other_domains_kinds():
    text = (API / "notifications" / "models.py").read_text(encoding="utf-8")
    assert "choices" not in text and "registration_" not in text and "booth_" not in text


def test_no_type_ignore_without_a_reason():
    bare = []
    pattern = re.compile(r"#\s*type:\s*ignore(\[[^\]]*\])?(?P<rest>.*)$")
    for path in API.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = pattern.search(line)
            if match and not match.group(1):
                bare.append(f"{path.relative_to(API)}:{number} (no error code)")
            elif match and not re.match(r"\s*#\s*\S", match.group("rest")):
                bare.append(f"{path.relative_to(API)}:{number} (no reason)")
    assert not bare, bare


def _all_subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found.add(sub)
        found |= _all_subclasses(sub)
    return found


def test_every_serializer_refuses_json_values_of_another_type():
    """Every serializer of the API derives from ``api.common.serializers.Serializer`` or
    ``ModelSerializer`` (or calls ``strict_to_internal_value`` itself), so ``"display_name": 0`` is a
    400 naming the field in every domain, the next ones included."""
    import importlib

    from rest_framework import serializers

    for path in API.rglob("*.py"):
        if "migrations" in path.parts or path.name == "__init__.py":
            continue
        importlib.import_module(".".join(("api", *path.relative_to(API).with_suffix("").parts)))
    lax = sorted(
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in _all_subclasses(serializers.BaseSerializer)
        if cls.__module__.startswith("api.")
        and not issubclass(cls, serializers.ListSerializer)
        and not getattr(cls, "strict_json_types", False)
    )
    assert not lax, "serializers not derived from api.common.serializers.Serializer/ModelSerializer: " + ", ".join(lax)
