"""The Secretariat's jury pages (included by reviews/urls.py, namespace "jury"): run a process, rank it.

Every action is a POST to its own URL, which redirects back to the management page (or the ranking) with a
message; a form that does not validate shows the page again with its errors (400).
"""

from django.urls import path

from educities.reviews.views import manage

P = "<int:process_id>/manage/"

urlpatterns = [
    path(P, manage.manage, name="manage"),
    path(f"{P}phase/", manage.phase_change, name="manage_phase"),
    path(f"{P}criteria/", manage.criterion_add, name="manage_criterion_add"),
    path(f"{P}criteria/<int:criterion_id>/", manage.criterion_update, name="manage_criterion_update"),
    path(f"{P}criteria/<int:criterion_id>/delete/", manage.criterion_delete, name="manage_criterion_delete"),
    path(f"{P}jurors/", manage.reviewer_add, name="manage_reviewer_add"),
    path(f"{P}jurors/<int:reviewer_id>/remove/", manage.reviewer_remove, name="manage_reviewer_remove"),
    path(f"{P}conflicts/", manage.conflict_add, name="manage_conflict_add"),
    path(f"{P}conflicts/refresh/", manage.conflicts_refresh, name="manage_conflicts_refresh"),
    path(f"{P}conflicts/<int:conflict_id>/pin/", manage.conflict_pin, name="manage_conflict_pin"),
    path(f"{P}conflicts/<int:conflict_id>/remove/", manage.conflict_remove, name="manage_conflict_remove"),
    path(f"{P}assignments/", manage.assignments_bulk, name="manage_assignments_bulk"),
    path(f"{P}assignments/auto/", manage.assignments_auto, name="manage_assignments_auto"),
    path(f"{P}assignments/remove/", manage.assignment_remove, name="manage_assignment_remove"),
    path("<int:process_id>/ranking/", manage.ranking, name="ranking"),
    path("<int:process_id>/ranking/tie-break/", manage.tie_break, name="ranking_tie_break"),
]
