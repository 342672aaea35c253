"""Sections of ``/api/v1/stats/`` contributed by other domains.

The statistics endpoint belongs to the directory (``api.enterprises``), which must not import the
domains that add numbers to it (the board's collaborations, later the budget). Each of those
registers a **section** from its ``AppConfig.ready()``::

    register_stats_section("board", selectors.board_stats, serializer="api.board.serializers.BoardStatsSerializer")

``fn()`` returns the section's JSON object (computed by aggregate queries); ``serializer`` (a class
or its dotted path, imported when the schema is built) documents it in the spec. The stats view
answers ``{**its own numbers, key: fn() for each section}`` and documents its response with
``stats_serializer(StatsSerializer)``: its own serializer plus one field per section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.module_loading import import_string
from rest_framework import serializers


@dataclass(frozen=True)
class StatsSection:
    key: str
    compute: Callable[[], dict[str, Any]]
    serializer: str | type[serializers.Serializer]
    example: dict[str, Any] | None = None


_SECTIONS: dict[str, StatsSection] = {}


def register_stats_section(
    key: str,
    fn: Callable[[], dict[str, Any]],
    *,
    serializer: str | type[serializers.Serializer],
    example: dict[str, Any] | None = None,
) -> None:
    """Add (or replace, on a reload) the section ``key`` of the statistics (``example``: its value
    in the spec's example)."""
    if not key.isidentifier():
        raise ValueError(f"stats section {key!r}: an identifier")
    _SECTIONS[key] = StatsSection(key=key, compute=fn, serializer=serializer, example=example)


def stats_sections() -> dict[str, Any]:
    """``{key: fn()}`` of every registered section, in the order registered."""
    return {key: section.compute() for key, section in _SECTIONS.items()}


def stats_serializer(base: type[serializers.Serializer]) -> type[serializers.Serializer]:
    """``base`` with one nested field per registered section (same component name in the spec)."""
    fields: dict[str, Any] = {}
    for key, section in _SECTIONS.items():
        cls = import_string(section.serializer) if isinstance(section.serializer, str) else section.serializer
        fields[key] = cls()
    if not fields:
        return base
    return type(base.__name__, (base,), {**fields, "__module__": base.__module__})


def stats_example(base: dict[str, Any]) -> dict[str, Any]:
    """The spec's example of the statistics: ``base`` plus every section's example."""
    return {**base, **{key: section.example or {} for key, section in _SECTIONS.items()}}
