"""Demo cases written in French, Spanish and Portuguese: one per project family of
`demo.PROJECTS`, so a query in one language can be seen finding its twins in another
(docs/relevance/ measures it). They live in their own language's page tree (/fr/cases/…), a
few with an English translation; with many English demo cases, the same projects are told
again in more cities of each language, so that at least 15 % of the demo cases were written
in French, Spanish or Portuguese."""

import math
import random

from django.utils.text import slugify

from .demo import EPOCH, PROJECTS, _paragraphs

# (family: the English project name in demo.PROJECTS, language, city, country, lat, lon,
#  title, summary, what was done)
CASES = [
    ("Community solar cooperative", "fr", "Lyon", "FR", 45.75, 4.85,
     "Coopérative solaire citoyenne à Lyon",
     "Des habitants financent ensemble des panneaux photovoltaïques sur les toits des écoles.",
     "Les membres de la coopérative partagent l'électricité produite et réduisent leurs factures d'énergie."),
    ("Protected cycle lane network", "es", "Sevilla", "ES", 37.39, -5.98,
     "Red de carriles bici protegidos en Sevilla",
     "La ciudad construyó ochenta kilómetros de ciclovías segregadas del tráfico.",
     "El uso de la bicicleta se multiplicó y los accidentes graves bajaron en las avenidas."),
    ("Housing First programme", "pt", "Lisboa", "PT", 38.72, -9.14,
     "Programa Housing First em Lisboa",
     "Pessoas em situação de sem-abrigo recebem primeiro uma casa e depois apoio social.",
     "Equipas de acompanhamento ajudam cada morador a manter a habitação e a saúde."),
    ("Newcomer welcome centre", "fr", "Bruxelles", "BE", 50.85, 4.35,
     "Centre d'accueil des nouveaux arrivants à Bruxelles",
     "Un guichet unique aide les migrants et réfugiés à trouver logement, cours de langue et travail.",
     "Des bénévoles et des travailleurs sociaux accompagnent les familles dans leurs démarches."),
    ("Urban food gardens", "es", "Medellín", "CO", 6.25, -75.56,
     "Huertas urbanas comunitarias en Medellín",
     "Vecinos cultivan hortalizas en terrenos baldíos para mejorar su alimentación.",
     "Las huertas producen alimentos frescos y se han vuelto lugares de encuentro del barrio."),
    ("Rainwater harvesting in schools", "pt", "Recife", "BR", -8.05, -34.88,
     "Captação de água da chuva nas escolas do Recife",
     "Escolas públicas recolhem a água da chuva dos telhados para os banheiros e as hortas.",
     "Os alunos aprendem a medir o consumo de água e as contas da escola diminuíram."),
    ("Safe walking routes and street lighting", "es", "Ciudad de México", "MX", 19.43, -99.13,
     "Senderos seguros e iluminación pública en Ciudad de México",
     "Calles mejor iluminadas y caminos seguros para que las mujeres caminen de noche.",
     "Las vecinas marcaron en mapas los puntos peligrosos y la alcaldía instaló luminarias."),
    ("Coastal wetland restoration", "fr", "Nantes", "FR", 47.22, -1.55,
     "Restauration des zones humides de l'estuaire à Nantes",
     "Les marais de l'estuaire sont restaurés pour protéger la ville des inondations.",
     "Les roselières reviennent, les oiseaux aussi, et les crues sont mieux absorbées."),
    ("Microcredit for women entrepreneurs", "es", "Lima", "PE", -12.05, -77.04,
     "Microcréditos para mujeres emprendedoras en Lima",
     "Pequeños préstamos y formación para que las mujeres abran sus propios negocios.",
     "Las emprendedoras se apoyan en grupos solidarios y devuelven casi todos los créditos."),
    ("Participatory budgeting", "pt", "Porto Alegre", "BR", -30.03, -51.23,
     "Orçamento participativo em Porto Alegre",
     "Os moradores decidem em assembleias como gastar parte do orçamento da cidade.",
     "Cada bairro vota as suas prioridades: saneamento, escolas, pavimentação das ruas."),
    ("Digital public services for informal workers", "es", "Bogotá", "CO", 4.71, -74.07,
     "Servicios públicos digitales para trabajadores informales en Bogotá",
     "Una aplicación permite a vendedores ambulantes registrarse y obtener permisos en línea.",
     "Los trabajadores informales acceden a seguridad social sin hacer largas filas."),
    ("Heat action plan", "fr", "Paris", "FR", 48.86, 2.35,
     "Plan canicule à Paris",
     "Pendant les vagues de chaleur, la ville ouvre des îlots de fraîcheur et appelle les personnes âgées.",
     "Un registre des personnes vulnérables permet de les contacter dès l'alerte canicule."),
    ("Repair cafés and circular economy hubs", "fr", "Montréal", "CA", 45.5, -73.57,
     "Cafés de réparation et économie circulaire à Montréal",
     "Des bénévoles réparent gratuitement vélos, vêtements et appareils électriques.",
     "Moins de déchets partent à la décharge et les habitants apprennent à réparer."),
    ("Community health workers", "pt", "Salvador", "BR", -12.97, -38.5,
     "Agentes comunitários de saúde em Salvador",
     "Agentes de saúde visitam as famílias das favelas em casa para prevenção e vacinação.",
     "As visitas regulares reduziram as internações de crianças e de idosos."),
    ("Bus rapid transit corridor", "es", "Quito", "EC", -0.18, -78.47,
     "Corredor de autobuses de tránsito rápido en Quito",
     "Carriles exclusivos para autobuses acortan los viajes diarios al centro.",
     "El sistema transporta cientos de miles de pasajeros con menos contaminación."),
    ("Cultural centre in a former factory", "pt", "Porto", "PT", 41.15, -8.61,
     "Centro cultural numa antiga fábrica no Porto",
     "Uma fábrica têxtil abandonada tornou-se espaço de artes, concertos e oficinas.",
     "Artistas e associações do bairro gerem a programação em conjunto com a câmara."),
    ("School meals from local farmers", "fr", "Bordeaux", "FR", 44.84, -0.58,
     "Cantines scolaires approvisionnées par les agriculteurs locaux à Bordeaux",
     "Les repas des écoles sont préparés avec des produits bio des fermes voisines.",
     "Les enfants mangent mieux et les agriculteurs de la région ont un débouché stable."),
    ("Urban tree canopy programme", "es", "Madrid", "ES", 40.42, -3.7,
     "Programa de arbolado urbano en Madrid",
     "La ciudad planta miles de árboles para dar sombra y refrescar las calles en verano.",
     "Las copas de los árboles bajan la temperatura de las aceras y limpian el aire."),
    ("City network for refugee integration", "es", "Barcelona", "ES", 41.39, 2.17,
     "Red de ciudades refugio en Barcelona",
     "Ciudades europeas cooperan para acoger e integrar a personas refugiadas.",
     "La red comparte prácticas de acogida, vivienda y empleo entre municipios."),
    ("Informal settlement upgrading", "pt", "Rio de Janeiro", "BR", -22.91, -43.17,
     "Urbanização de favelas no Rio de Janeiro",
     "Obras de saneamento, água potável e ruas pavimentadas nas comunidades informais.",
     "Os moradores participaram no desenho das obras e ganharam títulos de propriedade."),
]  # fmt: skip

