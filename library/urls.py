"""`/proposals/<token>/`: the status of a document proposed for the library."""

from django.urls import path

from .views import proposal_status

app_name = "library"

urlpatterns = [
    path("<str:token>/", proposal_status, name="proposal_status"),
]
