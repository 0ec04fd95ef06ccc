"""The words demo content is made of: projects and how they read in a sentence, aims,
lessons, actors, names, and the sentence patterns of titles and summaries."""

# (project, topics, SDGs): together they cover all 17 goals.
PROJECTS = [
    ("Community solar cooperative", ["Energy", "Climate"], [7, 13, 11]),
    ("Protected cycle lane network", ["Mobility", "Climate"], [11, 3, 13]),
    ("Housing First programme", ["Housing", "Poverty", "Health"], [1, 11, 3]),
    ("Newcomer welcome centre", ["Migration", "Inclusion"], [10, 16, 8]),
    ("Urban food gardens", ["Food", "Sustainability"], [2, 11, 12]),
    ("Rainwater harvesting in schools", ["Water", "Education"], [6, 4, 13]),
    ("Safe walking routes and street lighting", ["Safety & Security", "Public space"], [16, 5, 11]),
    ("Coastal wetland restoration", ["Climate", "Sustainability"], [14, 15, 13]),
    ("Microcredit for women entrepreneurs", ["Jobs & Economy", "Inclusion"], [5, 8, 1]),
    ("Participatory budgeting", ["Governance", "Inclusion"], [16, 10, 17]),
    (
        "Digital public services for informal workers",
        ["Digital city", "Jobs & Economy"],
        [9, 8, 10],
    ),
    ("Heat action plan", ["Climate", "Health"], [13, 3, 11]),
    ("Repair cafés and circular economy hubs", ["Sustainability", "Jobs & Economy"], [12, 8, 11]),
    ("Community health workers", ["Health", "Poverty"], [3, 1, 10]),
    ("Bus rapid transit corridor", ["Mobility"], [11, 9, 13]),
    ("Cultural centre in a former factory", ["Culture", "Public space"], [11, 4, 8]),
    ("School meals from local farmers", ["Food", "Education"], [2, 4, 12]),
    ("Urban tree canopy programme", ["Climate", "Public space"], [15, 13, 11]),
    ("City network for refugee integration", ["Migration", "Governance"], [17, 10, 16]),
    ("Informal settlement upgrading", ["Housing", "Water"], [1, 6, 11]),
]
# How each project reads inside a sentence ("How Lima used …").
PHRASES = {
    "Community solar cooperative": "a community solar cooperative",
    "Protected cycle lane network": "a network of protected cycle lanes",
    "Housing First programme": "a Housing First programme",
    "Newcomer welcome centre": "a welcome centre for newcomers",
    "Urban food gardens": "urban food gardens",
    "Rainwater harvesting in schools": "rainwater harvesting in schools",
    "Safe walking routes and street lighting": "safe walking routes and street lighting",
    "Coastal wetland restoration": "the restoration of its coastal wetlands",
    "Microcredit for women entrepreneurs": "microcredit for women entrepreneurs",
    "Participatory budgeting": "participatory budgeting",
    "Digital public services for informal workers": "digital public services for informal workers",
    "Heat action plan": "a heat action plan",
    "Repair cafés and circular economy hubs": "repair cafés and circular economy hubs",
    "Community health workers": "community health workers",
    "Bus rapid transit corridor": "a bus rapid transit corridor",
    "Cultural centre in a former factory": "a cultural centre in a former factory",
    "School meals from local farmers": "school meals from local farmers",
    "Urban tree canopy programme": "an urban tree canopy programme",
    "City network for refugee integration": "a city network for refugee integration",
    "Informal settlement upgrading": "the upgrading of informal settlements",
}
AIMS = [
    "reach residents who are usually left out of city programmes",
    "cut emissions while lowering household costs",
    "give neighbourhoods a say in how the money is spent",
    "make daily trips safer and cheaper",
    "turn a pilot into a service the city runs every year",
]
LESSONS = [
    "Start small in one neighbourhood and let residents shape the next phase.",
    "Shared data between departments saved more time than any new software.",
    "Paying community members as staff built trust faster than campaigns did.",
    "A clear owner inside the city administration kept the project alive after elections.",
    "Evaluating from day one made it possible to convince the national government to co-fund.",
]
BARRIERS = [
    "Fragmented responsibilities between city departments.",
    "Short funding cycles that do not match the time change takes.",
    "Land ownership and permits took longer than planned.",
    "Low trust between residents and the administration at the start.",
    "Procurement rules that favour large suppliers.",
]
CONDITIONS = [
    "Political backing from the mayor's office.",
    "An existing network of community organisations.",
    "Co-funding from a national programme.",
    "A university partner measuring results.",
    "Peer learning with cities in the same urban network.",
]
TARGET_GROUPS = [
    "Low-income households",
    "Older residents",
    "Young people",
    "Newcomers and refugees",
    "Women entrepreneurs",
    "Informal workers",
    "Schoolchildren and their families",
]
ACTORS = [
    ("{city} City Council", "government", "Lead and main funder"),
    ("University of {city}", "academia", "Monitoring and evaluation"),
    ("{city} Residents' Association", "civil_society", "Outreach and co-design"),
    ("Green Futures Foundation", "ngo", "Project management"),
    ("{city} Chamber of Commerce", "private", "Co-funding and local suppliers"),
    ("Cities for Change network", "urban_network", "Peer learning with other cities"),
]
SCALES = ["neighbourhood", "city", "metropolitan", "regional", "national"]
STATUSES = ["idea", "pilot", "running", "running", "scaled_up", "completed", "completed"]
CONTINENT_WEIGHTS = {"AS": 3, "AF": 2, "EU": 2, "NA": 2, "SA": 2, "OC": 1}

