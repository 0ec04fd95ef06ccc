from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("go/<int:page_id>/", views.result_click, name="click"),
]
