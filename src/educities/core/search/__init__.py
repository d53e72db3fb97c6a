"""One search service, two backends (SQLite FTS5, PostgreSQL full-text). See services.py."""

from educities.core.search.services import (
    search_index_bulk,
    search_index_clear,
    search_index_remove,
    search_index_replace,
    search_matching_ids,
    search_points,
    search_run,
    search_similar,
)
from educities.core.search.snapshot import clear_snapshots
from educities.core.search.types import (
    FacetCount,
    SearchDocument,
    SearchEntryData,
    SearchHit,
    SearchQuery,
    SearchResults,
)

__all__ = [
    "FacetCount",
    "SearchDocument",
    "SearchEntryData",
    "SearchHit",
    "SearchQuery",
    "SearchResults",
    "clear_snapshots",
    "search_index_bulk",
    "search_index_clear",
    "search_index_remove",
    "search_index_replace",
    "search_matching_ids",
    "search_points",
    "search_run",
    "search_similar",
]
