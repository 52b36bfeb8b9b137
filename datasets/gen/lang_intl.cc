// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Spanish, French, Russian, Chinese and Arabic: one general topic each, a few hundred words and a dozen or so
// sentence templates, enough for articles whose words and near-duplicates behave like real ones
// (accents, Cyrillic inflection, guillemets, Han text without spaces). Grammar is kept plausible by
// building noun phrases whole and choosing subjects that need no agreement (plural subjects in Russian,
// singular ones in Spanish and French).

#include "datasets/gen/languages.h"

namespace neardup::datagen {

std::unique_ptr<Language> BuildSpanish() {
  auto es = std::make_unique<Language>("es", true);
  Language& l = *es;
  l.set_decimal_mark(',');
  l.set_thousands_sep('.');
  l.AddTopic("general", "noticias");
  l.AddList(nullptr, "SUJ",
            "el Gobierno|la empresa|el ayuntamiento de {L}|la oposición|el sindicato|el Ministerio de "
            "Economía|"
            "la patronal|el banco central|la fiscalía|el tribunal supremo|la alcaldesa|el consejo regional|"
            "la asociación de vecinos");
  l.AddList(nullptr, "VPAST",
            "anunció|aprobó|rechazó|presentó|defendió|criticó|propuso|suspendió|amplió|redujo|retrasó|firmó|"
            "negoció|revisó|financió|paralizó",
            WordClass::kVerb);
  l.AddList(nullptr, "HEAD",
            "el plan|la reforma|el proyecto|la ley|el programa|la estrategia|el fondo|la subida|el recorte|"
            "la ayuda|el acuerdo|el informe|el presupuesto|la inversión|la normativa",
            WordClass::kNoun);
  l.AddList(nullptr, "TEMA",
            "vivienda|transporte|empleo|energía|educación|sanidad|agua|seguridad|turismo|pensiones|comercio|"
            "agricultura|cultura|pesca|investigación|innovación",
            WordClass::kNoun);
  l.AddList(nullptr, "ADJ", "nacional|regional|municipal|fiscal|social|anual|especial|global",
            WordClass::kAdj);
  // Named things ("el proyecto Orvane") make sentences of different stories differ.
  l.AddList(nullptr, "THING",
            "el proyecto {NEW}|el plan {NEW}|la ley {NEW}|el programa {NEW}|la reforma {NEW}");
  l.AddList(nullptr, "OBJ", "{X}|{X}|{HEAD} de {TEMA}|{HEAD} {ADJ} de {TEMA}");
  l.AddList(
      nullptr, "GRP",
      "vecinos|trabajadores|agricultores|estudiantes|médicos|comerciantes|jubilados|conductores|docentes|"
      "pacientes",
      WordClass::kNoun);
  l.AddList(nullptr, "MES",
            "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre");
  l.AddList(nullptr, "DIA",
            "el lunes|el martes|el miércoles|el jueves|el viernes|el sábado|el domingo|la semana pasada|"
            "este mes|a principios de {MES}");
  l.AddList(nullptr, "CONN",
            "Sin embargo,|Además,|Por otra parte,|Mientras tanto,|En cambio,|Por su parte,|Al mismo tiempo,|"
            "Según fuentes oficiales,");
  l.AddList(nullptr, "ADV", "finalmente|rápidamente|oficialmente|también|ya|todavía|previamente|públicamente",
            WordClass::kAdv);
  l.AddList(nullptr, "DIJO", "dijo|afirmó|aseguró|explicó|señaló|advirtió|indicó");
  l.AddList(nullptr, "VINF", "aprobar|retrasar|defender|cambiar|revisar|financiar|rechazar|ampliar",
            WordClass::kVerb);
  l.AddList(nullptr, "VPART", "aprobado|rechazado|presentado|defendido|criticado|negociado",
            WordClass::kVerb);
  l.AddList(nullptr, "ROLE",
            "portavoz de {O}|presidente de {O}|ministra de Hacienda|alcalde de {L}|secretaria general de {O}|"
            "director de {O}|economista de {O}|consejero de Sanidad");
  l.AddList(nullptr, "ORG",
            "Banco Central de {C}|Universidad de {L}|{SN} Inversiones|Cámara de Comercio de {L}|"
            "Instituto Nacional de Estadística|Transportes {SN}|Confederación de Trabajadores|Fundación {SN}|"
            "Grupo {SN}");
  l.AddList(nullptr, "MONEY",
            "{DEC} millones de euros|{NUM} millones de euros|{DEC} millones de dólares|{NUM} euros");
  l.AddList(nullptr, "PCT", "{DEC} %|{DEC} por ciento|{NUMS} por ciento");
  l.AddList(nullptr, "FIGURE", "{DEC} millones de euros|{NUM} millones de euros");
  l.AddList(nullptr, "QUOTE",
            "<no vamos a|queremos> {VINF} {OBJ}|es un día <importante|histórico|difícil> para {L}|"
            "los {GRP} merecen respuestas|<esto|esta decisión> no puede <esperar|repetirse>|"
            "hemos trabajado <meses|años> en {OBJ}|nadie esperaba {OBJ}|"
            "es ingenuo pensar que {OBJ} lo resolverá todo");
  l.AddList(
      nullptr, "CLAUSE",
      "{SUJ} {VPAST} {OBJ}|{OBJ} <costará|supondrá> {MONEY}|los {GRP} <no están|están> preparados "
      "para {OBJ}|"
      "{OBJ} <entrará|podría entrar> en vigor en {MES}|<más de|casi> {NUM} {GRP} <apoyan|rechazan> {OBJ}");
  l.AddList(nullptr, "QQ", "quién va a pagar {OBJ}|por qué se retrasa {OBJ}|qué pasará con {OBJ}");
  for (const char* body : {
           "{P} {DIJO} {DIA} que {CLAUSE}.",
           "{SUJ} {VPAST} {DIA} {OBJ}, según <fuentes de|un comunicado de|datos de> {O}.",
           "“{QUOTE:c}”, {DIJO} {P}.",
           "{CONN} {SUJ} {VPAST} {OBJ} {ADV}.",
           "Según {O}, <más de|casi|unos> {NUM} {GRP} de {L} <protestaron contra|firmaron contra|apoyaron> "
           "{OBJ}.",
           "{PR} {DIJO} que {CLAUSE}.",
           "La decisión de {P} llega tras {NUM} días de <debate|negociaciones|tensiones> sobre {OBJ}.",
           "¿{QQ:c}?, <preguntó|se preguntó> {P}.",
           "{OBJ} <tendrá|tuvo> un coste de {MONEY}, <según|de acuerdo con> {O}.",
           "En {YEAR}, {SUJ} ya {VPAST} {OBJ} en {L}.",
           "Los {GRP} de {L} <llevan|llevaban> <meses|años> <reclamando|pidiendo|esperando> {OBJ}.",
           "Según {P}, {OBJ} entrará en vigor en {MES} de {YEAR}.",
           "El <índice de precios|paro|precio de la vivienda|consumo> <subió|bajó|creció|cayó> un {PCT} en "
           "{MES}.",
           "{SUJ} — que <ya|nunca> había {VPART} {OBJ} — <anunció|confirmó> {DIA} que {P} "
           "<dirigirá|revisará> "
           "{X}.",
           "<Fuentes|Portavoces> de {O} <confirmaron|negaron> que {CLAUSE}.",
           "{P} <insistió|recordó> en que “{QUOTE}”.",
       }) {
    l.AddList(nullptr, "BODY", body);
  }
  l.AddList(nullptr, "HEADLINE",
            "{SUJ} {VPAST} {OBJ}|Los {GRP} de {L}, contra {OBJ}|{P:l} defiende {OBJ}|{OBJ}: {NUM} {GRP} "
            "afectados|"
            "{L} <aprueba|rechaza|estudia> {OBJ}");
  l.AddList(nullptr, "SAYM", "dijo");
  l.AddList(nullptr, "SAYF", "dijo");
  l.AddList(nullptr, "AGENCY", "Agencia Meridiana|Prensa del Sur|Servicio Informativo Austral");
  l.AddList(nullptr, "DATELINE", "{L:u}, {D} de {MES} ({AG}) —|{L:u} —");
  l.AddWords(
      "FIRST_F",
      "María|Lucía|Sofía|Carmen|Ana|Elena|Isabel|Pilar|Begoña|Nuria|Marta|Inés|Rocío|Ainhoa|Julia|Ximena|"
      "Lourdes|Concepción");
  l.AddWords("FIRST_M",
             "José|Javier|Carlos|Andrés|Jesús|Álvaro|Sergio|Íñigo|Raúl|Tomás|Joaquín|Ramón|Rubén|Óscar|Pablo|"
             "Agustín|Martín");
  l.AddWords(
      "SN_ROOT",
      "Albar|Bel|Cas|Dom|Esc|Fig|Gal|Herr|Ib|Lar|Mend|Nav|Ort|Pach|Quin|Rív|Sal|Tej|Urr|Vál|Zab|Peñ|Muñ");
  l.AddWords("SN_END", "ero|ado|ínez|uela|ano|ez|era|oso|illa|ón|iz|ales");
  l.AddWords("SURNAME", "Echeverría|Santamaría|Ibáñez|Zubizarreta|Olmedo|Cifuentes|Bermúdez|Garcés");
  l.AddWords("NAME_A",
             "Or|Kel|Vas|Tam|Bri|Hal|Cor|Del|Fen|Gil|Jor|Lin|Mar|Nev|Pal|Ros|Sol|Tor|Var|Zan|Ast|Bel");
  l.AddWords("NAME_B", "ana|ora|ix|eón|ento|ía|ero|illa|ano|ez|ura|eda|ón|ares|alia");
  l.AddWords("CITY_PRE", "San|Santa|Villa|Puerto");
  l.AddWords("CITY_ROOT", "Alm|Ber|Cal|Dor|Esp|Fuen|Gran|Mir|Nav|Ol|Quin|Ros|Tor|Val");
  l.AddWords("CITY_END", "era|illa|ón|ares|edo|ía|ena|ote|ancia|uela");
  l.AddWords("COUNTRY", "Valdoria|Estrelia|Castañar|Montavia|Lusitra|Serravia|Marivel|Corvalia");
  l.Validate();
  return es;
}

std::unique_ptr<Language> BuildFrench() {
  auto fr = std::make_unique<Language>("fr", true);
  Language& l = *fr;
  l.set_decimal_mark(',');
  l.AddTopic("general", "actualite");
  l.AddList(nullptr, "SUJ",
            "le gouvernement|la mairie de {L}|l'entreprise|le ministère de l'Économie|la région|le syndicat|"
            "l'opposition|la commission|le conseil municipal|la préfecture|la banque centrale|"
            "l'association des riverains");
  l.AddList(nullptr, "VPAST",
            "a annoncé|a approuvé|a rejeté|a présenté|a défendu|a critiqué|a proposé|a suspendu|a prolongé|"
            "a réduit|a reporté|a signé|a financé|a révisé",
            WordClass::kVerb);
  l.AddList(nullptr, "HEAD",
            "le plan|la réforme|le projet|la loi|le programme|la stratégie|le fonds|la hausse|la "
            "baisse|l'aide|"
            "l'accord|le rapport|le budget|l'investissement",
            WordClass::kNoun);
  l.AddList(nullptr, "TEMA",
            "le logement|les transports|l'emploi|l'énergie|l'éducation|la santé|l'eau|la sécurité|le "
            "tourisme|"
            "les retraites|le commerce|l'agriculture|la culture|la pêche|la recherche",
            WordClass::kNoun);
  l.AddList(nullptr, "THING",
            "le projet {NEW}|le plan {NEW}|la loi {NEW}|le programme {NEW}|la réforme {NEW}");
  l.AddList(nullptr, "OBJ", "{X}|{X}|{HEAD} <pour|sur> {TEMA}|{HEAD} de {L} <pour|sur> {TEMA}");
  l.AddList(
      nullptr, "GRP",
      "habitants|salariés|agriculteurs|étudiants|médecins|commerçants|retraités|conducteurs|enseignants|"
      "patients",
      WordClass::kNoun);
  l.AddList(nullptr, "MOIS",
            "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre");
  l.AddList(
      nullptr, "DIA",
      "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|la semaine dernière|ce mois-ci|début {MOIS}");
  l.AddList(nullptr, "CONN",
            "Cependant,|Par ailleurs,|En revanche,|Pendant ce temps,|De son côté,|Selon des sources "
            "officielles,|"
            "Dans le même temps,|Pourtant,");
  l.AddList(nullptr, "ADV",
            "finalement|rapidement|officiellement|aussi|déjà|encore|publiquement|discrètement",
            WordClass::kAdv);
  l.AddList(nullptr, "DIT", "a déclaré|a affirmé|a assuré|a expliqué|a souligné|a averti|a indiqué");
  l.AddList(nullptr, "VINF", "approuver|reporter|défendre|changer|réviser|financer|rejeter|prolonger",
            WordClass::kVerb);
  l.AddList(nullptr, "ROLE",
            "porte-parole de {O}|président de {O}|ministre de l'Économie|maire de {L}|secrétaire générale "
            "de {O}|"
            "directeur de {O}|économiste chez {O}|préfète de la région");
  l.AddList(nullptr, "ORG",
            "la Banque de {C}|l'Université de {L}|{SN} Investissements|la Chambre de commerce de {L}|"
            "l'Institut national de la statistique|Transports {SN}|la Confédération des travailleurs|"
            "la Fondation {SN}|le groupe {SN}");
  l.AddList(nullptr, "MONEY",
            "{DEC} millions d'euros|{NUM} millions d'euros|{DEC} milliards d'euros|{NUM} euros");
  l.AddList(nullptr, "PCT", "{DEC} %|{NUMS} %");
  l.AddList(nullptr, "FIGURE", "{DEC} millions d'euros|{DEC} milliards d'euros");
  l.AddList(nullptr, "QUOTE",
            "nous allons {VINF} {OBJ}|c'est une journée <importante|historique|difficile> pour {L}|"
            "les {GRP} méritent des réponses|cette décision ne peut pas attendre|"
            "nous travaillons depuis des mois sur {OBJ}|personne n'avait prévu {OBJ}|"
            "il serait naïf de croire que {OBJ} suffira");
  l.AddList(nullptr, "CLAUSE",
            "{SUJ} {VPAST} {OBJ}|{OBJ} coûtera {MONEY}|les {GRP} ne sont pas prêts pour {OBJ}|"
            "{OBJ} pourrait entrer en vigueur en {MOIS}|<plus de|près de> {NUM} {GRP} "
            "<soutiennent|rejettent> {OBJ}");
  for (const char* body : {
           "{P} {DIT} {DIA} que {CLAUSE}.",
           "{SUJ} {VPAST} {DIA} {OBJ}, selon <un communiqué de|des sources proches de|les chiffres de> {O}.",
           "“{QUOTE:c}”, {DIT} {P}.",
           "{CONN} {SUJ} {VPAST} {OBJ} {ADV}.",
           "Selon {O}, <plus de|près de|environ> {NUM} {GRP} "
           "<ont manifesté contre|sont concernés par|ont signé une pétition contre> {OBJ}.",
           "{PR} {DIT} que {CLAUSE}.",
           "La décision de {P} intervient après {NUM} jours de <débats|négociations|tensions> sur {OBJ}.",
           "{OBJ} <coûtera|a coûté> {MONEY}, d'après {O}.",
           "En {YEAR}, {SUJ} avait déjà <présenté|proposé|rejeté> {OBJ} à {L}.",
           "Les {GRP} de {L} <réclament|attendent|dénoncent> {OBJ} depuis des <mois|années>.",
           "Pour {P}, {OBJ} entrera en vigueur en {MOIS} {YEAR}.",
           "Le <chômage|prix de l'immobilier|taux d'inflation|nombre de visiteurs> a "
           "<augmenté|baissé|progressé|reculé> de {PCT} en {MOIS}.",
           "{SUJ} — qui avait <déjà|longtemps> <critiqué|soutenu|défendu> {OBJ} — a <confirmé|annoncé> {DIA} "
           "que {P} <dirigera|révisera> {X}.",
           "Faut-il {VINF} {OBJ} ? La question divise les {GRP} de {L}.",
           "{P} a <rappelé|souligné> que “{QUOTE}”.",
       }) {
    l.AddList(nullptr, "BODY", body);
  }
  l.AddList(nullptr, "HEADLINE",
            "{SUJ} {VPAST} {OBJ}|{L} : {OBJ} <divise|inquiète> les {GRP}|{P:l} défend {OBJ}|"
            "{OBJ} : {NUM} {GRP} concernés");
  l.AddList(nullptr, "SAYM", "a déclaré");
  l.AddList(nullptr, "SAYF", "a déclaré");
  l.AddList(nullptr, "AGENCY", "Agence Méridienne|Presse du Nord|Dépêche Continentale");
  l.AddList(nullptr, "DATELINE", "{L:u} ({AG}) —");
  l.AddWords(
      "FIRST_F",
      "Camille|Léa|Chloé|Manon|Inès|Sophie|Hélène|Élise|Margaux|Juliette|Agnès|Noémie|Céline|Anaïs|Mathilde");
  l.AddWords(
      "FIRST_M",
      "Jérôme|Clément|Théo|Hugo|Louis|Étienne|François|Raphaël|Benoît|Julien|Mathieu|Gaël|Loïc|Cédric|Émile");
  l.AddWords("SN_ROOT", "Dub|Ber|Mor|Lef|Gir|Rous|Fauv|Chev|Lam|Duv|Bon|Mar|Pel|Ren|Gauth|Tess|Vall|Mén|Bér");
  l.AddWords("SN_END", "ois|ier|eau|and|et|ard|ault|ène|ière|ot|in|on|erre");
  l.AddWords("SURNAME", "Lefèvre|Desrosiers|Chauvière|Beaulieu|Mérieux");
  l.AddWords("NAME_A",
             "Or|Kel|Vas|Tam|Bri|Hal|Cor|Del|Fen|Gil|Jor|Lin|Mar|Nev|Pal|Ros|Sol|Tor|Var|Zan|Ast|Bel");
  l.AddWords("NAME_B", "ane|ora|ix|éon|ance|ière|ac|elle|eau|ine|ule|ède|on|ès|alie");
  l.AddWords("CITY_PRE", "Saint|Sainte|Mont|Port|Val");
  l.AddWords("CITY_ROOT", "Aub|Bel|Chal|Dor|Esc|Font|Gren|Lun|Mar|Nev|Roc|Sav|Vern");
  l.AddWords("CITY_END", "ière|ac|ay|eux|ourg|ans|elle|ange|ois|onne");
  l.AddWords("COUNTRY", "Valdorie|Norvanie|Estrélie|Montavie|Serravie|Ménardie|Corvalie");
  l.Validate();
  return fr;
}

std::unique_ptr<Language> BuildRussian() {
  auto ru = std::make_unique<Language>("ru", true);
  Language& l = *ru;
  l.set_decimal_mark(',');
  l.AddTopic("general", "novosti");
  l.AddList(nullptr, "SUJ",
            "власти|депутаты|эксперты|аналитики|жители города|представители компании|чиновники|профсоюзы|"
            "местные власти|экологи|врачи|учителя",
            WordClass::kNoun);
  l.AddList(nullptr, "VPAST",
            "объявили|одобрили|отклонили|представили|поддержали|раскритиковали|предложили|приостановили|"
            "продлили|обсудили|утвердили|пересмотрели",
            WordClass::kVerb);
  l.AddList(nullptr, "HEAD",
            "новый план|проект|закон|бюджет|законопроект|пакет "
            "мер|договор|доклад|указ|порядок|тариф|стандарт",
            WordClass::kNoun);
  l.AddList(nullptr, "TEMA",
            "по жилью|по транспорту|по энергетике|по образованию|по здравоохранению|по безопасности|по "
            "туризму|"
            "по налогам|по пенсиям|по экологии|по сельскому хозяйству|по занятости",
            WordClass::kNoun);
  l.AddList(nullptr, "THING",
            "проект “{NEW}”|план “{NEW}”|закон “{NEW}”|законопроект “{NEW}”|договор “{NEW}”");
  l.AddList(nullptr, "OBJ", "{X}|{X}|{HEAD} {TEMA}");
  l.AddList(nullptr, "DAY",
            "в понедельник|во вторник|в среду|в четверг|в пятницу|в субботу|в воскресенье|на прошлой неделе|"
            "в начале месяца|накануне");
  l.AddList(nullptr, "MONTHP",
            "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре");
  l.AddList(nullptr, "MONTHG",
            "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря");
  l.AddList(nullptr, "CONN",
            "Однако,|Между тем,|Кроме того,|При этом,|Тем временем,|В то же время,|Впрочем,");
  l.AddList(nullptr, "ADV", "окончательно|быстро|официально|также|уже|ещё|публично|неожиданно",
            WordClass::kAdv);
  l.AddList(nullptr, "VINF",
            "утвердить|отложить|пересмотреть|поддержать|изменить|профинансировать|отклонить|продлить",
            WordClass::kVerb);
  l.AddList(nullptr, "GRPGEN", "жителей|работников|фермеров|студентов|врачей|пенсионеров|водителей|учителей",
            WordClass::kNoun);
  l.AddList(nullptr, "GRPDAT", "жителям|работникам|фермерам|студентам|врачам|пенсионерам|водителям|учителям",
            WordClass::kNoun);
  l.AddList(nullptr, "SAYM", "заявил|сообщил|отметил|подчеркнул|сказал");
  l.AddList(nullptr, "SAYF", "заявила|сообщила|отметила|подчеркнула|сказала");
  l.AddList(nullptr, "QUOTE",
            "мы <намерены|готовы> {VINF} {OBJ}|это <важный|исторический|трудный> день для "
            "<нашего города|всей страны|жителей>|люди заслуживают ответов|это решение не может ждать|"
            "мы работали над этим <месяцами|годами>|наивно думать, что {OBJ} решит все проблемы");
  l.AddList(nullptr, "MONEY", "{NUM} млн рублей|{DEC} млрд рублей|{NUM} тыс. рублей");
  l.AddList(nullptr, "PCT", "{DEC}%|{NUMS}%");
  l.AddList(nullptr, "FIGURE", "{DEC} млрд рублей");
  l.AddList(nullptr, "ROLE", "депутат|эксперт|аналитик|экономист|глава ведомства");
  l.AddList(nullptr, "ORG",
            "Министерство финансов|Центральный банк|городская администрация|компания “Северный ветер”|"
            "агентство “Вектор”");
  for (const char* body : {
           "{SUJ} {VPAST} {OBJ} {DAY}.",
           "“{QUOTE:c}”, — {SAYP}.",
           "По словам {P:g}, {OBJ} <обойдётся|может обойтись> в {MONEY}.",
           "{CONN} {SUJ} {VPAST} {OBJ} {ADV}.",
           "Более {NUM} {GRPGEN} <поддержали|раскритиковали|обсудили> {OBJ}.",
           "По данным {P:g}, {OBJ} <затронет|коснётся> более {NUM} {GRPGEN}.",
           "В {YEAR} году {SUJ} уже {VPAST} {OBJ}.",
           "Инфляция <выросла|снизилась> до {PCT} в {MONTHP}.",
           "{SUJ} <рассчитывают|надеются>, что {OBJ} <вступит в силу|будет принят> в {MONTHP} {YEAR} года.",
           "<Как|Как ранее> сообщалось, {SUJ} {VPAST} {OBJ} ещё в {MONTHP}.",
           "Эксперты <считают|полагают>, что {OBJ} <поможет|не поможет> {GRPDAT}.",
           "“{QUOTE:c}”, — {SAYP} <журналистам|на пресс-конференции|в интервью>.",
       }) {
    l.AddList(nullptr, "BODY", body);
  }
  l.AddList(nullptr, "HEADLINE",
            "{SUJ} {VPAST} {OBJ}|{OBJ}: мнения разделились|{P:l}: {OBJ} <необходим|обсуждается>");
  l.AddList(nullptr, "AGENCY", "Меридиан-Пресс|Северное агентство новостей");
  l.AddList(nullptr, "DATELINE", "{L:u}, {D} {MONTHG} ({AG}) —");
  l.AddWords("FIRST_M", "Алексей|Дмитрий|Сергей|Андрей|Михаил|Иван|Николай|Павел|Олег|Артём|Виктор|Егор");
  l.AddWords("FIRST_M_GEN",
             "Алексея|Дмитрия|Сергея|Андрея|Михаила|Ивана|Николая|Павла|Олега|Артёма|Виктора|Егора");
  l.AddWords("FIRST_F", "Анна|Мария|Елена|Ольга|Наталья|Татьяна|Ирина|Екатерина|Юлия|Светлана|Дарья|Алёна");
  l.AddWords("FIRST_F_GEN",
             "Анны|Марии|Елены|Ольги|Натальи|Татьяны|Ирины|Екатерины|Юлии|Светланы|Дарьи|Алёны");
  l.AddWords("SN_ROOT",
             "Бел|Вороб|Горд|Дуб|Ерм|Жук|Зайц|Кисел|Лебед|Мороз|Никит|Орл|Павл|Рогоз|Сафон|Тихон|Федот|Хром|"
             "Чернов|Щегл");
  l.AddWords("SN_END", "ов|ев|ин");
  l.AddWords("NAME_A", "Ор|Кел|Вас|Там|Бри|Хал|Кор|Дел|Фен|Гил|Лин|Мар|Нев|Пал|Рос|Сол|Тор|Вар|Зан|Аст");
  l.AddWords("NAME_B", "ан|ора|икс|екс|тон|вик|мор|вия|ент|ара|ион|ит|лей|ард|ин|ак");
  l.AddWords("CITY_ROOT", "Север|Крас|Ново|Бел|Зелен|Озер|Сосн|Камен|Лесн|Речн");
  l.AddWords("CITY_END", "ск|оград|огорск|ов|ино|ево");
  l.AddWords("COUNTRY", "Вальдория|Норвания|Эстрелия|Монтавия");
  l.Validate();
  return ru;
}

std::unique_ptr<Language> BuildChinese() {
  auto zh = std::make_unique<Language>("zh", false);
  Language& l = *zh;
  l.AddTopic("general", "xinwen");
  l.AddList(
      nullptr, "SUJ",
      "政府|市政府|有关部门|该公司|专家|分析人士|当地居民|监管机构|教育部门|卫生部门|交通部门|行业协会");
  l.AddList(nullptr, "V", "宣布|批准|推出|发布|暂停|扩大|调整|讨论|支持|反对|实施|修订", WordClass::kVerb);
  l.AddList(nullptr, "TEMA", "住房|交通|能源|教育|医疗|环境|就业|税收|养老|旅游|农业|科技|文化|水资源",
            WordClass::kNoun);
  l.AddList(nullptr, "HEAD", "计划|政策|改革|方案|措施|项目|法案|预算|标准|规定", WordClass::kNoun);
  l.AddList(nullptr, "THING", "{NEW} 计划|{NEW} 项目|{NEW} 工程");
  l.AddList(nullptr, "OBJ", "{X}|{X}|{TEMA} {HEAD}|新 的 {TEMA} {HEAD}|{L} {TEMA} {HEAD}");
  l.AddList(nullptr, "DAY", "周一|周二|周三|周四|周五|上周|本月初|近日|昨天|今年");
  l.AddList(nullptr, "MONTH", "1 月|2 月|3 月|4 月|5 月|6 月|7 月|8 月|9 月|10 月|11 月|12 月");
  l.AddList(nullptr, "GRP", "居民|学生|工人|农民|企业|消费者|患者|教师|游客|司机", WordClass::kNoun);
  l.AddList(nullptr, "CONN", "此外|同时|不过|然而|另外|与此同时");
  l.AddList(nullptr, "QUOTE",
            "我们 将 继续 推进 {OBJ}|这 对 {L} 来说 是 <重要|关键|困难> 的 一天|{GRP} 需要 更多 的 支持|"
            "这个 决定 不能 再 等 了");
  l.AddList(nullptr, "MONEY", "{NUM} 万元|{DEC} 亿元");
  l.AddList(nullptr, "PCT", "{DEC}%");
  l.AddList(nullptr, "FIGURE", "{DEC} 亿元");
  l.AddList(nullptr, "ROLE", "负责人|发言人|专家|局长");
  l.AddList(nullptr, "ORG",
            "{L} 日报|国家 统计局|{L} 市政府|华信 集团|东方 科技|远航 公司|新源 能源|天成 集团");
  for (const char* body : {
           "{DAY} ， {SUJ} {V} 了 {OBJ} 。",
           "{P} 表示 ， {SUJ} 将 {V} {OBJ} 。",
           "据 {O} 消息 ， {L} 的 {OBJ} 已经 <开始|完成|启动> 。",
           "“ {QUOTE} ， ” {P} 说 。",
           "{P} 指出 ， {TEMA} 问题 <仍然|已经|依然> <十分|比较> <突出|严重|复杂> 。",
           "{SUJ} 预计 ， {OBJ} 将 在 {YEAR} 年 <实施|完成|落地> 。",
           "数据 显示 ， {MONTH} {TEMA} <价格|投资|需求> <上涨|下降|增长> 了 {PCT} 。",
           "{CONN} ， {SUJ} <认为|强调> ， {OBJ} <有助于|将会 影响> {GRP} 的 <生活|工作|收入> 。",
           "<截至|到> {YEAR} 年底 ， {L} 共有 {NUM} 名 {GRP} <参与|受到 影响> 。",
           "{O} 的 一位 负责人 表示 ， 该 {HEAD} 涉及 资金 {MONEY} 。",
           "{SUJ} {V} {OBJ} ， 引发 {GRP} 广泛 关注 。",
       }) {
    l.AddList(nullptr, "BODY", body);
  }
  l.AddList(nullptr, "HEADLINE",
            "{SUJ} {V} {OBJ}|{L} {OBJ} <引发 关注|正式 启动>|{P} ： {OBJ} 将 于 {YEAR} 年 实施");
  l.AddList(nullptr, "SAYM", "说");
  l.AddList(nullptr, "SAYF", "说");
  l.AddList(nullptr, "AGENCY", "新讯社|东方 通讯社");
  l.AddWords("SN_ROOT", "王|李|张|刘|陈|杨|赵|黄|周|吴|徐|孙|胡|朱|高|林|何|郭|马|罗");
  l.AddWords(
      "SN_END",
      "伟|芳|娜|敏|静|丽|强|磊|军|洋|勇|艳|杰|娟|涛|明|超|秀英|建华|志强|晓东|海燕|国庆|红梅|文博|子涵");
  l.AddWords("CITY_ROOT", "江|河|山|海|云|东|西|南|北|新|安|平|宁|临|清");
  l.AddWords("NAME_A", "华|新|东|远|天|金|海|长|安|明|泰|光|星|瑞|宏");
  l.AddWords("NAME_B", "信|源|航|成|盛|达|通|和|润|创|恒|鼎|泽|禾|启");
  l.AddWords("CITY_END", "州|阳|城|宁|海|川|安|门|口|原");
  l.Validate();
  return zh;
}

// Arabic (Modern Standard, news register): masculine singular institutions as subjects so that verbs need
// no agreement, verb-first sentences with the speech verb agreeing with the speaker ({SAYP}: "أكد ..." /
// "أكدت ..."), masculine and feminine heads with their own adjective, Arabic punctuation (، ؛ ؟) glued to the word before it, a few words with tanween or shadda
// (combining marks), and Arabic-Indic digits in some stories (Story::native_digits).
std::unique_ptr<Language> BuildArabic() {
  auto ar = std::make_unique<Language>("ar", true);
  Language& l = *ar;
  l.set_thousands_sep(',');
  l.AddTopic("general", "akhbar");
  l.AddList(nullptr, "SUJ",
            "المجلس البلدي|البنك المركزي|البرلمان|الاتحاد العام للعمال|مجلس الإدارة|المكتب الوطني للإحصاء|"
            "الصندوق الوطني للتنمية|الفريق الحكومي|المجلس الإقليمي|الجهاز الرقابي|مجلس الوزراء|"
            "المكتب الإعلامي للوزارة",
            WordClass::kNoun);
  l.AddList(nullptr, "VPAST",
            "أعلن|أقرّ|رفض|قدّم|انتقد|اقترح|علّق|مدّد|خفّض|أجّل|وقّع|راجع|موّل|ناقش|اعتمد|جمّد",
            WordClass::kVerb);
  l.AddList(nullptr, "HEADM", "مشروع|قانون|برنامج|صندوق|اتفاق|تقرير|إصلاح|قرار|نظام", WordClass::kNoun);
  l.AddList(nullptr, "HEADF", "خطة|استراتيجية|ميزانية|مبادرة|لائحة", WordClass::kNoun);
  l.AddList(nullptr, "HEAD", "{HEADM}|{HEADM}|{HEADF}");
  l.AddList(nullptr, "TEMA",
            "الإسكان|النقل|التوظيف|الطاقة|التعليم|الصحة|المياه|الأمن الغذائي|السياحة|التقاعد|التجارة|الزراعة|"
            "الثقافة|الصيد البحري|البحث العلمي|الضرائب",
            WordClass::kNoun);
  // Named things ("مشروع أوران") make sentences of different stories differ.
  l.AddList(nullptr, "THING", "مشروع {NEW}|خطة {NEW}|قانون {NEW}|برنامج {NEW}|اتفاق {NEW}");
  l.AddList(nullptr, "OBJ", "{X}|{X}|{HEAD} {TEMA}|{HEADM} {TEMA} الجديد|{HEADF} {TEMA} الجديدة");
  l.AddList(nullptr, "GRP",
            "السكان|العمال|المزارعين|الطلاب|الأطباء|المتقاعدين|السائقين|المعلمين|التجار|المرضى",
            WordClass::kNoun);
  l.AddList(nullptr, "MONTH",
            "يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر");
  l.AddList(nullptr, "DAY",
            "يوم الاثنين|يوم الثلاثاء|يوم الأربعاء|يوم الخميس|يوم الجمعة|يوم السبت|يوم الأحد|الأسبوع الماضي|"
            "مطلع الشهر الجاري|أمس");
  l.AddList(nullptr, "CONN",
            "ومع ذلك،|وفي المقابل،|ومن جهة أخرى،|وفي غضون ذلك،|وإضافة إلى ذلك،|وفي الوقت نفسه،|"
            "وبحسب مصادر رسمية،");
  l.AddList(nullptr, "ADV", "رسمياً|أيضاً|مجدداً|حالياً|فعلاً|سابقاً|علناً|نهائياً", WordClass::kAdv);
  l.AddList(nullptr, "VINF", "إقرار|تأجيل|مراجعة|دعم|تعديل|تمويل|رفض|تمديد", WordClass::kVerb);
  l.AddList(nullptr, "SAYM", "أكد|أوضح|ذكر|أضاف");
  l.AddList(nullptr, "SAYF", "أكدت|أوضحت|ذكرت|أضافت");
  l.AddList(nullptr, "QUOTE",
            "نحن <عازمون على|ماضون في> {VINF} {OBJ}|هذا يوم <مهم|تاريخي|صعب> بالنسبة إلى {L}|"
            "المواطنون يستحقون إجابات واضحة|هذا القرار لا يحتمل التأجيل|"
            "عملنا على هذا الملف <لأشهر|لسنوات>|من السذاجة الاعتقاد بأن {OBJ} سيحل كل المشكلات|"
            "لماذا تأخر {OBJ} كل هذا الوقت؟");
  l.AddList(nullptr, "MONEY", "{NUM} مليون دينار|{DEC} مليار دينار|{NUM} ألف دينار|{NUM} دينار");
  l.AddList(nullptr, "PCT", "{DEC}%|{DEC} في المئة|{NUMS} في المئة|{DEC}٪");
  l.AddList(nullptr, "FIGURE", "{DEC} مليار دينار|{NUM} مليون دينار");
  l.AddList(nullptr, "ROLE",
            "المتحدث باسم {O}|رئيس {O}|وزير المالية|رئيس بلدية {L}|مدير {O}|الخبير الاقتصادي في {O}|"
            "مستشار وزير الصحة|الأمين العام للنقابة");
  l.AddList(nullptr, "ORG",
            "البنك المركزي في {C}|جامعة {L}|مجموعة {SN}|غرفة التجارة في {L}|المعهد الوطني للإحصاء|"
            "شركة {SN} للنقل|مؤسسة {SN}|الاتحاد العام للعمال|هيئة {NEW} للطاقة");
  l.AddList(nullptr, "CLAUSE",
            "{SUJ} {VPAST} {OBJ}|{OBJ} سيكلف {MONEY}|{OBJ} <قد يدخل|سيدخل> حيز التنفيذ في {MONTH}|"
            "أكثر من {NUM} من {GRP} <يؤيدون|يرفضون> {OBJ}");
  for (const char* body : {
           "{SAYP} {DAY} أن {CLAUSE}.",
           "{SUJ} {VPAST} {DAY} {OBJ}، وفقاً <لبيان صادر عن|لمصادر في|لأرقام نشرتها> {O}.",
           "“{QUOTE}”، {SAYP}.",
           "{CONN} {VPAST} {SUJ} {OBJ} {ADV}.",
           "وبحسب {O}، <احتج أكثر من {NUM} من {GRP} في {L} على|وقّع أكثر من {NUM} من {GRP} في {L} على عريضة "
           "ضد> {OBJ}.",
           "ويأتي قرار {P} بعد {NUM} يوماً من <النقاش|المفاوضات|التوتر> حول {OBJ}.",
           "هل <يمكن|ينبغي> {VINF} {OBJ}؟ سؤال يقسم {GRP} في {L}.",
           "وتبلغ كلفة {OBJ} نحو {MONEY}، بحسب {O}.",
           "وفي عام {YEAR}، كان {SUJ} قد {VPAST} {OBJ} في {L}.",
           "<ارتفع|انخفض> معدل <التضخم|البطالة|أسعار المساكن> إلى {PCT} في {MONTH}.",
           "ويتوقع {SUJ} أن يدخل {OBJ} حيز التنفيذ في {MONTH} {YEAR}.",
           "{SUJ} — الذي <سبق أن|طالما> {VPAST} {OBJ} — أعلن {DAY} أن {P} <سيتولى|سيراجع> {X}.",
           "ويرى خبراء أن {OBJ} <قد يساعد|لن يساعد> {GRP}؛ فيما يطالب آخرون بمزيد من الشفافية.",
           "وكان مسؤولون في {O} قد <أكدوا|نفوا> أن {CLAUSE}.",
           "{SAYP} للصحفيين أن “{QUOTE}”.",
           "ولم يصدر أي تعليق عن {O} حتى الآن؛ غير أن {SUJ} <وعد|تعهد> بنشر التفاصيل قريباً.",
       }) {
    l.AddList(nullptr, "BODY", body);
  }
  l.AddList(nullptr, "HEADLINE",
            "{SUJ} {VPAST} {OBJ}|{GRP} في {L} ضد {OBJ}|{SUJ} يدافع عن {OBJ}|{OBJ}: {NUM} من {GRP} متضررون|"
            "{L}: {OBJ} <يثير الجدل|يقسم الآراء>|هل ينجح {OBJ}؟");
  l.AddList(nullptr, "AGENCY", "وكالة الأنباء الساحلية|وكالة ميريديان للأنباء|الخدمة الإخبارية الشمالية");
  l.AddList(nullptr, "DATELINE", "{L} ({AG}) —|{L}، {D} {MONTH} ({AG}) —");
  l.AddWords("FIRST_M", "أحمد|محمد|يوسف|عمر|خالد|سامي|كريم|طارق|ماجد|هشام|نبيل|فادي|زياد|رامي|وليد");
  l.AddWords("FIRST_F", "فاطمة|مريم|ليلى|سلمى|نور|هدى|رنا|دينا|سارة|أمل|ريم|لينا|ياسمين|هالة");
  l.AddWords("SN_ROOT",
             "الخطي|السعد|البار|النجا|الحدا|الزين|العمر|القاس|الشام|الرفا|المصر|الحلب|البست|الفرا|الكرد|"
             "الصبا|الدبا|العطا");
  l.AddWords("SN_END", "ب|ي|وني|اوي|ان|ار|يري|ود");
  l.AddWords("SURNAME", "بن عيسى|أبو زيد|آل نصر");
  l.AddWords("NAME_A", "أور|كيل|فاس|تام|بري|هال|كور|ديل|فين|جيل|لين|مار|نيف|بال|روس|سول|تور|فار|زان|أست");
  l.AddWords("NAME_B", "ان|ورا|يكس|يون|انس|ير|اك|يل|و|ين|ول|يد|ون|يس|الي");
  l.AddWords("CITY_PRE", "عين|بئر|تل|رأس|دير");
  l.AddWords("CITY_ROOT", "بحر|نور|رمل|زهر|ساحل|جبل|نخل|قمر|سهل|ورد|صخر|غيم");
  l.AddWords("CITY_END", "ية|ان|ون|ين|ة|ستان");
  l.AddWords("COUNTRY", "فالدوريا|نورفانيا|إستريليا|مونتافيا|سيرافيا");
  l.Validate();
  return ar;
}

const std::vector<const Language*>& AllLanguages() {
  static const std::vector<const Language*>* all = [] {
    auto* v = new std::vector<const Language*>;
    for (auto build : {BuildEnglish, BuildSpanish, BuildFrench, BuildRussian, BuildChinese, BuildArabic}) {
      v->push_back(build().release());  // alive until exit by design
    }
    return v;
  }();
  return *all;
}

const std::vector<const Language*>& MixedLanguages() {
  static const std::vector<const Language*>* mixed = [] {
    auto* v = new std::vector<const Language*>;
    for (const Language* l : AllLanguages()) {
      if (l->code() != "ar") v->push_back(l);
    }
    return v;
  }();
  return *mixed;
}

const Language* FindLanguage(std::string_view code) {
  for (const Language* l : AllLanguages()) {
    if (l->code() == code) return l;
  }
  return nullptr;
}

}  // namespace neardup::datagen
