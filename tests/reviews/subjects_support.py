"""A review subject for the tests of the jurors' pages and the jury API, and the jury they sit on.

The engine reviews anything registered in ``reviews.subjects``; these tests review member cities (a
``City`` shown with ``FIELDS_TEMPLATE``), so they need neither the award nor its helpers.

``jury_world(phase)`` builds, through the domain functions, one process with three criteria and one item
about a city, and one user for each role of the permission matrix:

- ``editor``: a city editor of the item's city, not a juror;
- ``assigned``: a juror assigned to the item; ``unassigned``: a juror of the process who is not;
- ``conflicted``: a juror with a (staff-recorded) conflict of interest with the item;
- ``outsider``: a signed-in user with no role; ``staff``: the Secretariat.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.urls import reverse

from educities.members.models import City
from educities.reviews.domain.jury import conflict_add
from educities.reviews.enums import ConflictKind, ReviewPhase
from educities.reviews.models import Conflict, Note, Review, Reviewer, ReviewItem, ReviewProcess, Score
from educities.reviews.subjects import FIELDS_TEMPLATE, subject_register, subject_unregister
from tests.factories import CityFactory, StaffFactory, UserFactory, make_city_editor
from tests.reviews.factories import assign, make_item, make_juror, make_process, process_walk


def _city_context(city, request) -> dict:
    return {"fields": [("City", city.name), ("Population", city.population)]}


def _city_url(city, request) -> str:
    return f"/en/cities/{city.slug}/"


@contextmanager
def city_subject():
    """Cities are review subjects while the block runs (shown by their name and population)."""
    subject_register(City, template=FIELDS_TEMPLATE, context=_city_context, url=_city_url)
    try:
        yield
    finally:
        subject_unregister(City)


@dataclass
class JuryWorld:
    process: ReviewProcess
    item: ReviewItem
    city: City
    users: dict  # role -> user (None for "anonymous")
    jurors: dict  # role -> Reviewer

    def user(self, role: str):
        return self.users[role]


ROLES = ("anonymous", "outsider", "editor", "assigned", "unassigned", "conflicted", "staff")


def jury_world(phase: str = ReviewPhase.BLIND, *, process=None) -> JuryWorld:
    process = process or make_process()
    city = CityFactory(name="Santos")
    item = make_item(process, city=city, subject=city, title="Santos: a city that cares")
    jurors = {
        role: make_juror(process, user=UserFactory()) for role in ("assigned", "unassigned", "conflicted")
    }
    assign(jurors["assigned"], item)
    conflict_add(
        reviewer=jurors["conflicted"], item=item, kind=ConflictKind.PROFESSIONAL, note="Adviser", actor=None
    )
    process = process_walk(process, phase)
    item.process = process
    users = {
        "anonymous": None,
        "outsider": UserFactory(),
        "editor": make_city_editor(city),
        "staff": StaffFactory(),
        **{role: reviewer.user for role, reviewer in jurors.items()},
    }
    return JuryWorld(process=process, item=item, city=city, users=users, jurors=jurors)


def fresh(user):
    """The same account without the jury seats cached on the object."""
    if user is not None:
        user.__dict__.pop("_educities_jury", None)
    return user


def db_state(process: ReviewProcess) -> dict:
    """Everything a juror's request could change in a process, to compare before and after."""
    return {
        "reviews": sorted(
            Review.objects.filter(item__process=process).values_list(
                "id", "reviewer_id", "version", "comment", "total", "submitted_at"
            )
        ),
        "scores": sorted(
            Score.objects.filter(review__item__process=process).values_list(
                "id", "criterion_id", "value", "not_applicable", "comment"
            )
        ),
        "notes": sorted(Note.objects.filter(item__process=process).values_list("id", "parent_id", "body")),
        "conflicts": sorted(
            Conflict.objects.filter(item__process=process).values_list("id", "reviewer_id", "kind")
        ),
        "jurors": Reviewer.objects.filter(process=process).count(),
    }


def item_url(item, name: str = "item") -> str:
    return reverse(f"jury:{name}", args=[item.pk])


def score_data(
    process: ReviewProcess, values, *, version: int = 0, action: str = "draft", comment=""
) -> dict:
    """A scoring form's POST: ``values`` one per criterion in order (``"na"``: not applicable)."""
    data = {"version": str(version), "comment": comment, "action": action}
    for criterion, value in zip(process.criteria.order_by("position"), values, strict=True):
        if value == "na":
            data[f"na_{criterion.pk}"] = "on"
            data[f"score_{criterion.pk}"] = ""
        else:
            data[f"score_{criterion.pk}"] = "" if value is None else str(value)
        data[f"comment_{criterion.pk}"] = ""
    return data
