from django.urls import path

from . import feedback

app_name = "insights"
urlpatterns = [path("<int:page_id>/", feedback.answer, name="feedback")]
