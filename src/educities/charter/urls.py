from django.urls import path

from educities.charter import views

app_name = "charter"

urlpatterns = [path("", views.principles, name="principles")]
