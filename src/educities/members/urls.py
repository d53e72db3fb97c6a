from django.urls import path

from educities.members.views import (
    apply,
    city,
    directory,
    editor,
    figures,
    governance,
    network_manage,
    networks,
)

app_name = "members"

urlpatterns = [
    path("cities/", directory.directory_view, name="directory"),
    path("cities/export/", directory.directory_export, name="directory_export"),
    path("cities/map.json", directory.directory_map, name="directory_map"),
    path("cities/<slug:slug>/", city.city_detail, name="city_detail"),
    path("networks/", networks.network_list, name="network_list"),
    path("networks/<slug:slug>/", networks.network_detail, name="network_detail"),
    path("networks/<slug:slug>/manage/", network_manage.network_manage, name="network_manage"),
    path("networks/<slug:slug>/manage/add/", network_manage.network_member_add, name="network_member_add"),
    path(
        "networks/<slug:slug>/manage/remove/<int:city_id>/",
        network_manage.network_member_remove,
        name="network_member_remove",
    ),
    path("governance/", governance.governance, name="governance"),
    path("figures/", figures.figures, name="figures"),
    path("join/", apply.membership_apply_view, name="apply"),
    path("my-cities/", editor.my_cities, name="my_cities"),
    path("my-cities/<slug:slug>/", editor.city_edit, name="city_edit"),
    path("my-cities/<slug:slug>/contacts/new/", editor.contact_edit, name="contact_add"),
    path("my-cities/<slug:slug>/contacts/<int:pk>/", editor.contact_edit, name="contact_edit"),
    path("my-cities/<slug:slug>/contacts/<int:pk>/delete/", editor.contact_delete, name="contact_delete"),
    path("my-cities/<slug:slug>/certificate.pdf", apply.certificate_download, name="certificate"),
    path("my-cities/<slug:slug>/withdraw/", apply.membership_withdraw_view, name="withdraw"),
]
