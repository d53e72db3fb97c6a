import pytest

from educities.core.search import clear_snapshots


@pytest.fixture(autouse=True)
def _fresh_search_snapshots():
    # The search service keeps a per-process snapshot of the index; every test starts from its own data.
    clear_snapshots()
    yield
    clear_snapshots()
