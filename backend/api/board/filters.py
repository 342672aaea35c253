from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from api.board import selectors
from api.board.models import Collaboration, Post, PostKind, PostStatus, Report, ReportStatus
from api.common.filters import FilterSet, IdFilter


class PostFilter(FilterSet):
    """Filters of the feed (and of its RSS and Atom versions)."""

    kind = django_filters.MultipleChoiceFilter(choices=PostKind.choices, label=_("Kind (repeat for several)."))
    status = django_filters.MultipleChoiceFilter(
        choices=PostStatus.choices, label=_("Status of requests and offers (repeat for several).")
    )
    organisation = django_filters.CharFilter(
        field_name="enterprise__slug", max_length=80, label=_("Slug of the organisation posted for.")
    )
    tag = django_filters.CharFilter(method="filter_tag", max_length=40, label=_("Posts with this tag."))
    author = IdFilter(field_name="author_id", label=_("Posts by this user (id)."))
    search = django_filters.CharFilter(
        method="filter_search",
        max_length=100,
        label=_("Korean search in title, text and tags: substrings inside words, 1–2 syllables, initial consonants."),
    )

    class Meta:
        model = Post
        fields = ["kind", "status", "organisation", "tag", "author", "search"]

    def filter_tag(self, queryset: QuerySet[Post], name: str, value: str) -> QuerySet[Post]:
        tagged = Post.tags.through.objects.filter(tag__name=value).values("post_id")
        return queryset.filter(pk__in=tagged)

    def filter_search(self, queryset: QuerySet[Post], name: str, value: str) -> QuerySet[Post]:
        return selectors.post_search(queryset, raw_query=value)


class ReportFilter(FilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=ReportStatus.choices, label=_("Status of the report (repeat for several).")
    )

    class Meta:
        model = Report
        fields = ["status"]


class CollaborationFilter(FilterSet):
    search = django_filters.CharFilter(
        method="filter_search", max_length=100, label=_("Words in the title or a partner organisation's name.")
    )
    organisation = django_filters.CharFilter(
        method="filter_organisation", max_length=80, label=_("Slug of a partner organisation.")
    )

    class Meta:
        model = Collaboration
        fields = ["search", "organisation"]

    def filter_search(self, queryset: QuerySet[Collaboration], name: str, value: str) -> QuerySet[Collaboration]:
        return selectors.collaboration_search(queryset, text=value)

    def filter_organisation(self, queryset: QuerySet[Collaboration], name: str, value: str) -> QuerySet[Collaboration]:
        return selectors.collaboration_of(queryset, slug=value)
