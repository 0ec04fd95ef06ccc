"""The knowledge exchange's pages, mounted at the site root in the visitor's language by
closercities/urls.py (`/fr/network/`): the case pages' two forms, the adoption status page and
the network page. The public APIs are in api_urls.py, the network's read endpoints in the
content API (api/urls.py)."""

from django.urls import path

from . import views

app_name = "exchange"

urlpatterns = [
    path(
        "exchange/cases/<int:case_id>/adopt/",
        views.case_form,
        {"which": "adopt"},
        name="adopt",
    ),
    path(
        "exchange/cases/<int:case_id>/contact/",
        views.case_form,
        {"which": "contact"},
        name="contact",
    ),
    path(
        "exchange/adoptions/status/<str:token>/",
        views.adoption_status,
        name="adoption_status",
    ),
    path("network/", views.network_page, name="network"),
]