# More cities per language, for the retellings: (city, country, latitude, longitude).
MORE_CITIES = {
    "fr": [("Marseille", "FR", 43.3, 5.37), ("Dakar", "SN", 14.69, -17.44),
           ("Abidjan", "CI", 5.36, -4.01), ("Québec", "CA", 46.81, -71.21),
           ("Genève", "CH", 46.2, 6.14), ("Rabat", "MA", 34.02, -6.84),
           ("Lille", "FR", 50.63, 3.06), ("Tunis", "TN", 36.81, 10.18)],
    "es": [("Valencia", "ES", 39.47, -0.38), ("Santiago", "CL", -33.45, -70.67),
           ("Buenos Aires", "AR", -34.6, -58.38), ("Montevideo", "UY", -34.9, -56.16),
           ("Guadalajara", "MX", 20.67, -103.35), ("Cali", "CO", 3.45, -76.53),
           ("La Paz", "BO", -16.5, -68.15), ("Bilbao", "ES", 43.26, -2.93)],
    "pt": [("Belo Horizonte", "BR", -19.92, -43.94), ("Curitiba", "BR", -25.43, -49.27),
           ("Maputo", "MZ", -25.97, 32.57), ("Luanda", "AO", -8.84, 13.23),
           ("Coimbra", "PT", 40.21, -8.43), ("Fortaleza", "BR", -3.73, -38.52),
           ("Braga", "PT", 41.55, -8.42), ("Praia", "CV", 14.93, -23.51)],
}  # fmt: skip

