"""`/api/v2/benchmark/`: compare a project with the cases most like it."""

from django.urls import path

from .views import BenchmarkAPIView

app_name = "benchmark_api"

urlpatterns = [path("", BenchmarkAPIView.as_view(), name="benchmark")]
