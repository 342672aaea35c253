"""Finding each domain's module by convention (routes, demo data, test worlds, permission rows), so
that adding a domain edits no shared list."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def domain_modules(package: ModuleType, name: str, *, order: str = "ORDER", default: int = 100) -> list[ModuleType]:
    """``<package>.<domain>.<name>`` of every sub-package that has one, sorted by the module's
    ``order`` attribute (then by name). A module that fails to import for another reason raises."""
    modules = []
    for info in pkgutil.iter_modules(package.__path__):
        if not info.ispkg:
            continue
        dotted = f"{package.__name__}.{info.name}.{name}"
        try:
            modules.append(importlib.import_module(dotted))
        except ModuleNotFoundError as exc:
            if exc.name != dotted:
                raise
    return sorted(modules, key=lambda module: (getattr(module, order, default), module.__name__))
