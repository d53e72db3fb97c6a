"""The public page of one edition of the award: texts and languages, timeline, figures, results, 404s."""

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
from educities.experiences.enums import ExperienceStatus
from tests.awards.api.public_support import FINALIST, MENTION, NOT_SELECTED, WINNER, edition_with_results
from tests.awards.factories import make_application, make_edition
from tests.experiences.factories import make_experience
from tests.experiences.public_support import fresh_search_snapshots
from tests.factories import CityFactory, CountryFactory, StaffFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.integration,
    pytest.mark.usefixtures(fresh_search_snapshots.__name__),
]


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _section(html: str, key: str) -> str:
    return html.split(f'<section aria-labelledby="results-{key}">', 1)[1].split("</section>", 1)[0]


def _cities(section: str) -> list[str]:
    return re.findall(r'<h4><a href="/en/cities/[^/]+/">([^<]+)</a></h4>', section)


@pytest.fixture
def edition_2020():
    """The 3rd edition: two winners, a special mention, a finalist and a city not selected."""
    names = [
        ("Medellín", "medellin", "CO"),
        ("Santos", "santos", "BR"),
        ("Torres Vedras", "torres-vedras", "PT"),
    ]
    cities = [
        CityFactory(name=name, slug=slug, country=CountryFactory(code=code)) for name, slug, code in names
    ]
    cities += [
        CityFactory(name="Rosario", slug="rosario", country=CountryFactory(code="AR")),
        CityFactory(name="Lyon", slug="lyon", country=CountryFactory(code="FR")),
    ]
    edition, applications = edition_with_results(
        year=2020,
        number=3,
        theme="Inclusion and democratisation of culture",
        results=[WINNER, WINNER, MENTION, FINALIST, NOT_SELECTED],
        cities=cities,
    )
    edition_update(edition=edition, actor=None, jury_statement="The jury thanks every city.")
    return edition, applications


