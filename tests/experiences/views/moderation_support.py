"""What the tests of the moderation and translation pages share."""

import datetime

from django.contrib.messages import get_messages

from educities.experiences.domain.drafts import experience_draft_save
from educities.experiences.domain.workflow import revision_transition
from educities.experiences.models import Experience, ExperienceRevision
from tests.factories import StaffFactory

START = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def staff_user(**kwargs):
    # STAFF_MFA_REQUIRED is off in tests (tests/conftest.py): plain staff have Secretariat powers.
    return StaffFactory(**kwargs)


def waiting_since(obj: Experience | ExperienceRevision, days: int) -> None:
    """Make ``obj`` look submitted ``days`` after START (the queue sorts by it)."""
    type(obj).objects.filter(pk=obj.pk).update(submitted_at=START + datetime.timedelta(days=days))


def open_revision(experience: Experience, *, steps=("submit",), **values) -> ExperienceRevision:
    """A proposed change of a published ``experience`` with ``values``, taken through ``steps``."""
    revision = experience_draft_save(actor=None, experience=experience, values=values or {"title": "Changed"})
    for step in steps:
        comment = "Please say more." if step in {"request_changes", "reject"} else ""
        revision_transition(revision=revision, action=step, actor=None, comment=comment)
    revision.refresh_from_db()
    return revision
