"""Korean search for the directory and the product catalogue.

Korean words are written as compounds ("위캔쿠키"), so search matches substrings anywhere. Every
searchable text of a row is folded into one ``search_document`` column (kept current by the
services), so one indexed expression serves every query:

- PostgreSQL, 3+ characters: ``UPPER(search_document) LIKE UPPER('%q%')`` via pg_trgm's GIN index;
- PostgreSQL, 1–2 characters: ``sehub_grams(search_document) @> sehub_query_grams(q)`` (GIN over
  the characters and character bigrams), rechecked with ``STRPOS`` (not ``LIKE``, which would
  draw in the trigram index and scan all of it);
- 초성 queries (only initial consonants, "ㅇㅋ"): the gram index over ``name_initials``, any length;
- SQLite: a case-insensitive substring scan.

``%`` and ``_`` in a query are literal characters (Django escapes them in ``contains`` lookups).
Migration 0003 creates the function and the indexes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import Case, F, Func, IntegerField, QuerySet, TextField, Value, When
from django.db.models.functions import StrIndex, Upper

from api.common.parsers import normalize_text

# Hangul syllables U+AC00–U+D7A3 are composed as (initial × 21 + medial) × 28 + final.
_SYLLABLE_FIRST, _SYLLABLE_LAST = 0xAC00, 0xD7A3
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_INITIAL_SET = frozenset(_INITIALS)
MAX_QUERY_LENGTH = 100


def hangul_initials(text: str) -> str:
    """The 초성 of ``text``: each Hangul syllable becomes its initial consonant; spaces are dropped,
    other characters kept ("위캔 쿠키" → "ㅇㅋㅋㅋ")."""
    out = []
    for char in text:
        code = ord(char)
        if _SYLLABLE_FIRST <= code <= _SYLLABLE_LAST:
            out.append(_INITIALS[(code - _SYLLABLE_FIRST) // 588])
        elif not char.isspace():
            out.append(char)
    return "".join(out)


def is_initials_query(query: str) -> bool:
    """True when a query is made only of initial consonants (ㄱ…ㅎ), ignoring spaces."""
    letters = [c for c in query if not c.isspace()]
    return bool(letters) and all(c in _INITIAL_SET for c in letters)


def build_document(parts: Iterable[str | None]) -> str:
    """Join the searchable texts of a row; a newline keeps words of different fields apart."""
    return normalize_text("\n".join(p.strip() for p in parts if p and p.strip()))


def normalise_query(raw: str) -> str:
    # NFC: Hangul decomposed into jamo (macOS, some keyboards) matches the composed documents.
    return " ".join(normalize_text(raw).split())[:MAX_QUERY_LENGTH]


class Grams(Func):
    """``sehub_grams(text)``: distinct characters and bigrams of ``upper(text)`` (PostgreSQL)."""

    function = "sehub_grams"
    output_field = ArrayField(TextField())


class QueryGrams(Grams):
    """``sehub_query_grams(q)``: the bigrams of ``upper(q)``, or its one character."""

    function = "sehub_query_grams"


def _substring_filter(
    queryset: QuerySet[Any], column: str, query: str, *, folded: bool = True, grams_only: bool = False
) -> QuerySet[Any]:
    lookup = "icontains" if folded else "contains"
    if connection.vendor == "postgresql" and (grams_only or len(query) < 3):
        # No trigram in a 1–2 character pattern (and no trigram index on the initials): the gram
        # index finds the candidates and STRPOS rechecks them. Not LIKE: the planner would AND in
        # the trigram index, which a pattern without trigrams turns into a scan of the whole index.
        haystack = Upper(F(column)) if folded else F(column)
        needle = Upper(Value(query)) if folded else Value(query)
        return (
            queryset.alias(**{f"_{column}_grams": Grams(F(column)), f"_{column}_pos": StrIndex(haystack, needle)})
            .filter(**{f"_{column}_grams__contains": QueryGrams(Value(query))})
            .filter(**{f"_{column}_pos__gt": 0})
        )
    return queryset.filter(**{f"{column}__{lookup}": query})


def search_enterprises(queryset: QuerySet[Any], raw_query: str) -> QuerySet[Any]:
    """Organisations matching ``raw_query``, exact name matches first, then prefixes, then the rest."""
    query = normalise_query(raw_query)
    if not query:
        return queryset
    if is_initials_query(query):
        initials = query.replace(" ", "")
        qs = _substring_filter(queryset, "name_initials", initials, folded=False, grams_only=True)
        rank = Case(
            When(name_initials=initials, then=Value(0)),
            When(name_initials__startswith=initials, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    else:
        qs = _substring_filter(queryset, "search_document", query)
        rank = Case(
            When(name__iexact=query, then=Value(0)),
            When(name__istartswith=query, then=Value(1)),
            When(name__icontains=query, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
    return qs.annotate(search_rank=rank).order_by("search_rank", "name", "id")


def search_products(queryset: QuerySet[Any], raw_query: str) -> QuerySet[Any]:
    """Products whose name or description contains ``raw_query``; name matches first."""
    query = normalise_query(raw_query)
    if not query:
        return queryset
    qs = _substring_filter(queryset, "search_document", query)
    rank = Case(
        When(name__iexact=query, then=Value(0)),
        When(name__istartswith=query, then=Value(1)),
        When(name__icontains=query, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return qs.annotate(search_rank=rank).order_by("search_rank", "name", "id")


def search_text(queryset: QuerySet[Any], raw_query: str, *, document: str, initials: str) -> QuerySet[Any]:
    """Rows whose ``document`` column contains ``raw_query`` (1–2 characters, substrings), or whose
    ``initials`` column contains it when it is a 초성 query; the queryset's order is kept (a feed
    stays newest first). Other domains reach it through ``selectors.text_search``."""
    query = normalise_query(raw_query)
    if not query:
        return queryset
    if is_initials_query(query):
        return _substring_filter(queryset, initials, query.replace(" ", ""), folded=False, grams_only=True)
    return _substring_filter(queryset, document, query)
