"""The Secretariat's International Day pages, under /<language>/backoffice/day/."""

from django.urls import path

from educities.days.views import staff

app_name = "days_staff"
urlpatterns = [
    path("", staff.campaigns_view, name="campaigns"),
    path("new/", staff.campaign_new_view, name="campaign_new"),
    path("<int:year>/", staff.campaign_view, name="campaign"),
    path("<int:year>/moderation/", staff.moderation_view, name="moderation"),
    path("<int:year>/moderation/reviewed/", staff.activities_review_view, name="activities_review"),
    path("<int:year>/moderation/<int:pk>/hide/", staff.activity_hide_view, name="activity_hide"),
    path("<int:year>/moderation/<int:pk>/show/", staff.activity_show_view, name="activity_show"),
    path("<int:year>/reminders/", staff.reminders_view, name="reminders"),
    path("<int:year>/reminders/send/", staff.reminders_send_view, name="reminders_send"),
]
