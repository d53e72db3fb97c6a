"""The interfaces of the public side: search parameters, facet labels, JSON-LD, citations."""

import datetime
import json
import re

import pytest
from django.http import QueryDict

from educities.core.search import FacetCount
from educities.experiences.interfaces.citation import Citation, citation_bibtex, citation_ris
from educities.experiences.interfaces.facets import FACET_VISIBLE, facet_groups
from educities.experiences.interfaces.jsonld import jsonld_script
from educities.experiences.interfaces.search_params import (
    SearchParams,
    search_params_parse,
    search_params_querydict,
)

pytestmark = pytest.mark.unit


def test_search_params_read_text_repeated_filters_sort_and_page():
    params = search_params_parse(
        QueryDict("q=  school   gardens &theme=culture&theme=sport&theme=culture&country=es&sort=date&page=3")
    )

    assert params == SearchParams(
        text="school gardens",
        filters={"country": ["ES"], "theme": ["culture", "sport"]},
        sort="date",
        page=3,
        notices=[],
        invalid=False,
    )


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("country=ESP", {}),
        ("country=%3Cscript%3E", {}),
        ("network=a%20b", {}),
        ("principle=-1", {}),
        ("principle=1e3", {}),
        ("year=20201", {}),
        ("language=de", {}),
        ("award=no", {}),
        ("sdg=18&sdg=17", {"sdg": ["17"]}),
        ("target_group=children&target_group=aliens", {"target_group": ["children"]}),
    ],
)
def test_search_params_drop_values_that_cannot_exist(query, filters):
    params = search_params_parse(QueryDict(query))

    assert params.filters == filters
    assert params.invalid is True
    assert len(params.notices) == 1


@pytest.mark.parametrize("page", ["0", "-1", "x", "1.5", "9999999", "²"])
def test_search_params_unusable_page_is_the_first_with_a_notice(page):
    params = search_params_parse(QueryDict(f"page={page}"))

    assert params.page == 1
    assert params.notices == [f"“{page}” is not a page number: showing the first page."]


def test_search_params_keep_at_most_thirty_values_a_facet():
    params = search_params_parse(QueryDict("&".join(f"year={2000 + n}" for n in range(40))))

    assert len(params.filters["year"]) == 30


def test_search_params_querydict_round_trips_and_applies_changes():
    params = search_params_parse(QueryDict("q=a&sdg=4&sdg=11&sort=date&page=2&unknown=1"))

    assert search_params_querydict(params).urlencode() == "q=a&sdg=4&sdg=11&sort=date&page=2"
    assert search_params_querydict(params, page=None, sort=None).urlencode() == "q=a&sdg=4&sdg=11"


def test_facet_groups_label_sort_and_keep_selected_values(db):
    params = search_params_parse(QueryDict("sdg=13&year=2019"))
    counts = {
        "sdg": [FacetCount("4", 5, False), FacetCount("11", 7, False)],
        "year": [FacetCount("2018", 9, False), FacetCount("2021", 1, False)],
        "theme": [
            FacetCount("culture", 2, False),
            FacetCount("sport", 2, False),
            FacetCount("health", 3, False),
        ],
    }

    groups = {group.name: group for group in facet_groups(counts=counts, params=params)}

    assert [(v.value, v.count, v.selected) for v in groups["sdg"].values] == [
        ("4", 5, False),
        ("11", 7, False),
        ("13", 0, True),
    ]
    assert [v.value for v in groups["year"].values] == ["2021", "2019", "2018"]
    assert [v.label for v in groups["theme"].values] == [
        "Health and well-being",
        "Culture and heritage",
        "Sport and play",
    ]
    assert list(groups) == ["theme", "sdg", "year"]


def test_facet_group_never_hides_a_selected_value_behind_more(db):
    values = [FacetCount(str(2000 + n), 1, False) for n in range(FACET_VISIBLE + 3)]
    params = search_params_parse(QueryDict("year=2000"))

    group = facet_groups(counts={"year": values}, params=params)[0]

    assert group.more == []
    assert len(group.visible) == FACET_VISIBLE + 3


def test_jsonld_script_escapes_what_could_end_the_element():
    script = jsonld_script({"name": "</script><script>alert(1)</script>", "x": "a & b <!--"})

    assert script.startswith('<script type="application/ld+json">')
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body
    assert ">" not in body
    assert "&" not in body
    assert json.loads(body) == {"name": "</script><script>alert(1)</script>", "x": "a & b <!--"}


def _citation(**overrides) -> Citation:
    values = {
        "author": "Girona, Spain",
        "year": "2024",
        "title": "Kids & {braces} 100% $x #1 _a ^b ~c \\d",
        "url": "https://example.org/en/experiences/kids/",
        "accessed": datetime.date(2026, 3, 2),
        "language": "en",
        "key": "educities-kids",
    }
    values.update(overrides)
    return Citation(**values)


def test_citation_bibtex_escapes_special_characters():
    text = citation_bibtex(_citation())

    assert text.splitlines() == [
        "@misc{educities-kids,",
        "  author = {{Girona, Spain}},",
        r"  title = {Kids \& \{braces\} 100\% \$x \#1 \_a \^{}b \~{}c \textbackslash{}d},",
        "  year = {2024},",
        "  howpublished = {Bank of experiences, International Association of Educating Cities},",
        r"  url = {https://example.org/en/experiences/kids/},",
        "  urldate = {2026-03-02},",
        "  language = {en}",
        "}",
    ]


def test_citation_ris_keeps_each_value_on_one_line():
    text = citation_ris(_citation(title="Line one\r\nER  - injected"))

    lines = text.split("\r\n")
    assert lines[2] == "TI  - Line one ER - injected"
    assert [line for line in lines if re.match(r"^ER  - ", line)] == ["ER  - "]
    assert lines[7] == "Y2  - 2026/03/02"
