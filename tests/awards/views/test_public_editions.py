"""The public page of the award's editions: what the award is, editions, open call, chart and table."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from educities.awards.domain.editions import edition_text_translate, edition_update
from educities.awards.enums import ApplicationStatus, EditionPhase
from tests.awards.api.public_support import FINALIST, WINNER, edition_with_results
from tests.awards.factories import make_application, make_edition
from tests.experiences.public_support import fresh_search_snapshots
from tests.factories import CityFactory, CountryFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.integration,
    pytest.mark.usefixtures(fresh_search_snapshots.__name__),
]

URL = "/en/award/"


def _text(html: str) -> str:
    """The page's text without tags, with spaces collapsed (for sentences split over lines)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _edition_2018():
    edition = make_edition(phase=EditionPhase.JURY, year=2018, number=2, theme="Civic education")
    return edition_update(
        edition=edition, actor=None, recorded_candidacies=62, recorded_cities=49, recorded_countries=12
    )


def test_editions_page_lists_announced_editions_newest_first(client):
    make_edition(phase=EditionPhase.JURY, year=2016, number=1, theme="Living together")
    make_edition(phase=EditionPhase.JURY, year=2022, number=4, theme="Care in the city")
    make_edition(phase=EditionPhase.DRAFT, year=2030, number=8, theme="A secret theme")

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    themes = re.findall(r'<h3><a href="/en/award/(\d{4})/">([^<]+)</a></h3>', html)
    assert themes == [("2022", "Care in the city"), ("2016", "Living together")]
    assert "A secret theme" not in html
    assert "/en/award/2030/" not in html
    assert "Edition 4 · 2022" in html


def test_editions_page_shows_recorded_figures_in_text_chart_and_table(client):
    _edition_2018()

    html = client.get(URL).content.decode()

    assert "62 candidacies from 49 cities in 12 countries" in _text(html)
    assert '<desc id="chart-candidacies-desc">Candidacies per edition (year): 2018: 62.</desc>' in html
    assert '<desc id="chart-cities-desc">Cities that applied, per edition (year): 2018: 49.</desc>' in html
    assert (
        '<desc id="chart-countries-desc">'
        "Countries of the cities that applied, per edition (year): 2018: 12.</desc>"
    ) in html
    assert 'role="img" aria-labelledby="chart-candidacies-title chart-candidacies-desc"' in html
    row = re.search(r"<tr>\s*<td>2</td>\s*<th scope=\"row\">.*?</tr>", html, re.S).group(0)
    assert re.findall(r'<td class="numeric">(\d+)</td>', row) == ["62", "49", "12"]


def test_editions_page_counts_candidacies_once_the_call_closed(client):
    cities = [CityFactory(country=CountryFactory(code=code)) for code in ("ES", "ES", "PT")]
    edition_with_results(year=2020, number=3, results=[WINNER, FINALIST, FINALIST], cities=cities)

    html = client.get(URL).content.decode()

    assert "3 candidacies from 3 cities in 2 countries" in _text(html)


def test_editions_page_hides_figures_while_the_call_is_open(client):
    edition = make_edition(phase=EditionPhase.OPEN, year=2026, number=6)
    make_application(edition=edition, status=ApplicationStatus.SUBMITTED)

    html = client.get(URL).content.decode()

    assert "candidacies from" not in _text(html)
    assert "candidacy from" not in _text(html)
    assert "<svg" not in html
    assert "Show the data as a table" not in html


def test_editions_page_names_the_winners(client):
    medellin = CityFactory(name="Medellín", slug="medellin", country=CountryFactory(code="CO"))
    santos = CityFactory(name="Santos", slug="santos", country=CountryFactory(code="BR"))
    edition_with_results(
        year=2020, number=3, results=[WINNER, WINNER, FINALIST], cities=[medellin, santos, None]
    )

    html = client.get(URL).content.decode()

    assert (
        '<span class="muted">Winners:</span> <a href="/en/cities/medellin/">Medellín</a>, '
        '<a href="/en/cities/santos/">Santos</a></p>'
    ) in html


