"""The knowledge exchange's public APIs (`/api/v2/exchange/...`), mounted by closercities/urls.py
outside the language prefixes: one address each, whatever the visitor's language."""

from django.urls import path

from . import views

app_name = "exchange_api"
urlpatterns = [
    path("adoptions/", views.AdoptionAPIView.as_view(), name="adoptions"),
    path("contact/", views.ContactAPIView.as_view(), name="contact"),
]