# English translations of some of these cases, published in the English tree as translations
# of the original: {number in CASES: (title, summary, what was done)}.
ENGLISH = {
    0: ("Citizens' solar cooperative in Lyon",
        "Residents jointly finance solar panels on the roofs of schools.",
        "The cooperative's members share the electricity produced and cut their energy bills."),
    1: ("Network of protected cycle lanes in Seville",
        "The city built eighty kilometres of cycle lanes separated from traffic.",
        "Cycling multiplied and serious accidents fell on the avenues."),
    2: ("Housing First programme in Lisbon",
        "Homeless people are given a home first, then social support.",
        "Support teams help each resident keep their home and their health."),
    9: ("Participatory budgeting in Porto Alegre",
        "Residents decide in assemblies how to spend part of the city's budget.",
        "Each neighbourhood votes on its priorities: sanitation, schools, paved streets."),
    11: ("Heatwave plan in Paris",
         "During heatwaves the city opens cool islands and phones older people.",
         "A register of vulnerable people lets the city reach them as soon as a heat alert starts."),
}  # fmt: skip

FAMILIES = {name: (topics, sdgs) for name, topics, sdgs in PROJECTS}
# The share of demo cases written in French, Spanish or Portuguese (issue 15: at least 15 %,
# also when the English translations are counted among the demo cases).
SHARE = 0.17


def count_for(english_cases):
    """How many cases in other languages make them at least SHARE of all demo cases."""
    wanted = math.ceil(SHARE * english_cases / (1 - SHARE))
    return max(len(CASES), min(wanted, len(CASES) * (1 + len(MORE_CITIES["fr"]))))


def _retold(number):
    """CASES[number] as written, or (from len(CASES) on) told again in another city of its
    language."""
    base = CASES[number % len(CASES)]
    round_ = number // len(CASES)
    if not round_:
        return base
    family, language, city, _country, _lat, _lon, title, summary, text = base
    new_city, country, lat, lon = MORE_CITIES[language][(round_ - 1) % len(MORE_CITIES[language])]
    return (family, language, new_city, country, lat, lon, title.replace(city, new_city),
            summary, text)  # fmt: skip


def family_of_title(english_cases=None):
    """{title: family} of these cases (an English case's family starts its title)."""
    count = count_for(english_cases) if english_cases else len(CASES) * (1 + len(MORE_CITIES["fr"]))
    found = {}
    for number in range(count):
        family, *_, title, _summary, _text = _retold(number)
        found[title] = family
    for number, (title, _summary, _text) in ENGLISH.items():
        found[title] = CASES[number][0]
    return found


def english_translation(seed, number):
    """The English translation of case `number`, or None: same slug, place and goals."""
    if number not in ENGLISH:
        return None
    item = case_data(seed, number)
    title, summary, text = ENGLISH[number]
    rng = random.Random(f"{seed}:case-en:{number}")
    item.update(title=title, summary=summary, body=_paragraphs(rng, text))
    return item


def case_data(seed, number):
    """Multilingual demo case `number` (from 0) in the shape of `demo.case_data`, with its
    `language`."""
    family, language, city, country, lat, lon, title, summary, text = _retold(number)
    topics, sdgs = FAMILIES[family]
    rng = random.Random(f"{seed}:case-{language}:{number}")
    start_year = rng.randint(2008, 2024)
    return {
        "title": title,
        "slug": f"{slugify(title)[:200]}-{language}",
        "summary": summary,
        "body": _paragraphs(rng, text),
        "city": city,
        "country": country,
        "latitude": lat,
        "longitude": lon,
        "sdgs": sorted(sdgs),
        "topics": topics,
        "lessons_learned": "",
        "barriers": "",
        "facilitating_conditions": "",
        "target_groups": "",
        "scale": rng.choice(["neighbourhood", "city", "metropolitan"]),
        "status": rng.choice(["pilot", "running", "scaled_up"]),
        "start_year": start_year,
        "end_year": None,
        "actors": [],
        "first_published_at": EPOCH,
        "language": language,
        "evidence": "monitored",
        "participation": rng.choice(["consulted", "co_designed"]),
        "funding": "multi_year",
        "documentation": "public",
        "transfer": "none",
    }


def all_case_data(seed, english_cases=0):
    return [case_data(seed, number) for number in range(count_for(english_cases))]
