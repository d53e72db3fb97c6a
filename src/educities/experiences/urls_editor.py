"""URLs of the editor pages of the bank of experiences (included by experiences/urls.py)."""

from django.urls import path

from educities.experiences.views import editor

urlpatterns: list = [
    path("new/", editor.experience_new, name="new"),
    path("mine/", editor.experiences_mine, name="mine"),
    path("<slug:slug>/edit/", editor.experience_edit_start, name="edit_start"),
    path("<slug:slug>/edit/<str:step>/", editor.experience_edit, name="edit"),
    path("<slug:slug>/manage/", editor.experience_manage, name="manage"),
    path("<slug:slug>/step/<str:action>/", editor.experience_step, name="step"),
    path("<slug:slug>/files/add/", editor.attachment_add, name="attachment_add"),
    path("<slug:slug>/files/<int:pk>/remove/", editor.attachment_remove, name="attachment_remove"),
]
