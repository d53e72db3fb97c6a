"""The jurors' pages (included by reviews/urls.py under /<language>/jury/, namespace ``jury``)."""

from django.urls import path

from educities.reviews.views import juror

urlpatterns = [
    path("", juror.home, name="home"),
    path("<int:process_id>/", juror.dashboard, name="dashboard"),
    path("items/<int:item_id>/", juror.item, name="item"),
    path("items/<int:item_id>/notes/", juror.note_add, name="note_add"),
    path("items/<int:item_id>/conflict/", juror.declare_conflict, name="declare_conflict"),
]
