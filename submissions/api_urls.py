"""`/api/v2/submissions/`: what the public sends in through the API."""

from django.urls import path

from .views import CaseSubmissionAPIView, SurveyAPIView

app_name = "submissions_api"

urlpatterns = [
    path("cases/", CaseSubmissionAPIView.as_view(), name="cases"),
    path("survey/", SurveyAPIView.as_view(), name="survey"),
]
