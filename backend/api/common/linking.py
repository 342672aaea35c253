"""Things a decision can point at, registered by the domain that owns them.

The resolutions domain owns the links from a resolution to the work that carries it out (events,
budget items, board posts, collaborations) and serves both directions, yet it must not import those
domains' models, and they never import it. So each owning domain registers a **link kind** from its
``AppConfig.ready()``, built on its own selectors::

    register_link_kind(
        "event",
        label=_("Event"),
        resolve=selectors.event_link_targets,   # ids -> {id: LinkTarget} for those that exist
        find=selectors.event_link_find,         # exact title -> id (demo data, forms), or None
    )

``resolve`` returns only the ids that exist and that anyone may see; a link to anything else is
refused by the linking service (400 naming the id).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class LinkTarget:
    """What a link shows: the target's id, its title and its page in the web app (``/events/12``),
    and the organisations behind it (a collaboration's partners, an event's hosts, a budget item's
    recipient), so a decision can name them as its owners."""

    id: int
    title: str
    path: str
    organisation_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class LinkKind:
    key: str
    label: str | Promise
    resolve: Callable[[Iterable[int]], dict[int, LinkTarget]]
    find: Callable[[str], int | None] | None = None


_KINDS: dict[str, LinkKind] = {}


def register_link_kind(
    key: str,
    *,
    label: str | Promise,
    resolve: Callable[[Iterable[int]], dict[int, LinkTarget]],
    find: Callable[[str], int | None] | None = None,
) -> None:
    """Register (or re-register, on a reload) the kind ``key``: a lower-case identifier."""
    if not key.replace("_", "").isalnum() or key.lower() != key:
        raise ValueError(f"link kind {key!r}: lower-case letters, digits and underscores only")
    _KINDS[key] = LinkKind(key=key, label=label, resolve=resolve, find=find)


def link_kinds() -> dict[str, LinkKind]:
    """Every registered kind, by key, in the order registered."""
    return dict(_KINDS)


def link_kind(key: str) -> LinkKind | None:
    return _KINDS.get(key)