def test_edition_page_shows_theme_axes_rules_and_timeline(client):
    deadline = (timezone.now() + datetime.timedelta(days=20)).replace(microsecond=0)
    make_edition(
        phase=EditionPhase.OPEN,
        year=2026,
        number=6,
        theme="Education as a source of inclusion",
        axes="Schools open to the city\n\nCulture for everyone",
        rules="Member cities may apply.\nAt most two proposals.",
        time_zone="America/Sao_Paulo",
        deadline=deadline,
        ceremony_on=datetime.date(2027, 11, 30),
        ceremony_place="Granollers",
    )

    response = client.get("/en/award/2026/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Education as a source of inclusion</h1>" in html
    assert "Edition 6 · 2026" in html
    assert "<li>Schools open to the city</li><li>Culture for everyone</li>" in html
    assert "<p>Member cities may apply.<br>At most two proposals.</p>" in html
    local = deadline.astimezone(ZoneInfo("America/Sao_Paulo"))
    expected = f"{formats.date_format(local, 'DATETIME_FORMAT')} (America/Sao_Paulo time)"
    assert f"Deadline for applications {expected}" in _text(html)
    assert f"Deadline for applications: {expected}" in _text(html)
    assert '<time datetime="2027-11-30">Nov. 30, 2027</time>, Granollers</li>' in html
    assert 'href="/en/award/2026/apply/"' in html
    assert '<span class="badge badge-ok">Call open</span>' in html


def test_edition_page_open_call_shows_no_figures_and_no_results(client):
    edition = make_edition(phase=EditionPhase.OPEN, year=2026, number=6)
    make_application(edition=edition, status=ApplicationStatus.SUBMITTED)

    html = client.get("/en/award/2026/").content.decode()

    assert "In figures" not in html
    assert 'id="results-heading"' not in html


def test_edition_page_shows_recorded_figures(client):
    edition = make_edition(phase=EditionPhase.JURY, year=2018, number=2)
    edition_update(
        edition=edition, actor=None, recorded_candidacies=62, recorded_cities=49, recorded_countries=12
    )

    html = client.get("/en/award/2018/").content.decode()

    assert re.findall(
        r'<span class="figure-value">(\d+)</span> <span class="figure-label">(\w+)</span>', html
    ) == [
        ("62", "candidacies"),
        ("49", "cities"),
        ("12", "countries"),
    ]
    assert "/apply/" not in html


def test_edition_page_lists_winners_mentions_and_finalists(client, edition_2020):
    _edition, applications = edition_2020

    html = client.get("/en/award/2020/").content.decode()

    assert _cities(_section(html, "winners")) == ["Medellín", "Santos"]
    assert _cities(_section(html, "special_mentions")) == ["Torres Vedras"]
    assert _cities(_section(html, "finalists")) == ["Rosario"]
    assert "Lyon" not in html
    winner = applications[0]
    winners = _section(html, "winners")
    assert (
        f'<a href="/en/experiences/{winner.experience.slug}/">{escape(winner.experience.title)}</a>'
        in winners
    )
    assert "Colombia" in winners
    assert "Statement of the jury 1." in winners
    assert '<blockquote class="jury-statement">The jury thanks every city.</blockquote>' in html
    assert 'href="/en/experiences/?award=yes"' in html
    assert "In figures" in html


def test_edition_page_links_only_public_experiences(client):
    city = CityFactory(name="Andong", slug="andong", country=CountryFactory(code="KR"))
    hidden = make_experience(city=city, status=ExperienceStatus.SUBMITTED, title="Not yet public work")
    edition_with_results(
        year=2022, number=4, results=[WINNER, FINALIST], cities=[None, city], experiences=[None, hidden]
    )

    html = client.get("/en/award/2022/").content.decode()

    finalists = _section(html, "finalists")
    assert _cities(finalists) == ["Andong"]
    assert "/en/experiences/" not in finalists
    assert "Not yet public work" not in html


def test_edition_page_hides_results_before_publication(client):
    city = CityFactory(name="Medellín", slug="medellin", country=CountryFactory(code="CO"))
    edition_with_results(year=2020, number=3, results=[WINNER, FINALIST], cities=[city, None], publish=False)

    html = client.get("/en/award/2020/").content.decode()

    assert "Medellín" not in html
    assert "Winners" not in html
    assert "Statement of the jury" not in html
    assert '<span class="badge">Jury at work</span>' in html


def test_edition_page_of_a_void_edition_says_so(client):
    edition = make_edition(phase=EditionPhase.VOID, year=2024, number=5)

    html = client.get(f"/en/award/{edition.year}/").content.decode()

    assert "The jury declared the award void in this edition: there is no winner." in html
    assert '<blockquote class="jury-statement">No application met the theme.</blockquote>' in html
    assert '<span class="badge badge-warn">Declared void</span>' in html
    assert "Winners" not in html


@pytest.mark.parametrize(
    "path",
    ["/en/award/1999/", "/en/award/99999999999999999999999/", "/en/award/20x0/", "/en/award/-1/"],
)
def test_edition_page_unknown_year_is_404(client, path):
    make_edition(phase=EditionPhase.JURY, year=2022, number=4)

    assert client.get(path).status_code == 404


def test_edition_page_not_announced_is_404_for_the_public(client):
    make_edition(phase=EditionPhase.DRAFT, year=2028, number=7, theme="Draft theme")

    assert client.get("/en/award/2028/").status_code == 404
    client.force_login(UserFactory())
    assert client.get("/en/award/2028/").status_code == 404


def test_edition_page_not_announced_is_a_preview_for_the_secretariat(client):
    make_edition(phase=EditionPhase.DRAFT, year=2028, number=7, theme="Draft theme")
    client.force_login(StaffFactory())

    response = client.get("/en/award/2028/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Draft theme</h1>" in html
    assert "This edition is not announced yet: only the Secretariat sees this page." in html


def test_edition_page_in_spanish_shows_translations_and_the_original_notice(client):
    edition = make_edition(
        phase=EditionPhase.JURY, year=2022, number=4, theme="Care in the city", axes="Caring schools"
    )
    edition_text_translate(edition=edition, field="theme", language="es", text="Cuidar la ciudad", actor=None)

    html = client.get("/es/award/2022/").content.decode()

    assert "<h1>Cuidar la ciudad</h1>" in html
    assert '<ul class="edition-axes" lang="en">' in html
    with translation.override("es"):
        language = str(dict(settings.LANGUAGES)["en"])
        notice = gettext(
            "Not yet translated into your language: shown in its original language (%(language)s)."
        ) % {"language": language}
        assert notice in html
        assert f'<h2 id="facts-heading">{escape(gettext("Timeline"))}</h2>' in html
        assert f'<h2 id="axes-heading">{escape(gettext("Axes of the theme"))}</h2>' in html


def test_edition_page_original_shows_the_original_text(client):
    edition = make_edition(phase=EditionPhase.JURY, year=2022, number=4, theme="Care in the city")
    edition_text_translate(edition=edition, field="theme", language="es", text="Cuidar la ciudad", actor=None)

    html = client.get("/es/award/2022/?original=1").content.decode()

    assert '<h1 lang="en">Care in the city</h1>' in html
    assert "Cuidar la ciudad" not in html


def test_edition_page_in_spanish_translates_result_headings(client, edition_2020):
    html = client.get("/es/award/2020/").content.decode()

    with translation.override("es"):
        for heading, key in ((gettext("Winners"), "winners"), (gettext("Finalists"), "finalists")):
            assert f'<h3 id="results-{key}">{escape(heading)}</h3>' in html


def test_edition_page_escapes_texts(client):
    make_edition(
        phase=EditionPhase.JURY,
        year=2022,
        number=4,
        theme="<script>alert(1)</script>",
        axes="<img src=x onerror=alert(2)>",
        rules="<b>bold</b>",
        ceremony_place="<i>Granollers</i>",
    )

    html = client.get("/en/award/2022/").content.decode()

    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
    assert "<li>&lt;img src=x onerror=alert(2)&gt;</li>" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;i&gt;Granollers&lt;/i&gt;" in html
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html


def test_edition_page_refuses_post(client):
    make_edition(phase=EditionPhase.JURY, year=2022, number=4)

    assert client.post("/en/award/2022/").status_code == 405


def _count_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context)


def test_edition_page_queries_do_not_grow_with_results(client):
    edition_with_results(year=2020, number=3, results=[WINNER, MENTION, FINALIST])
    many = [WINNER] * 3 + [MENTION] * 5 + [FINALIST] * 12
    edition_with_results(year=2022, number=4, results=many)
    client.get("/en/award/2020/")  # caches (content types, country names) warmed

    few_count = _count_queries(client, "/en/award/2020/")
    many_count = _count_queries(client, "/en/award/2022/")

    html = client.get("/en/award/2022/").content.decode()
    assert html.count('class="result-card"') == 20
    assert few_count == many_count
