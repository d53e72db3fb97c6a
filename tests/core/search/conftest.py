import datetime

import pytest

from educities.core.search import SearchDocument, clear_snapshots, search_index_replace

INDEX = "things"


@pytest.fixture(autouse=True)
def _fresh_search_cache():
    clear_snapshots()
    yield
    clear_snapshots()


def doc(language: str, title: str, summary: str = "", body: str = "") -> SearchDocument:
    return SearchDocument(language=language, title=title, summary=summary, body=body)


def put(
    object_id: int,
    *documents: SearchDocument,
    facets: dict | None = None,
    day: int = 1,
    point: tuple[float, float] | None = None,
    index: str = INDEX,
) -> None:
    search_index_replace(
        index=index,
        object_id=object_id,
        documents=list(documents),
        facets=facets or {},
        sort_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=day),
        point=point,
    )
