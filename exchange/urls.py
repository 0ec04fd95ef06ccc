"""The knowledge exchange's addresses, mounted at the site root by closercities/urls.py: the
public APIs (`/api/v2/exchange/...`), the case pages' two forms, the adoption status page and
the network page. The network's read endpoints are in the content API (api/urls.py)."""

from django.urls import path

from . import views

app_name = "exchange"

urlpatterns = [
    path("api/v2/exchange/adoptions/", views.AdoptionAPIView.as_view(), name="api_adoptions"),
    path("api/v2/exchange/contact/", views.ContactAPIView.as_view(), name="api_contact"),
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
