"""What the tests of the award's public pages and public API share: editions with decided results."""

from educities.awards.domain.applications import application_decide
from educities.awards.domain.editions import edition_results_publish
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.models import Application, Edition
from tests.awards.factories import edition_close_call, jury_to_decision, make_application, make_edition

WINNER = ApplicationStatus.WINNER
MENTION = ApplicationStatus.SPECIAL_MENTION
FINALIST = ApplicationStatus.FINALIST
NOT_SELECTED = ApplicationStatus.NOT_SELECTED


def edition_with_results(
    *,
    year: int | None = None,
    number: int | None = None,
    results: list[str],
    edition: Edition | None = None,
    cities: list | None = None,
    experiences: list | None = None,
    publish: bool = True,
    **overrides,
) -> tuple[Edition, list[Application]]:
    """An announced edition whose jury decided ``results`` (one status per application, in order), with
    its results published unless ``publish=False``. ``cities``/``experiences``: one per result, or None.
    ``edition``: an open edition made beforehand (to seat jurors on it first)."""
    if edition is None:
        edition = make_edition(phase=EditionPhase.OPEN, year=year, number=number, **overrides)
    applications = [
        make_application(
            edition=edition,
            status=ApplicationStatus.IN_REVIEW,
            city=cities[index] if cities else None,
            experience=experiences[index] if experiences else None,
        )
        for index in range(len(results))
    ]
    jury_to_decision(process=edition.review_process)
    for index, (application, result) in enumerate(zip(applications, results, strict=True)):
        application_decide(
            application=application,
            result=result,
            statement=f"Statement of the jury {index + 1}.",
            actor=None,
        )
    edition_close_call(edition=edition)
    if publish:
        edition_results_publish(edition=edition, actor=None)
    edition.refresh_from_db()
    for application in applications:
        application.refresh_from_db()
    return edition, applications
