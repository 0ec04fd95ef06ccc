"""The titles and introductions of the platform's own pages in each language the site ships
(issue 15): written by people, not machine-translated. `home.locale_trees` creates the pages
from them; the longer body text of each page stays in English until editors translate it in
wagtail-localize's editor."""

# {slug: {language: (title, introduction)}}; "" is the home page.
PAGES = {
    "": {
        "fr": (
            "Closer Cities",
            "Des villes qui apprennent les unes des autres : pratiques et recherches urbaines au service des Objectifs de développement durable.",
        ),
        "es": (
            "Closer Cities",
            "Ciudades que aprenden unas de otras: prácticas e investigación urbanas al servicio de los Objetivos de Desarrollo Sostenible.",
        ),
        "ar": (
            "Closer Cities",
            "مدن تتعلّم بعضها من بعض: ممارسات وأبحاث حضرية في خدمة أهداف التنمية المستدامة.",
        ),
        "zh-hans": ("Closer Cities", "城市相互学习：服务于可持续发展目标的城市实践与城市研究。"),
        "ru": (
            "Closer Cities",
            "Города учатся друг у друга: городская практика и исследования на пути к Целям в области устойчивого развития.",
        ),
        "pt": (
            "Closer Cities",
            "Cidades que aprendem umas com as outras: práticas e pesquisa urbanas a serviço dos Objetivos de Desenvolvimento Sustentável.",
        ),
    },
    "cases": {
        "fr": (
            "Cas",
            "Des pratiques urbaines de villes du monde entier, avec leurs acteurs, leurs enseignements et les obstacles rencontrés.",
        ),
        "es": (
            "Casos",
            "Prácticas urbanas de ciudades de todo el mundo, con sus actores, sus lecciones y los obstáculos encontrados.",
        ),
        "ar": (
            "الحالات",
            "ممارسات حضرية من مدن العالم، مع الجهات المشاركة فيها والدروس المستفادة والعقبات التي واجهتها.",
        ),
        "zh-hans": ("案例", "来自世界各地城市的实践，包括参与者、经验教训和遇到的障碍。"),
        "ru": (
            "Кейсы",
            "Городские практики со всего мира: участники, извлечённые уроки и встреченные препятствия.",
        ),
        "pt": (
            "Casos",
            "Práticas urbanas de cidades do mundo inteiro, com seus atores, lições aprendidas e obstáculos enfrentados.",
        ),
    },
    "science": {
        "fr": (
            "Science",
            "Réflexions, entretiens et synthèses de recherche de chercheurs en études urbaines, liés aux cas qu'ils analysent.",
        ),
        "es": (
            "Ciencia",
            "Reflexiones, entrevistas y resúmenes de investigación de especialistas urbanos, vinculados a los casos que analizan.",
        ),
        "ar": (
            "العلوم",
            "تأملات ومقابلات وملخصات بحثية يكتبها باحثون في الشؤون الحضرية، مرتبطة بالحالات التي يناقشونها.",
        ),
        "zh-hans": ("科学", "城市研究者撰写的思考、访谈和研究综述，并与其讨论的案例相关联。"),
        "ru": (
            "Наука",
            "Размышления, интервью и обзоры исследований урбанистов, связанные с обсуждаемыми кейсами.",
        ),
        "pt": (
            "Ciência",
            "Reflexões, entrevistas e resumos de pesquisa de especialistas urbanos, ligados aos casos que discutem.",
        ),
    },
    "submit-a-case": {
        "fr": (
            "Soumettre un cas",
            "Racontez-nous un projet urbain de votre ville : ce que vous avez essayé, ce qui a marché et ce qui n'a pas marché. Une équipe éditoriale le relit avant publication.",
        ),
        "es": (
            "Enviar un caso",
            "Cuéntenos un proyecto urbano de su ciudad: qué intentaron, qué funcionó y qué no. Un equipo editorial lo revisa antes de publicarlo.",
        ),
        "ar": (
            "أرسل حالة",
            "حدّثنا عن مشروع حضري في مدينتك: ما الذي جرّبتموه، وما الذي نجح وما الذي لم ينجح. يراجعه فريق التحرير قبل النشر.",
        ),
        "zh-hans": (
            "提交案例",
            "请介绍您所在城市的一个城市项目：尝试了什么、哪些有效、哪些无效。编辑会在发布前进行审核。",
        ),
        "ru": (
            "Отправить кейс",
            "Расскажите о городском проекте вашего города: что вы попробовали, что получилось и что нет. Редакция проверит его перед публикацией.",
        ),
        "pt": (
            "Enviar um caso",
            "Conte-nos sobre um projeto urbano da sua cidade: o que tentaram, o que funcionou e o que não funcionou. Uma equipe editorial o revisa antes da publicação.",
        ),
    },
    "tell-us-how-you-share": {
        "fr": (
            "Dites-nous comment vous partagez",
            "Un court questionnaire anonyme sur la manière dont les professionnels de la ville partagent et apprennent.",
        ),
        "es": (
            "Cuéntenos cómo comparte",
            "Un breve cuestionario anónimo sobre cómo comparten y aprenden los profesionales urbanos.",
        ),
        "ar": (
            "أخبرنا كيف تتشارك المعرفة",
            "استبيان قصير مجهول الهوية حول كيفية تبادل المهنيين الحضريين للمعرفة وتعلّمهم.",
        ),
        "zh-hans": ("告诉我们您如何分享", "一份简短的匿名问卷，了解城市从业者如何分享和学习。"),
        "ru": (
            "Расскажите, как вы делитесь опытом",
            "Короткий анонимный опрос о том, как городские специалисты делятся опытом и учатся.",
        ),
        "pt": (
            "Conte como você compartilha",
            "Um breve questionário anônimo sobre como os profissionais urbanos compartilham e aprendem.",
        ),
    },
    "about": {
        "fr": (
            "À propos",
            "Closer Cities est une plateforme ouverte où villes, ONG et chercheurs partagent leurs savoirs urbains, pour que ce qu'une ville apprend aide les autres.",
        ),
        "es": (
            "Acerca de",
            "Closer Cities es una plataforma abierta donde ciudades, ONG e investigadores comparten conocimiento urbano, para que lo que aprende una ciudad ayude a las demás.",
        ),
        "ar": (
            "حول المنصة",
            "‏Closer Cities منصة مفتوحة تتبادل فيها المدن والمنظمات غير الحكومية والباحثون المعرفة الحضرية، كي يفيد ما تتعلّمه مدينة المدنَ الأخرى.",
        ),
        "zh-hans": (
            "关于",
            "Closer Cities 是一个开放平台，城市、非政府组织和研究人员在此分享城市知识，让一座城市的经验帮助其他城市。",
        ),
        "ru": (
            "О платформе",
            "Closer Cities — открытая платформа, на которой города, НКО и исследователи делятся городскими знаниями, чтобы опыт одного города помогал другим.",
        ),
        "pt": (
            "Sobre",
            "Closer Cities é uma plataforma aberta onde cidades, ONGs e pesquisadores compartilham conhecimento urbano, para que o que uma cidade aprende ajude as outras.",
        ),
    },
    "objectives": {
        "fr": (
            "Objectifs",
            "Closer Cities veut que les savoirs urbains voyagent, de la ville qui a appris à celle qui en a besoin. Elle fait cinq promesses.",
        ),
        "es": (
            "Objetivos",
            "Closer Cities quiere que el conocimiento urbano viaje, de la ciudad que aprendió a la que lo necesita. Hace cinco promesas.",
        ),
        "ar": (
            "الأهداف",
            "تريد Closer Cities أن تنتقل المعرفة الحضرية من المدينة التي تعلّمت إلى المدينة التي تحتاج إليها. وهي تقطع خمسة وعود.",
        ),
        "zh-hans": (
            "目标",
            "Closer Cities 希望城市知识能够流动：从积累经验的城市传到需要它的城市。为此它作出五项承诺。",
        ),
        "ru": (
            "Цели",
            "Closer Cities хочет, чтобы городские знания путешествовали — от города, который чему-то научился, к городу, которому это нужно. Платформа даёт пять обещаний.",
        ),
        "pt": (
            "Objetivos",
            "Closer Cities quer que o conhecimento urbano viaje, da cidade que aprendeu para a cidade que precisa dele. Faz cinco promessas.",
        ),
    },
    "research-questions": {
        "fr": (
            "Questions de recherche",
            "Closer Cities est aussi un projet de recherche sur la circulation des savoirs urbains. Voici les questions qu'il pose.",
        ),
        "es": (
            "Preguntas de investigación",
            "Closer Cities es también un proyecto de investigación sobre cómo circula el conocimiento urbano. Estas son sus preguntas.",
        ),
        "ar": (
            "أسئلة البحث",
            "‏Closer Cities مشروع بحثي أيضاً حول كيفية انتقال المعرفة الحضرية. هذه هي الأسئلة التي يطرحها.",
        ),
        "zh-hans": (
            "研究问题",
            "Closer Cities 也是一个研究城市知识如何传播的项目。以下是它提出的问题。",
        ),
        "ru": (
            "Исследовательские вопросы",
            "Closer Cities — это и исследовательский проект о том, как распространяются городские знания. Вот вопросы, которые он ставит.",
        ),
        "pt": (
            "Perguntas de pesquisa",
            "Closer Cities é também um projeto de pesquisa sobre como o conhecimento urbano circula. Estas são as perguntas que faz.",
        ),
    },
    "principles": {
        "fr": ("Principes", "Six principes guident le fonctionnement de la plateforme."),
        "es": ("Principios", "Seis principios guían el funcionamiento de la plataforma."),
        "ar": ("المبادئ", "ستة مبادئ توجّه طريقة إدارة المنصة."),
        "zh-hans": ("原则", "六项原则指导着平台的运作。"),
        "ru": ("Принципы", "Работой платформы руководят шесть принципов."),
        "pt": ("Princípios", "Seis princípios orientam o funcionamento da plataforma."),
    },
    "contact": {
        "fr": ("Contact", "Écrivez à l'équipe éditoriale de Closer Cities."),
        "es": ("Contacto", "Escriba al equipo editorial de Closer Cities."),
        "ar": ("اتصل بنا", "راسل فريق تحرير Closer Cities."),
        "zh-hans": ("联系", "请写信给 Closer Cities 编辑团队。"),
        "ru": ("Контакты", "Напишите редакции Closer Cities."),
        "pt": ("Contato", "Escreva para a equipe editorial de Closer Cities."),
    },
    "privacy": {
        "fr": (
            "Confidentialité",
            "Votre nom et votre adresse ne servent qu'à vous informer de la relecture ; ils ne sont jamais publiés et sont effacés deux ans après. Les recherches sont enregistrées de façon anonyme.",
        ),
        "es": (
            "Privacidad",
            "Su nombre y su dirección solo sirven para informarle de la revisión; nunca se publican y se borran dos años después. Las búsquedas se registran de forma anónima.",
        ),
        "ar": (
            "الخصوصية",
            "لا يُستخدم اسمك وعنوانك إلا لإبلاغك بسير المراجعة؛ ولا يُنشران أبداً ويُحذفان بعد عامين. وتُسجَّل عمليات البحث دون تحديد الهوية.",
        ),
        "zh-hans": (
            "隐私",
            "您的姓名和地址仅用于告知您审核进展，绝不公开，并在两年后删除。搜索记录以匿名方式保存。",
        ),
        "ru": (
            "Конфиденциальность",
            "Ваше имя и адрес используются только для того, чтобы сообщать вам о ходе проверки; они никогда не публикуются и удаляются через два года. Поисковые запросы записываются анонимно.",
        ),
        "pt": (
            "Privacidade",
            "Seu nome e endereço servem apenas para informá-lo sobre a revisão; nunca são publicados e são apagados dois anos depois. As buscas são registradas de forma anônima.",
        ),
    },
    "insights": {
        "fr": (
            "Éclairages",
            "Où et comment les savoirs urbains se partagent : des chiffres tirés des réponses des visiteurs, sans jamais montrer un groupe de moins de cinq.",
        ),
        "es": (
            "Perspectivas",
            "Dónde y cómo se comparte el conocimiento urbano: cifras a partir de las respuestas de los visitantes, sin mostrar nunca grupos de menos de cinco.",
        ),
        "ar": (
            "رؤى",
            "أين وكيف تُتبادل المعرفة الحضرية: أرقام مستخلصة من إجابات الزوار، دون إظهار أي مجموعة تقل عن خمسة.",
        ),
        "zh-hans": (
            "洞察",
            "城市知识在哪里、以何种方式分享：来自访客回答的数据，人数少于五人的群体从不显示。",
        ),
        "ru": (
            "Аналитика",
            "Где и как делятся городскими знаниями: данные из ответов посетителей, без групп меньше пяти человек.",
        ),
        "pt": (
            "Percepções",
            "Onde e como o conhecimento urbano é compartilhado: números das respostas dos visitantes, sem nunca mostrar grupos com menos de cinco.",
        ),
    },
    "benchmark": {
        "fr": (
            "Comparez votre projet",
            "Décrivez un projet urbain, dans la langue de votre choix, et voyez comment il se situe par rapport aux cas publiés qui lui ressemblent le plus : leur état d'avancement, leur durée, qui y a participé, leur auto-évaluation et ce qu'ils ont appris.",
        ),
        "es": (
            "Compare su proyecto",
            "Describa un proyecto urbano, en cualquier idioma, y vea cómo se compara con los casos publicados más parecidos: su estado, cuánto tiempo llevan en marcha, quién participó, cómo se autoevalúan y qué aprendieron.",
        ),
        "ar": (
            "قارن مشروعك",
            "صِف مشروعًا حضريًا بأي لغة، واطّلع على موقعه مقارنةً بأكثر الحالات المنشورة شبهًا به: حالتها، ومدة تنفيذها، ومن شارك فيها، وكيف تقيّم نفسها، وما الذي تعلّمته.",
        ),
        "zh-hans": (
            "为您的项目做对标",
            "用任何语言描述一个城市项目，看看它与最相似的已发布案例相比如何：它们的状态、实施时长、参与者、自我评估以及收获的经验。",
        ),
        "ru": (
            "Сравните свой проект",
            "Опишите городской проект на любом языке и посмотрите, как он выглядит на фоне наиболее похожих опубликованных кейсов: их статус, продолжительность, участники, самооценка и извлечённые уроки.",
        ),
        "pt": (
            "Compare o seu projeto",
            "Descreva um projeto urbano, em qualquer idioma, e veja como ele se compara aos casos publicados mais parecidos: sua situação, há quanto tempo estão em andamento, quem participou, como se autoavaliam e o que aprenderam.",
        ),
    },
    "events": {
        "fr": (
            "Événements",
            "Ateliers, groupes de discussion, conférences, webinaires et visites d'étude où les professionnels de la ville apprennent les uns des autres. Ajoutez-les à votre agenda.",
        ),
        "es": (
            "Eventos",
            "Talleres, grupos focales, conferencias, seminarios web y visitas de estudio donde los profesionales urbanos aprenden unos de otros. Añádalos a su calendario.",
        ),
        "ar": (
            "الفعاليات",
            "ورش عمل ومجموعات نقاش ومؤتمرات وندوات عبر الإنترنت وزيارات دراسية يتعلّم فيها المهنيون الحضريون بعضهم من بعض. أضفها إلى تقويمك.",
        ),
        "zh-hans": (
            "活动",
            "城市从业者相互学习的工作坊、焦点小组、会议、网络研讨会和考察访问。将它们添加到您的日历。",
        ),
        "ru": (
            "Мероприятия",
            "Семинары, фокус-группы, конференции, вебинары и учебные поездки, на которых городские специалисты учатся друг у друга. Добавьте их в свой календарь.",
        ),
        "pt": (
            "Eventos",
            "Oficinas, grupos focais, conferências, webinars e visitas de estudo onde profissionais urbanos aprendem uns com os outros. Adicione-os à sua agenda.",
        ),
    },
    "library": {
        "fr": (
            "Bibliothèque des politiques",
            "Politiques, stratégies, plans, règlements, évaluations, boîtes à outils et rapports des villes et de leurs partenaires, à retrouver par objectif, thème, lieu et année, avec une recherche jusque dans le texte de leurs fichiers.",
        ),
        "es": (
            "Biblioteca de políticas",
            "Políticas, estrategias, planes, normativas, evaluaciones, guías y informes de ciudades y sus socios, que se pueden encontrar por objetivo, tema, lugar y año, con búsqueda en el texto de sus archivos.",
        ),
        "ar": (
            "مكتبة السياسات",
            "سياسات واستراتيجيات وخطط ولوائح وتقييمات وأدلة عمل وتقارير من المدن وشركائها، يمكن العثور عليها حسب الهدف والموضوع والمكان والسنة، ويشمل البحث نصوص ملفاتها.",
        ),
        "zh-hans": (
            "政策文库",
            "来自城市及其合作伙伴的政策、战略、规划、法规、评估、工具包和报告，可按目标、主题、地点和年份查找，并可检索文件全文。",
        ),
        "ru": (
            "Библиотека политик",
            "Политики, стратегии, планы, нормативные акты, оценки, методические пособия и отчёты городов и их партнёров: поиск по цели, теме, месту и году, вплоть до текста самих файлов.",
        ),
        "pt": (
            "Biblioteca de políticas",
            "Políticas, estratégias, planos, regulamentos, avaliações, guias e relatórios de cidades e seus parceiros, encontráveis por objetivo, tema, lugar e ano, com busca até no texto de seus arquivos.",
        ),
    },
    "propose-a-document": {
        "fr": (
            "Proposer un document",
            "Vous connaissez une politique ou une stratégie que d'autres villes devraient lire ? Proposez-la pour la bibliothèque. Nos modérateurs examinent chaque proposition avant publication.",
        ),
        "es": (
            "Proponer un documento",
            "¿Conoce una política o estrategia que otras ciudades deberían leer? Propóngala para la biblioteca. Nuestros moderadores revisan cada propuesta antes de publicarla.",
        ),
        "ar": (
            "اقترح وثيقة",
            "هل تعرف وثيقة سياسة أو استراتيجية ينبغي أن تطّلع عليها مدن أخرى؟ اقترحها للمكتبة. يراجع المشرفون كل اقتراح قبل نشره.",
        ),
        "zh-hans": (
            "推荐文件",
            "知道其他城市值得一读的政策或战略文件吗？推荐给文库。我们的审核员会在发布前审核每一份推荐。",
        ),
        "ru": (
            "Предложить документ",
            "Знаете политику или стратегию, которую стоит прочитать другим городам? Предложите её для библиотеки. Модераторы проверяют каждое предложение перед публикацией.",
        ),
        "pt": (
            "Propor um documento",
            "Conhece uma política ou estratégia que outras cidades deveriam ler? Proponha-a para a biblioteca. Nossos moderadores revisam cada proposta antes de publicá-la.",
        ),
    },
    "partners": {
        "fr": (
            "Partenaires",
            "Gouvernements, universités, réseaux de villes, entreprises, société civile et ONG qui partagent ce qui fonctionne dans les villes grâce à Closer Cities.",
        ),
        "es": (
            "Socios",
            "Gobiernos, universidades, redes urbanas, empresas, sociedad civil y ONG que comparten lo que funciona en las ciudades a través de Closer Cities.",
        ),
        "ar": (
            "الشركاء",
            "حكومات وجامعات وشبكات حضرية وشركات ومجتمع مدني ومنظمات غير حكومية تتبادل عبر Closer Cities ما ينجح في المدن.",
        ),
        "zh-hans": (
            "合作伙伴",
            "通过 Closer Cities 分享城市成功经验的政府、大学、城市网络、企业、民间社会和非政府组织。",
        ),
        "ru": (
            "Партнёры",
            "Органы власти, университеты, городские сети, компании, гражданское общество и НКО, которые делятся через Closer Cities тем, что работает в городах.",
        ),
        "pt": (
            "Parceiros",
            "Governos, universidades, redes urbanas, empresas, sociedade civil e ONGs que compartilham o que funciona nas cidades por meio do Closer Cities.",
        ),
    },
    "become-a-partner": {
        "fr": (
            "Devenir partenaire",
            "Présentez votre organisation et ce qu'elle apporterait : des cas, de la recherche, des événements, un financement ou un réseau de villes. Nous répondons à chaque demande.",
        ),
        "es": (
            "Hágase socio",
            "Cuéntenos sobre su organización y lo que aportaría: casos, investigación, eventos, financiación o una red de ciudades. Respondemos a cada solicitud.",
        ),
        "ar": (
            "كن شريكًا",
            "أخبرنا عن مؤسستك وما ستقدّمه: حالات أو أبحاث أو فعاليات أو تمويل أو شبكة من المدن. نرد على كل طلب.",
        ),
        "zh-hans": (
            "成为合作伙伴",
            "请介绍您的机构及其能带来的贡献：案例、研究、活动、资金或城市网络。我们会回复每一份申请。",
        ),
        "ru": (
            "Стать партнёром",
            "Расскажите о своей организации и о том, что она может предложить: кейсы, исследования, мероприятия, финансирование или сеть городов. Мы отвечаем на каждую заявку.",
        ),
        "pt": (
            "Torne-se parceiro",
            "Conte-nos sobre sua organização e o que ela traria: casos, pesquisa, eventos, financiamento ou uma rede de cidades. Respondemos a cada pedido.",
        ),
    },
}
