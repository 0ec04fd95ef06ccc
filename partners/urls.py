"""`/partners/requests/`: the status page of a partner request (a personal link)."""

from django.urls import path

from .views import request_status

app_name = "partners"

urlpatterns = [
    path("<str:token>/", request_status, name="status"),
]
