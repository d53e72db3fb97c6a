"""What the tests of the Secretariat's jury pages share: a jury to manage, its URLs, its whole state.

``manage_world()`` builds, through the domain functions, a process in blind scoring with three criteria,
three items (two proposed by Santos, one by Turin) and four jurors, none of whom has scored yet:

- ``juror``: assigned to item "a";
- ``conflicted``: with a conflict of interest (recorded by the Secretariat, pinned) with item "a";
- ``local``: from Santos, so automatically conflicted with items "a" and "b" (not pinned);
- ``spare``: assigned to nothing, conflicted with nothing.

Users by role: ``anonymous`` (None), ``editor`` (a city editor of Santos, not a juror), ``juror``,
``conflicted``, ``staff`` (the Secretariat).
"""

from dataclasses import dataclass

from django.contrib.messages import get_messages
from django.urls import reverse

from educities.members.models import City
from educities.reviews.domain.jury import conflict_add
from educities.reviews.enums import ConflictKind, ReviewPhase
from educities.reviews.models import Assignment, Conflict, Criterion, Reviewer, ReviewItem, ReviewProcess
from tests.factories import CityFactory, CountryFactory, StaffFactory, make_city_editor
from tests.reviews.factories import assign, make_item, make_juror, make_process, process_walk

ROLES = ("anonymous", "editor", "juror", "conflicted", "staff")


@dataclass
class ManageWorld:
    process: ReviewProcess
    items: dict  # "a", "b", "c" -> ReviewItem
    jurors: dict  # "juror", "conflicted", "local", "spare" -> Reviewer
    users: dict  # role -> user (None for "anonymous")


def _city(name: str, code: str) -> City:
    country = CountryFactory(code=code)
    return City.objects.filter(name=name, country=country).first() or CityFactory(name=name, country=country)


def manage_world(phase: str = ReviewPhase.BLIND) -> ManageWorld:
    process = make_process()
    santos = _city("Santos", "BR")
    turin = _city("Turin", "IT")
    items = {
        "a": make_item(process, city=santos, title="Santos: a city that cares"),
        "b": make_item(process, city=santos, title="Santos: school routes"),
        "c": make_item(process, city=turin, title="Turin: libraries"),
    }
    jurors = {
        "juror": make_juror(process),
        "conflicted": make_juror(process),
        "local": make_juror(process, city=santos),
        "spare": make_juror(process, organisation="University"),
    }
    assign(jurors["juror"], items["a"])
    conflict_add(
        reviewer=jurors["conflicted"],
        item=items["a"],
        kind=ConflictKind.PROFESSIONAL,
        note="Adviser",
        actor=None,
    )
    process = process_walk(process, phase)
    users = {
        "anonymous": None,
        "editor": make_city_editor(santos),
        "juror": jurors["juror"].user,
        "conflicted": jurors["conflicted"].user,
        "staff": StaffFactory(),
    }
    return ManageWorld(process=process, items=items, jurors=jurors, users=users)


def url(world: ManageWorld, name: str, *args) -> str:
    return reverse(f"jury:{name}", args=[world.process.pk, *args])


def manage_url(world: ManageWorld, anchor: str = "") -> str:
    return url(world, "manage") + (f"#{anchor}" if anchor else "")


def state(process: ReviewProcess) -> dict:
    """Everything the Secretariat's pages can change in a process, to compare before and after."""
    process.refresh_from_db()
    return {
        "phase": process.phase,
        "criteria": sorted(Criterion.objects.filter(process=process).values_list("id", "name", "weight")),
        "jurors": sorted(
            Reviewer.objects.filter(process=process).values_list("id", "user_id", "city_id", "organisation")
        ),
        "conflicts": sorted(
            Conflict.objects.filter(item__process=process).values_list(
                "id", "reviewer_id", "item_id", "kind", "source", "is_pinned", "note"
            )
        ),
        "assignments": sorted(
            Assignment.objects.filter(item__process=process).values_list("reviewer_id", "item_id")
        ),
        "tie_breaks": sorted(
            ReviewItem.objects.filter(process=process).values_list("id", "tie_break_rank", "tie_break_reason")
        ),
    }


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def login(client, user):
    if user is not None:
        user.__dict__.pop("_educities_jury", None)
        client.force_login(user)
    return client
