"""Account pages of this project, under /<language>/accounts/ beside allauth's."""

from django.urls import path

from educities.accounts import views

app_name = "accounts"
urlpatterns = [
    path("api-tokens/", views.api_tokens, name="api_tokens"),
    path("api-tokens/<int:pk>/revoke/", views.api_token_revoke_view, name="api_token_revoke"),
]
