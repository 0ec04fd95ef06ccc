"""`/api/v2/partners/`: what organisations send in through the API."""

from django.urls import path

from .views import PartnerRequestAPIView

app_name = "partners_api"

urlpatterns = [
    path("requests/", PartnerRequestAPIView.as_view(), name="requests"),
]
