"""The jury API: what a juror reads of their items, in blind scoring and from the deliberation on."""

import pytest
import yaml
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.reviews.domain.processes import process_phase_change
from educities.reviews.domain.scoring import note_add
from educities.reviews.enums import ConflictKind, ConflictSource, ReviewPhase
from educities.reviews.models import Conflict
from tests.experiences.api.helpers import bearer
from tests.factories import CityFactory, UserFactory
from tests.reviews.factories import make_item, make_juror, make_process, make_review
from tests.reviews.subjects_support import city_subject, jury_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LIST = "/api/v1/jury/items/"


@pytest.fixture(autouse=True)
def _cities_are_subjects():
    with city_subject():
        yield


def detail(item) -> str:
    return f"{LIST}{item.pk}/"


def test_api_list_in_blind_scoring_gives_only_the_callers_review(client):
    world = jury_world(ReviewPhase.BLIND)
    mine = make_review(world.item, world.jurors["assigned"], values=[7, "8.5", None], comment="Good")
    other = make_juror(world.process)
    make_review(world.item, other, values=[1, 1, 1])

    body = client.get(LIST, **bearer(world.user("assigned"))).json()

    assert body["count"] == 1
    row = body["results"][0]
    criteria = list(world.process.criteria.order_by("position").values_list("id", flat=True))
    assert row["id"] == world.item.pk
    assert row["title"] == "Santos: a city that cares"
    assert row["process"] == {
        "id": world.process.pk,
        "name": world.process.name,
        "phase": "blind",
        "phase_label": "Blind scoring",
        "scale_min": 0,
        "scale_max": 10,
    }
    assert row["city"] == {"id": world.city.pk, "name": "Santos", "country": world.city.country.code}
    assert row["subject"] == {
        "type": "members.city",
        "id": world.city.pk,
        "url": f"/en/cities/{world.city.slug}/",
    }
    assert (row["is_assigned"], row["can_score"], row["is_active"]) == (True, True, True)
    assert row["aggregate"] is None
    assert [review["id"] for review in row["reviews"]] == [mine.pk]
    assert row["my_review"] == row["reviews"][0]
    assert row["my_review"]["is_mine"] is True
    assert row["my_review"]["version"] == 1
    assert row["my_review"]["state"] == "complete"
    assert row["my_review"]["total"] == "7.750"
    assert row["my_review"]["comment"] == "Good"
    assert row["my_review"]["is_outlier"] is False
    assert row["my_review"]["scores"] == [
        {"criterion": criteria[0], "value": "7.00", "not_applicable": False, "comment": ""},
        {"criterion": criteria[1], "value": "8.50", "not_applicable": False, "comment": ""},
        {"criterion": criteria[2], "value": None, "not_applicable": True, "comment": ""},
    ]


def test_api_list_before_any_review_has_no_review(client):
    world = jury_world(ReviewPhase.BLIND)

    row = client.get(LIST, **bearer(world.user("assigned"))).json()["results"][0]

    assert (row["my_review"], row["reviews"]) == (None, [])


def test_api_from_deliberation_gives_every_visible_review_and_the_aggregate(client):
    world = jury_world(ReviewPhase.BLIND)
    mine = make_review(world.item, world.jurors["assigned"], values=[8, 8, 8])
    second = make_review(world.item, make_juror(world.process), values=[8, 7, None])
    low = make_review(world.item, make_juror(world.process), values=[1, 1, 1])
    late = make_juror(world.process)
    hidden = make_review(world.item, late, values=[0, 0, 0])
    Conflict.objects.create(
        reviewer=late, item=world.item, kind=ConflictKind.PERSONAL, source=ConflictSource.STAFF
    )
    process_phase_change(process=world.process, step="deliberate", actor=None)

    row = client.get(LIST, **bearer(world.user("unassigned"))).json()["results"][0]

    ids = {review["id"] for review in row["reviews"]}
    assert ids == {mine.pk, second.pk, low.pk}
    assert hidden.pk not in ids
    assert row["my_review"] is None
    assert (row["is_assigned"], row["can_score"]) == (False, False)
    assert [review["id"] for review in row["reviews"] if review["is_outlier"]] == [low.pk]
    criteria = list(world.process.criteria.order_by("position").values_list("id", flat=True))
    assert row["aggregate"] == {
        "reviews": 3,
        "mean": "5.500",
        "median": "7.500",
        "stdev": "3.189",
        "spread": "7.000",
        "is_divergent": True,
        "outlier_review_ids": [low.pk],
        "criterion_means": [
            {"criterion": criteria[0], "mean": "5.667"},
            {"criterion": criteria[1], "mean": "5.333"},
            {"criterion": criteria[2], "mean": "4.500"},
        ],
    }


def test_api_detail_gives_criteria_and_the_discussion_from_deliberation(client):
    world = jury_world(ReviewPhase.DELIBERATION)
    first = note_add(item=world.item, actor=world.user("staff"), body="Please discuss.")
    reply = note_add(item=world.item, actor=world.user("unassigned"), body="Agreed.", parent=first)

    body = client.get(detail(world.item), **bearer(world.user("assigned"))).json()

    assert [criterion["name"] for criterion in body["criteria"]] == [
        "Criterion 1",
        "Criterion 2",
        "Criterion 3",
    ]
    assert body["criteria"][0]["weight"] == "1.00"
    assert body["criteria"][0]["description"] == "What criterion 1 looks at."
    assert [(note["id"], note["parent"], note["body"]) for note in body["notes"]] == [
        (first.pk, None, "Please discuss."),
        (reply.pk, first.pk, "Agreed."),
    ]


