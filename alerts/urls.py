"""`/alerts/`: subscribing, and the links in the alert emails."""

from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
