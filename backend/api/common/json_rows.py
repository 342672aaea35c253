"""Related rows read in the same query as their parent: a correlated subquery turned into one JSON
array column (``JSONB_AGG`` on PostgreSQL, ``JSON_GROUP_ARRAY`` on SQLite).

A detail that would take one query per relation (hosts, organisers, booth categories…) takes one:
annotate the parent with ``JSONRows(children.filter(parent=OuterRef("pk")), "id", "name", …)`` and
read a list of dicts (``[]`` when there are none), in the subquery's order. Numbers with a fraction
come back as ``Decimal``. Give each name a plain column of the child's table or an annotation of the
subquery (``annotate(owner_name=F("owner__name"))``): the names are the keys of the dicts."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import JSONField, Model, QuerySet, Subquery


class _DecimalDecoder(json.JSONDecoder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "parse_float": Decimal})


class JSONRows(Subquery):
    """The rows of ``queryset.values(*names)`` as one JSON array (a list of dicts once read)."""

    def __init__(self, queryset: QuerySet[Any], *names: str) -> None:
        self.names = names
        super().__init__(queryset.values(*names), output_field=JSONField(decoder=_DecimalDecoder))

    def as_sql(self, compiler: Any, connection: Any, template: str | None = None, **extra: Any) -> tuple[str, Any]:
        # ``sql`` is the compiled subquery (values in ``params``); the names are quoted identifiers.
        subquery: Any = super()  # the stubs' as_sql takes no template
        sql, params = subquery.as_sql(compiler, connection, template, **extra)  # "(SELECT …)"
        if connection.vendor == "postgresql":
            # jsonb, not json: Django reads jsonb as text and decodes it with the field's decoder.
            return f"(SELECT COALESCE(JSONB_AGG(TO_JSONB(_rows)), '[]'::jsonb) FROM {sql} _rows)", params  # noqa: S608
        pairs = ", ".join(f"%s, _rows.{connection.ops.quote_name(name)}" for name in self.names)
        sql = f"(SELECT COALESCE(JSON_GROUP_ARRAY(JSON_OBJECT({pairs})), '[]') FROM {sql} _rows)"  # noqa: S608
        return sql, (*self.names, *params)

    def get_group_by_cols(self) -> list[Any]:
        return []  # an aggregate of its own: never a GROUP BY column of the parent (jsonb has no equality)


def set_prefetched(instance: Model, relation: str, objects: list[Any]) -> None:
    """Give ``instance.<relation>.all()`` these objects, as ``prefetch_related`` would (no query):
    rows read with ``JSONRows``, made into instances, for serializers that read the relation."""
    queryset: Any = getattr(instance, relation).get_queryset()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[relation] = queryset


def prefetch_from_rows(instance: Model, **relations: tuple[str, Callable[..., Any]]) -> None:
    """``relation=(annotation, make)``: when ``instance`` was read with that ``JSONRows``
    annotation, its relation gets ``make(**row)`` of each row (no query); otherwise it is left alone."""
    for relation, (annotation, make) in relations.items():
        rows = instance.__dict__.get(annotation)
        if rows is not None:
            set_prefetched(instance, relation, [make(**row) for row in rows])