FIRST_NAMES = [
    "Amina",
    "Lucas",
    "Mei",
    "Sofia",
    "Kwame",
    "Priya",
    "Jonas",
    "Lucía",
    "Omar",
    "Hana",
    "Diego",
    "Aisha",
    "Lars",
    "Nadia",
    "Tomás",
    "Yuki",
    "Elif",
    "Samuel",
]
LAST_NAMES = [
    "Okafor",
    "de Vries",
    "Chen",
    "Rossi",
    "Mensah",
    "Sharma",
    "Berg",
    "García",
    "Haddad",
    "Sato",
    "Silva",
    "Bello",
    "Nilsen",
    "Petrova",
    "Costa",
    "Yilmaz",
]
# Every title names a topic and a place, so titles are told apart by those (see _article_order).
ARTICLE_TITLES = [
    "What {city} taught us about {topic}",
    "Learning across borders: {topic} from {city}",
    "Why {topic} projects stall in {city}, and what helps",
    "From pilot to policy: {topic} in {city}",
    "Interview: a decade of {topic} work in {city}",
    "Counting what matters: evaluating {topic} in {city}",
]
SUMMARIES = [
    "{project} in {city}: how the city and its partners worked to {aim}.",
    "How {city} used {phrase} to {aim}.",
    "{city} started {phrase} in {start_year} to {aim}; {outcome}.",
    "In {city}, {partner} and the city set up {phrase}: {outcome}.",
    "What {city} learned from {phrase}, meant to {aim}.",
    "Since {start_year}, {city} has relied on {phrase} to {aim}.",
    "{Phrase} at {scale} scale in {city}, meant to {aim}.",
]
OUTCOMES = [
    "it now runs every year",
    "it reached thousands of households",
    "other districts copied it",
    "it was scaled up after three years",
    "it changed how the city sets its budget",
    "its results were published openly",
    "it survived two changes of mayor",
]
BODY_OPENINGS = [
    "Since {start_year}, {city} has run {phrase} to {aim}.",
    "{Phrase} began in {city} in {start_year} with a simple aim: to {aim}.",
    "{city} set up {phrase} in {start_year}, after residents asked the city to {aim}.",
]
BODY_MIDDLES = [
    "The project brought together the city administration, local organisations and "
    "residents, and was adjusted every year based on what the partners measured.",
    "Partners met every month; a small team inside the city kept the work going between "
    "meetings and published what it learned.",
    "It started in one neighbourhood; each new district adapted it to its own streets and "
    "people before joining.",
]
ARTICLE_SUMMARIES = [
    "A look at {phrase} and what other cities can take from it.",
    "What {phrase} in {city} and elsewhere shows about {topic}.",
    "Evidence from cities that tried {phrase}: what worked, what did not, and why.",
    "People who work on {topic} explain how {phrase} grew in their cities.",
]