def test_editions_page_open_call_gives_the_deadline_in_the_editions_time_zone(client):
    deadline = (timezone.now() + datetime.timedelta(days=20)).replace(microsecond=0)
    make_edition(phase=EditionPhase.OPEN, year=2026, number=6, time_zone="America/Bogota", deadline=deadline)

    html = client.get(URL).content.decode()

    local = deadline.astimezone(ZoneInfo("America/Bogota"))
    expected = f"{formats.date_format(local, 'DATETIME_FORMAT')} (America/Bogota time)"
    assert f"Deadline for applications: {expected}" in _text(html)
    assert 'href="/en/award/2026/apply/"' in html
    assert "The call for the 2026 edition is open" in html


def test_editions_page_announced_edition_says_the_call_is_not_open_yet(client):
    make_edition(phase=EditionPhase.ANNOUNCED, year=2028, number=7)

    html = client.get(URL).content.decode()

    assert "The 2028 edition is announced: its call is not open yet." in _text(html)
    assert "/apply/" not in html


def test_editions_page_without_editions_says_so(client):
    html = client.get(URL).content.decode()

    assert "No edition of the award has been announced yet." in html
    assert "<svg" not in html


def test_editions_page_links_to_the_award_winning_experiences(client):
    html = client.get(URL).content.decode()

    assert 'href="/en/experiences/?award=yes"' in html


def test_editions_page_is_in_the_main_navigation(client):
    html = client.get("/en/award/").content.decode()

    nav = html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert '<li><a href="/en/award/">Award</a></li>' in nav


def test_editions_page_in_spanish_shows_the_spanish_theme(client):
    edition = make_edition(phase=EditionPhase.JURY, year=2022, number=4, theme="Care in the city")
    edition_text_translate(edition=edition, field="theme", language="es", text="Cuidar la ciudad", actor=None)

    html = client.get("/es/award/").content.decode()

    assert '<a href="/es/award/2022/">Cuidar la ciudad</a>' in html
    assert "Care in the city" not in html
    with translation.override("es"):
        assert f'<h2 id="editions-heading">{escape(gettext("Editions"))}</h2>' in html
        assert f"<title>{escape(gettext('Educating City Award'))} · educities</title>" in html


def test_editions_page_in_spanish_marks_an_untranslated_theme(client):
    make_edition(phase=EditionPhase.JURY, year=2022, number=4, theme="Care in the city")

    html = client.get("/es/award/").content.decode()

    assert '<a href="/es/award/2022/" lang="en">Care in the city</a>' in html
    with translation.override("es"):
        language = str(dict(settings.LANGUAGES)["en"])
        notice = gettext(
            "Not yet translated into your language: shown in its original language (%(language)s)."
        ) % {"language": language}
    assert notice in html


def test_editions_page_escapes_the_theme(client):
    make_edition(phase=EditionPhase.JURY, year=2022, number=4, theme="<script>alert(1)</script>")

    html = client.get(URL).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_editions_page_refuses_post(client):
    assert client.post(URL).status_code == 405


def _count_queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(URL)
    assert response.status_code == 200
    return len(context)


def test_editions_page_queries_do_not_grow_with_editions(client):
    make_edition(phase=EditionPhase.OPEN, year=2026, number=6)
    edition_with_results(year=2020, number=3, results=[WINNER])
    client.get(URL)  # caches (content types) warmed
    few = _count_queries(client)

    for index in range(10):
        make_edition(phase=EditionPhase.JURY, year=1990 + index, number=20 + index)
    edition_with_results(year=2024, number=5, results=[WINNER, FINALIST])
    many = _count_queries(client)

    assert client.get(URL).content.decode().count('class="edition-card"') == 13
    assert few == many
