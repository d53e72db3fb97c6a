"""The values the search service takes and gives back."""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.safestring import SafeString


@dataclass(frozen=True)
class SearchDocument:
    """One language version of an object, as plain text (the caller strips HTML)."""

    language: str
    title: str
    summary: str
    body: str


@dataclass(frozen=True)
class SearchEntryData:
    """Everything the index keeps about one object (for ``search_index_bulk``)."""

    object_id: int
    documents: Sequence[SearchDocument]
    facets: Mapping[str, Sequence[str]]
    sort_date: datetime.date | None = None
    point: tuple[float, float] | None = None


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: Mapping[str, Sequence[str]] = field(default_factory=dict)
    sort: str = "relevance"  # or "date": newest first, ties by object id, newest first
    page: int = 1
    per_page: int = 20
    language: str = "en"  # the reader's language: preferred for the hit's language and snippet
    facets: Sequence[str] = ()  # the facets to count


@dataclass(frozen=True)
class SearchHit:
    object_id: int
    score: float
    language: str
    title_html: SafeString
    snippet_html: SafeString


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int
    selected: bool


@dataclass(frozen=True)
class SearchResults:
    total: int
    page: int
    num_pages: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetCount]]
    message: str = ""
    error: str = ""
