from django.db import migrations

# The 17 Sustainable Development Goals: official short titles and colours (UN SDG guidelines).
SDGS = [
    (1, "No Poverty", "#E5243B"),
    (2, "Zero Hunger", "#DDA63A"),
    (3, "Good Health and Well-being", "#4C9F38"),
    (4, "Quality Education", "#C5192D"),
    (5, "Gender Equality", "#FF3A21"),
    (6, "Clean Water and Sanitation", "#26BDE2"),
    (7, "Affordable and Clean Energy", "#FCC30B"),
    (8, "Decent Work and Economic Growth", "#A21942"),
    (9, "Industry, Innovation and Infrastructure", "#FD6925"),
    (10, "Reduced Inequalities", "#DD1367"),
    (11, "Sustainable Cities and Communities", "#FD9D24"),
    (12, "Responsible Consumption and Production", "#BF8B2E"),
    (13, "Climate Action", "#3F7E44"),
    (14, "Life Below Water", "#0A97D9"),
    (15, "Life on Land", "#56C02B"),
    (16, "Peace, Justice and Strong Institutions", "#00689D"),
    (17, "Partnerships for the Goals", "#19486A"),
]


def create_sdgs(apps, schema_editor):
    SDG = apps.get_model("taxonomy.SDG")
    for number, title, colour in SDGS:
        SDG.objects.update_or_create(number=number, defaults={"title": title, "colour": colour})


def remove_sdgs(apps, schema_editor):
    apps.get_model("taxonomy.SDG").objects.filter(number__in=[n for n, _, _ in SDGS]).delete()


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(create_sdgs, remove_sdgs)]