def test_api_detail_in_blind_scoring_has_no_discussion(client):
    world = jury_world(ReviewPhase.BLIND)

    body = client.get(detail(world.item), **bearer(world.user("assigned"))).json()

    assert (body["notes"], body["aggregate"]) == ([], None)
    assert len(body["criteria"]) == 3


def test_api_detail_for_staff_gives_every_review(client):
    world = jury_world(ReviewPhase.BLIND)
    review = make_review(world.item, world.jurors["assigned"], values=[5, 5, 5])

    body = client.get(detail(world.item), **bearer(world.user("staff"))).json()

    assert [row["id"] for row in body["reviews"]] == [review.pk]
    assert body["my_review"] is None
    assert body["aggregate"]["reviews"] == 1


def test_api_list_filters_by_process(client):
    world = jury_world(ReviewPhase.DELIBERATION)
    user = world.user("assigned")
    other = make_process(phase=ReviewPhase.BLIND)
    other_item = make_item(other, title="Other process")
    make_review(other_item, make_juror(other, user=user), values=[5, 5, 5])

    both = client.get(LIST, **bearer(user)).json()
    only = client.get(LIST, {"process": other.pk}, **bearer(user)).json()

    assert sorted(row["id"] for row in both["results"]) == sorted([world.item.pk, other_item.pk])
    assert [row["id"] for row in only["results"]] == [other_item.pk]


def test_api_works_with_the_session(client):
    world = jury_world(ReviewPhase.BLIND)
    client.force_login(world.user("assigned"))

    assert client.get(LIST).json()["count"] == 1
    assert client.get(detail(world.item)).status_code == 200


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"process": "abc"}, 400),
        ({"process": "0"}, 400),
        ({"process": "-1"}, 400),
        ({"process": "9" * 30}, 400),
        ({"process": "1\x00"}, 400),
        ({"page_size": "0"}, 400),
        ({"page_size": "abc"}, 400),
        ({"page": "999"}, 404),
        ({"page": "abc"}, 404),
    ],
)
def test_api_list_refuses_bad_parameters(client, params, status):
    world = jury_world(ReviewPhase.BLIND)

    response = client.get(LIST, params, **bearer(world.user("assigned")))

    assert response.status_code == status


@pytest.mark.parametrize("path", ["abc/", "-1/", f"{'9' * 30}/", "1.0/", "%00/"])
def test_api_detail_of_a_malformed_id_is_404(client, path):
    world = jury_world(ReviewPhase.BLIND)

    response = client.get(f"{LIST}{path}", **bearer(world.user("assigned")))

    assert response.status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_api_is_read_only(client, method):
    world = jury_world(ReviewPhase.BLIND)
    headers = bearer(world.user("assigned"))

    on_list = getattr(client, method)(LIST, {}, content_type="application/json", **headers)
    on_detail = getattr(client, method)(detail(world.item), {}, content_type="application/json", **headers)

    assert (on_list.status_code, on_detail.status_code) == (405, 405)


def test_api_refuses_a_bad_token(client):
    jury_world(ReviewPhase.BLIND)

    response = client.get(LIST, HTTP_AUTHORIZATION="Bearer edu_not-a-token")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_api_list_for_someone_on_no_jury_is_empty(client):
    jury_world(ReviewPhase.DELIBERATION)

    body = client.get(LIST, **bearer(UserFactory())).json()

    assert body == {"count": 0, "next": None, "previous": None, "results": []}


# --- schema ------------------------------------------------------------------------------------------


def test_schema_documents_the_jury_endpoints(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()

    paths = schema["paths"]
    assert sorted(path for path in paths if "/jury/" in path) == [
        "/api/v1/jury/items/",
        "/api/v1/jury/items/{id}/",
    ]
    assert sorted(paths["/api/v1/jury/items/"]) == ["get"]
    assert sorted(paths["/api/v1/jury/items/{id}/"]) == ["get"]
    listing = paths["/api/v1/jury/items/"]["get"]
    assert listing["tags"] == ["jury"]
    assert listing["security"] == [{"bearerAuth": []}, {"cookieAuth": []}]
    assert sorted(listing["responses"]) == ["200", "400", "401"]
    assert sorted(p["name"] for p in listing["parameters"]) == ["page", "page_size", "process"]
    one = paths["/api/v1/jury/items/{id}/"]["get"]
    assert sorted(one["responses"]) == ["200", "401", "404"]
    assert "notes" in schema["components"]["schemas"]["JuryItemDetail"]["properties"]


def test_schema_with_the_jury_api_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    assert "/api/v1/jury/items/{id}/" in yaml.safe_load(target.read_text())["paths"]


def _deliberation_with_items(count: int):
    process = make_process(phase=ReviewPhase.BLIND)
    juror, other = make_juror(process), make_juror(process)
    for _ in range(count):
        city = CityFactory()
        item = make_item(process, city=city, subject=city)
        make_review(item, juror, values=[7, 8, 9])
        make_review(item, other, values=[5, 6, None])
    process_phase_change(process=process, step="deliberate", actor=None)
    return juror.user


def test_api_list_query_count_does_not_grow_with_items(client):
    counts = []
    for size in (3, 30):
        headers = bearer(_deliberation_with_items(size))
        client.get(LIST, **headers)  # warms the content type cache
        with CaptureQueriesContext(connection) as queries:
            body = client.get(LIST, **headers).json()
        assert body["count"] == size
        assert all(len(row["reviews"]) == 2 for row in body["results"])
        counts.append(len(queries))
    assert counts[0] == counts[1]
