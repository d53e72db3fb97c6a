"""What the tests of the public pages of the bank of experiences share: a fresh search snapshot and a
small bank (import the fixtures into the test module)."""

import pytest

from educities.core.domain.translations import translation_save_machine
from educities.core.search import clear_snapshots
from educities.experiences.domain.search import experience_index
from educities.experiences.models import Experience
from tests.experiences.factories import make_experience
from tests.factories import CityFactory, CountryFactory


@pytest.fixture(autouse=True)
def fresh_search_snapshots():
    # The search service keeps a per-process snapshot of the index; every test starts from its own data.
    clear_snapshots()
    yield
    clear_snapshots()


def published(**values) -> Experience:
    return make_experience(status="published", **values)


def machine_translate(
    experience: Experience, language: str, texts: dict[str, str], *, engine="deepl"
) -> None:
    """Machine translations of some texts of ``experience``, then the index updated (as the task does)."""
    for field, text in texts.items():
        translation_save_machine(obj=experience, field=field, language=language, text=text, engine=engine)
    experience_index(experience=experience)


def city(name: str, country: str = "ES", **kwargs):
    return CityFactory(
        name=name, slug=name.lower().replace(" ", "-"), country=CountryFactory(code=country), **kwargs
    )
