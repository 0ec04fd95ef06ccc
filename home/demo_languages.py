"""Demo cases written in French, Spanish and Portuguese: one per project family of
`demo.PROJECTS`, so a query in one language can be seen finding its twins in another
(docs/relevance/ measures it). The multilingual work moves them into their language trees."""

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

FAMILIES = {name: (topics, sdgs) for name, topics, sdgs in PROJECTS}


def family_of_title():
    """{title: family} of these cases (an English case's family starts its title)."""
    return {title: family for family, _, _, _, _, _, title, _, _ in CASES}


def case_data(seed, number):
    """Multilingual demo case `number` (from 0) in the shape of `demo.case_data`."""
    family, language, city, country, lat, lon, title, summary, text = CASES[number]
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
        "evidence": "monitored",
        "participation": rng.choice(["consulted", "co_designed"]),
        "funding": "multi_year",
        "documentation": "public",
        "transfer": "none",
    }


def all_case_data(seed):
    return [case_data(seed, number) for number in range(len(CASES))]
