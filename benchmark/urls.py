"""`/benchmark/result/<token>/`: a benchmark's result, for whoever has the link."""

from django.urls import path

from .views import benchmark_result

app_name = "benchmark"

urlpatterns = [
    path("<str:token>/", benchmark_result, name="result"),
]
