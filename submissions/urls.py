"""`/submissions/`: the submitter's status page."""

from django.urls import path

from .views import submission_status

app_name = "submissions"

urlpatterns = [
    path("status/<str:token>/", submission_status, name="status"),
]
