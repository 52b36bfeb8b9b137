// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// English: the main language of the corpus. Eighteen news topics, each with its own nouns, verbs,
// adjectives, measures, groups of people, roles and organization patterns, so that different articles
// on one story (hard negatives) share vocabulary and entities while unrelated articles share little.
// Entities are invented: countries, cities, people and organizations do not exist.
//
// Sentence templates keep their fixed word runs short (mostly three words or fewer between slots), so
// that word 5-grams rarely repeat across unrelated articles, as in real news where the same five words
// in a row are mostly quotes, names and stock phrases.

#include "datasets/gen/languages.h"

namespace neardup::datagen {

namespace {

struct TopicSpec {
  const char* name;
  const char* section;
  const char* nouns;
  const char* verbs;
  const char* adjectives;
  const char* measures;
  const char* groups;
  const char* roles;
  const char* orgs;
};

// clang-format off
constexpr TopicSpec kTopics[] = {
  {"economy", "business",
   "budget|deficit|tariff|subsidy|pension|tax|bond|loan|interest rate|exchange rate|recession|surplus|"
   "stimulus package|trade deal|spending plan|price cap|wage|mortgage|currency|debt|revenue|forecast|audit|"
   "levy|bailout|credit line|export|investment|payroll|austerity plan",
   "approve|announce|cut/cut/cut|raise|freeze/froze/frozen|review|delay|propose|reject|extend|revise|"
   "scrap/scrapped|defend|unveil|finalize|back|block|trim/trimmed|double|renegotiate",
   "fiscal|monetary|annual|sluggish|volatile|inflationary|cautious|aggressive|long-awaited|emergency",
   "inflation|unemployment|the jobless rate|consumer spending|the currency|industrial output|retail sales|"
   "the trade deficit|household debt|the stock index",
   "investors|economists|shoppers|exporters|small businesses|pensioners|taxpayers|traders|lenders|households",
   "the finance minister|the central bank governor|chief economist at {O}|a senior analyst at {O}|"
   "head of {O}|the economy minister|a spokeswoman for {O}|a spokesman for {O}|the treasury secretary|"
   "a fund manager at {O}",
   "the {C} Central Bank|the {C} Finance Ministry|{SN} Capital|the {L} Chamber|"
   "the {C} Statistics Office|{SN} Securities|the {C} Treasury|{SN} Bank|the {SN} Fiscal Institute|"
   "the {L} Stock Exchange"},
  {"politics", "politics",
   "bill|coalition|cabinet|reshuffle|motion|amendment|referendum|parliament session|veto|inquiry|mandate|"
   "constitution|decree|filibuster|caucus|budget vote|ministerial post|opposition bloc|confidence vote|"
   "party platform|scandal|resignation|impeachment|reform package|petition",
   "pass|table|block|support|oppose|withdraw/withdrew/withdrawn|endorse|challenge|amend|debate|condemn|"
   "ratify|veto|schedule|postpone|sign|leak|investigate|defend|reject",
   "controversial|bipartisan|divisive|sweeping|narrow|procedural|constitutional|contested|populist|centrist|"
   "landmark",
   "approval ratings|government support|voter turnout|trust in parliament|the ruling party's lead",
   "lawmakers|senators|voters|party members|ministers|activists|opposition leaders|civil servants|delegates|"
   "campaigners",
   "the prime minister|the interior minister|leader of the opposition|a senior lawmaker|"
   "the parliamentary speaker|a government spokesperson|chair of the budget committee|a deputy minister|"
   "an adviser to the president|the president",
   "the {C} Parliament|the {C} Interior Ministry|the {SN} Foundation|the {C} Democratic Alliance|"
   "the {C} Reform Party|the {C} National Union|the {C} Constitutional Court|the {L} City Council|"
   "the {C} Green Party|the {C} Presidency"},
  {"elections", "politics",
   "election|ballot|poll|runoff|candidate|campaign|primary|debate|turnout|recount|constituency|"
   "polling station|manifesto|endorsement|landslide|swing vote|exit poll|electoral roll|campaign rally|"
   "attack ad",
   "win/won/won|lose/lost/lost|concede|contest|certify/certified|count|challenge|schedule|boycott|monitor|"
   "call|observe|dispute|announce|overturn",
   "electoral|tight|decisive|unexpected|early|provisional|disputed|first-round|nationwide|local",
   "turnout|the incumbent's lead|the challenger's support|voter registrations",
   "voters|election officials|observers|campaign staff|volunteers|pollsters|candidates|supporters",
   "the electoral commission chair|the incumbent mayor|a leading candidate|campaign manager for {O}|"
   "a pollster at {O}|an election observer|the opposition candidate|a political analyst at {O}",
   "the {C} Election Commission|the {C} Electoral Board|{SN} Polling|the {SN} Vote Monitor|"
   "the {L} Election Office|the {SN} Election Alliance|the {C} Liberal Forum|the {C} Unity Bloc"},
  {"courts", "national",
   "trial|verdict|appeal|sentence|indictment|lawsuit|ruling|hearing|investigation|arrest|raid|fraud case|"
   "plea deal|testimony|warrant|bail request|settlement|jury/juries|prosecutor|witness|injunction|charge",
   "charge|convict|acquit/acquitted|sentence|arrest|appeal|dismiss|uphold/upheld/upheld|overturn|file|settle|"
   "drop/dropped|question|detain|release|hear/heard/heard|fine|investigate|seize|subpoena",
   "criminal|civil|federal|unanimous|lengthy|high-profile|landmark|preliminary|sealed|closed-door",
   "reported crime|the case backlog|burglaries|violent crime|the conviction rate",
   "prosecutors|defense lawyers|jurors|police officers|detectives|judges|witnesses|victims' families|"
   "investigators|court officials",
   "the chief prosecutor|a defense lawyer for {O}|the presiding judge|a police spokesperson|"
   "the justice minister|a former detective|a legal analyst at {O}|the police commissioner",
   "the {C} Supreme Court|the {L} District Court|the {L} Prosecutor's Office|"
   "the {L} Police Department|the {C} Crime Agency|{SN} & Associates|the {L} Appeals Court|"
   "the {C} Bar Association"},
  {"health", "health",
   "vaccine|outbreak|hospital|clinic|treatment|drug|clinical trial|infection|waiting list|screening program|"
   "health service|nurse shortage|prescription|pandemic plan|emergency room|diagnosis/diagnoses|therapy|"
   "virus|strain|booster campaign|insurance scheme|patient record|surgery",
   "approve|test|fund|expand|recall|license|prescribe|screen|treat|monitor|report|contain|detect|trial|"
   "roll out/rolled out/rolled out",
   "medical|clinical|contagious|chronic|preventive|experimental|public|rural|underfunded|seasonal",
   "infection rates|hospital admissions|waiting times|vaccination rates|new cases",
   "patients|doctors|nurses|health workers|researchers|pharmacists|carers|parents|paramedics|epidemiologists",
   "the health minister|chief medical officer|a virologist at {O}|director of {O}|an emergency doctor|"
   "a spokeswoman for {O}|head of infectious diseases at {O}|a senior nurse",
   "the {C} Health Ministry|{L} General Hospital|the {C} Health Institute|{SN} Pharmaceuticals|"
   "the {C} Medical Association|the {C} Disease Center|{SN} Biotech|the {L} Health Office"},
  {"environment", "environment",
   "flood|drought|heatwave|storm|wildfire|emissions target|carbon tax|river|coastline|glacier|reservoir|"
   "forest|evacuation order|storm surge|air quality alert|rainfall|landslide|recycling scheme|"
   "conservation area|water shortage",
   "issue|lift|declare|monitor|restore|protect|evacuate|flood|warn|clean up|measure|record|"
   "forecast/forecast/forecast|ban/banned|plant",
   "extreme|coastal|heavy|unseasonal|severe|dry|toxic|protected|record|renewable",
   "temperatures|river levels|rainfall|air pollution|sea levels|carbon emissions",
   "residents|farmers|firefighters|rescue teams|scientists|environmental groups|fishermen|homeowners|"
   "volunteers|forecasters",
   "the environment minister|a climate scientist at {O}|chief forecaster at {O}|the regional fire chief|"
   "a spokesman for {O}|head of emergency services|a hydrologist|the mayor of {L}",
   "the {C} Weather Service|the {C} Environment Agency|the {L} Fire Brigade|"
   "the {SN} Climate Institute|the {C} Coast Authority|Friends of the {L} River|"
   "the {C} Environment Ministry|the {L} Civil Defense"},
  {"technology", "technology",
   "app|platform|chip|data breach|software update|algorithm|smartphone|cloud service|cyberattack|startup|"
   "patent|data center|network outage|privacy policy|chatbot|satellite link|semiconductor plant|browser|"
   "encryption standard|subscription",
   "launch|acquire|hack|patch|release|license|ban/banned|fine|update|shut down/shut down/shut down|test|"
   "build/built/built|encrypt|track|sell/sold/sold",
   "digital|encrypted|wireless|open-source|automated|autonomous|proprietary|online|mobile|generative",
   "subscriber numbers|data traffic|chip prices|quarterly sales|user growth",
   "users|developers|engineers|regulators|hackers|customers|privacy advocates|shareholders|moderators|gamers",
   "chief executive of {O}|a security researcher at {O}|the digital minister|a product manager at {O}|"
   "founder of {O}|a spokesperson for {O}|the data protection commissioner|an analyst at {O}",
   "{SN} Systems|{SN} Labs|the {C} Data Authority|{NEW} Networks|{SN} Software|"
   "the {L} Technology Park|{NEW}|{NEW} Digital|the {C} Cyber Center|{SN} Semiconductors"},
  {"sports", "sports",
   "match|tournament|final|season|transfer|coach|striker|goalkeeper|league title|stadium|championship|"
   "injury|contract|semifinal|penalty|race|medal|squad|derby|fixture",
   "win/won/won|lose/lost/lost|sign|sack|beat/beat/beaten|draw/drew/drawn|host|qualify for|score|miss|"
   "clinch|defend|announce|appoint|suspend",
   "dramatic|home|away|unbeaten|defending|stoppage-time|record-breaking|bruising|thrilling|disappointing",
   "ticket prices|attendance|the club's wage bill|television ratings",
   "fans|players|coaches|referees|supporters|athletes|club officials|season ticket holders",
   "the head coach|captain of {O}|the club president|a former international|the sports minister|"
   "a spokesman for {O}|the team doctor|the league commissioner",
   "{L} United|{L} City|Real {L}|the {C} Football Federation|{L} Athletic|the {C} Olympic Committee|"
   "{SN} Racing|the {L} Rowing Club"},
  {"energy", "business",
   "pipeline|power plant|wind farm|solar park|oil field|gas supply|electricity grid|blackout|fuel price|"
   "refinery|nuclear reactor|energy bill|drilling permit|battery plant|hydro dam|coal mine|heat pump|"
   "gas storage site|power line|offshore platform",
   "build/built/built|shut/shut/shut|restart|approve|license|connect|import|export|supply/supplied|ration|"
   "decommission|cap/capped|subsidize|commission|inspect",
   "renewable|nuclear|offshore|fossil|low-carbon|strategic|grid-scale|regional|cheap|costly",
   "electricity prices|gas prices|fuel costs|oil output|power demand",
   "consumers|energy companies|engineers|households|miners|grid operators|regulators|industrial users",
   "the energy minister|chief executive of {O}|head of the grid operator|an energy analyst at {O}|"
   "a spokeswoman for {O}|the regulator's chair|a plant manager|a union representative",
   "{SN} Energy|the {C} Grid Company|{NEW} Power|the {C} Energy Regulator|{L} Utilities|{SN} Oil|"
   "the {C} Atomic Board|the {C} Wind Association"},
  {"transport", "national",
   "rail line|airport|bridge|highway|metro system|bus route|ferry/ferries|train strike|runway|tunnel|"
   "tram network|timetable|toll road|cargo port|flight|airline|ticket fare|level crossing|bypass|cycle lane",
   "open|close|reopen|expand|delay|cancel|reroute|upgrade|suspend|build/built/built|electrify/electrified|"
   "inspect|widen|privatize|fund",
   "high-speed|regional|commuter|overcrowded|delayed|long-distance|cross-border|underground|elevated|budget",
   "passenger numbers|ticket fares|delays|traffic volumes|freight volumes",
   "commuters|passengers|drivers|pilots|rail workers|cyclists|travelers|motorists",
   "the transport minister|chief executive of {O}|a spokesperson for {O}|the city's transport commissioner|"
   "a union leader at {O}|the airport director|an engineer at {O}|the mayor of {L}",
   "{C} Railways|the {L} Metro|{SN} Airlines|the {L} Port Authority|the {C} Roads Agency|"
   "{L} Transit|the {L} Rail Union|{SN} Ferries"},
  {"education", "education",
   "school|university|exam|curriculum/curricula|tuition fee|scholarship|teacher shortage|classroom|"
   "student loan|campus|degree|admissions policy|school meal|test score|textbook|kindergarten|research grant|"
   "literacy program|teachers' strike|school year",
   "reform|fund|close|open|raise|freeze/froze/frozen|grade|expand|cancel|introduce|review|abolish|postpone|"
   "accredit|restructure",
   "academic|primary|secondary|vocational|underfunded|overcrowded|private|public|bilingual|mandatory",
   "enrollment|test scores|tuition costs|dropout rates|class sizes",
   "students|teachers|parents|principals|lecturers|graduates|pupils|school boards",
   "the education minister|rector of {O}|a professor at {O}|head of the teachers' union|"
   "a principal in {L}|a spokesman for {O}|dean of admissions at {O}|an education researcher",
   "the University of {L}|the {C} Education Ministry|{L} Technical College|the {C} Teachers' Union|"
   "{SN} Academy|the {C} Education Council|the {L} School Board|the {SN} Institute"},
  {"housing", "local",
   "rent|housing project|zoning law|eviction|apartment block|building permit|property tax|social housing|"
   "mortgage rule|construction site|neighborhood|landlord|tenant|homeless shelter|city plan|park|"
   "street market|renovation|land sale|waiting list",
   "build/built/built|approve|demolish|renovate|evict|rezone|freeze/froze/frozen|cap/capped|inspect|"
   "sell/sold/sold|buy/bought/bought|convert|lease|redevelop|license",
   "affordable|luxury|vacant|municipal|derelict|historic|residential|overcrowded|suburban|downtown",
   "rents|house prices|vacancy rates|construction costs|homelessness",
   "tenants|landlords|residents|developers|city planners|homeowners|shop owners|architects",
   "the mayor of {L}|the housing minister|a city councilor|head of {O}|a spokeswoman for {O}|"
   "a property developer|a tenants' rights advocate|the city's chief planner",
   "the {L} City Council|the {L} Housing Authority|{SN} Developments|the {L} Tenants' Association|"
   "{SN} Properties|the {C} Housing Fund|{SN} Construction|the {L} Planning Office"},
  {"agriculture", "business",
   "harvest|crop|grain export|fertilizer|dairy farm|cattle herd|food price|vineyard|orchard|"
   "irrigation scheme|seed bank|fishing quota|livestock market|farm subsidy/subsidies|wheat field|bread "
   "price|"
   "food bank|supermarket chain|pesticide|greenhouse",
   "harvest|export|import|subsidize|ban/banned|plant|spray|ration|label|recall|inspect|sell/sold/sold|"
   "grow/grew/grown|store|process",
   "organic|agricultural|seasonal|imported|local|frozen|drought-hit|staple|industrial|family-run",
   "food prices|grain output|milk prices|fertilizer costs|crop yields",
   "farmers|growers|fishermen|consumers|shoppers|food producers|grocers|ranchers",
   "the agriculture minister|head of {O}|a farmer near {L}|a food economist at {O}|a spokesman for {O}|"
   "a vineyard owner|chair of the farmers' union|a grain trader",
   "the {C} Agriculture Ministry|the {C} Farmers' Union|{SN} Foods|the {C} Grain Board|{L} Dairy Cooperative|"
   "the {C} Food Agency|{SN} Agro|the {L} Fish Market"},
  {"science", "science",
   "telescope|satellite|rocket launch|space probe|experiment|study|discovery|fossil|genome|particle detector|"
   "research vessel|rover|laboratory|dataset|observatory|mission|vaccine study|climate model|excavation|"
   "moon lander",
   "launch|discover|publish|measure|detect|map/mapped|sequence|observe|analyze|test|fund|confirm|replicate|"
   "excavate|catalog",
   "scientific|peer-reviewed|orbital|ancient|unprecedented|robotic|deep-sea|experimental|preliminary|rare",
   "research funding|published papers|launch costs",
   "scientists|researchers|astronomers|engineers|archaeologists|biologists|students|geologists",
   "lead author of the study|a physicist at {O}|director of {O}|an astronomer at {O}|the science minister|"
   "a mission manager at {O}|a geneticist at {O}|head of research at {O}",
   "the {C} Space Agency|the {SN} Physics Institute|{L} Observatory|{SN} Aerospace|"
   "the {C} Science Foundation|the University of {L}|the {SN} Research Center|"
   "the {L} Marine Institute"},
  {"culture", "culture",
   "festival|exhibition|museum|film|novel|concert|opera|album|gallery/galleries|award|theater|premiere|"
   "auction|sculpture|painting|book fair|orchestra|documentary|heritage site|restoration",
   "open|close|premiere|cancel|host|restore|auction|acquire|perform|publish|screen|ban/banned|award|"
   "celebrate|sponsor",
   "cultural|acclaimed|sold-out|contemporary|classical|independent|experimental|historic|annual|"
   "international",
   "ticket sales|visitor numbers|box office takings|book sales",
   "artists|visitors|critics|musicians|curators|filmmakers|writers|audiences",
   "director of {O}|the culture minister|a curator at {O}|the festival director|a film critic|"
   "an art historian at {O}|a spokeswoman for {O}|the conductor",
   "the {L} Museum of Art|the {C} National Theater|the {L} Film Festival|{SN} Gallery|the {C} Arts Council|"
   "the {L} Philharmonic|{SN} Books|the {SN} Heritage Foundation"},
  {"labor", "business",
   "strike|wage deal|pay offer|union|walkout|picket line|minimum wage|pension reform|collective agreement|"
   "layoff|overtime rule|shift pattern|contract talks|labor dispute|work permit|job cut|bonus|working week|"
   "factory|protest march",
   "call|end|reject|accept|negotiate|suspend|announce|extend|organize|join|cut/cut/cut|raise|approve|"
   "postpone|mediate",
   "indefinite|nationwide|unpaid|two-day|general|part-time|seasonal|precarious|collective|sector-wide",
   "wages|unemployment|strike days|union membership",
   "workers|union members|employers|nurses|teachers|drivers|dockworkers|factory staff",
   "general secretary of {O}|the labor minister|a shop steward|a spokesperson for {O}|"
   "the head of human resources at {O}|an employment lawyer|a union negotiator|chief executive of {O}",
   "the {C} Workers' Union|the {C} Employers' Federation|{SN} Manufacturing|the {C} Labor Ministry|"
   "the {L} Transport Alliance|{SN} Motors|the {L} Trades Council|the Nurses' Union"},
  {"diplomacy", "world",
   "summit|ceasefire|peace plan|sanctions package|treaty/treaties|embassy/embassies|border dispute|"
   "delegation|trade agreement|envoy|aid convoy|military drill|refugee camp|prisoner exchange|resolution|"
   "visa rule|alliance|blockade|state visit|humanitarian corridor",
   "sign|break/broke/broken|violate|host|expel/expelled|recall|impose|lift|negotiate|broker|condemn|welcome|"
   "reject|mediate|extend",
   "diplomatic|bilateral|fragile|humanitarian|cross-border|multilateral|tense|temporary|historic|military",
   "refugee numbers|defense spending|bilateral trade",
   "diplomats|negotiators|refugees|soldiers|aid workers|border guards|peacekeepers|envoys",
   "the foreign minister|the ambassador to {C}|a senior diplomat|a spokesman for {O}|the defense minister|"
   "a special envoy|head of {O}|a military analyst at {O}",
   "the {C} Foreign Ministry|the {C} Embassy in {L}|the {SN} Council|"
   "the {SN} Strategy Center|the {L} Relief Agency|the {C} Defense Ministry|"
   "the {SN} Treaty Group|the {L} Peace Institute"},
  {"business", "business",
   "merger|takeover bid|quarterly profit|share buyback|restructuring|dividend|product recall|board meeting|"
   "stake|joint venture|earnings report|acquisition|brand|factory/factories|supply chain|annual report|"
   "debt offering|stock listing|shareholder vote|cost review",
   "acquire|announce|report|post|cut/cut/cut|sell/sold/sold|buy/bought/bought|merge|list|delist|appoint|"
   "oust|recall|restructure|beat/beat/beaten",
   "quarterly|hostile|lucrative|disappointing|record|cross-border|strategic|struggling|profitable|listed",
   "shares|profits|revenue|operating margins|the share price",
   "shareholders|analysts|investors|employees|customers|board members|suppliers|executives",
   "chief executive of {O}|chief financial officer at {O}|chair of {O}|an analyst at {O}|"
   "a spokesman for {O}|founder of {O}|a board member|a retail analyst",
   "{SN} Holdings|{SN} Group|{SN} & Sons|{SN} Industries|the {C} Competition Authority|{L} Brewing|"
   "{SN} Retail|{NEW} Logistics|{SN} Partners|the {L} Stock Exchange"},
};

// {TN} is one of the story's named things ({X}) half of the time, else "the [adjective] <topic noun>".
// Templates keep their fixed words between high-variety slots (things, people, organizations, places,
// numbers) to three or four, so that unrelated articles rarely share four or five words in a row: as
// in real news, what two articles share should be their story, not their sentence frames.
constexpr const char* kBody[] = {
  "{P} {SAY} {DAY} that {O} would {VB} {TN} [by the end of {MONTH}].",
  "{M} {VI} {PCT} in {MONTH}, <{O} said|{O} reported|according to {O}|{O} estimated>.",
  "“{QUOTE:c},” {P} {SAY}.",
  "“{QUOTE:c},” said {PR} <in a statement|in an interview with {AG}|at a briefing in {L}|on {WEEKDAY}>.",
  "{PR} said {TN} had {VN} [{ADV}] since {YEAR}.",
  "{CONN} {GRP} in {L} {GV} {TN}, <saying|arguing|warning> that {CLAUSE}.",
  "The {A} {N} <comes|came> after {O} <set aside|pledged|earmarked> {MONEY} for {TN}.",
  "Neither {O} nor {P:l} <commented on|discussed|answered questions about> {X} [{DAY}].",
  "<Officials|Authorities|Organizers> in {L} <said|estimated> that <about|some> {NUM} {GRP} <were|had been> "
  "<affected|hit|disrupted> [by {TN}].",
  "{P} has <long|repeatedly> <criticized|questioned|defended|championed> {TN}, <calling|describing> it a "
  "{GA} "
  "{GN}.",
  "Across {C}, {TN} has {VN} {GRP} and {NS} <alike|in equal measure>.",
  "{TN} — {GA} by <most|many|some> measures — {VI} {PCT} [since {MONTH} {YEAR}].",
  "{P:s} {N} was {VN} {DAY}, <after|before> {O} {GV} {TN}.",
  "At least {NUM} {GRP} <attended|joined|watched|protested> {DAY}, <officials|organizers|police|witnesses> "
  "in {L} "
  "said.",
  "{O} {V} {TN} {DAY}, a move {P} said <could|may|would> {GVB} {NS} in {C}.",
  "<Critics|Supporters|Opponents> of {X} <say|argue> it {GVS} {GRP} [{ADV}].",
  "“{QUOTE:c}. {QUOTE:c},” {P} {SAY}.",
  "{NUMS} {NS} in {L} <were|are> expected to {VB} {TN} [{DAY}].",
  "{CONN} {TN} <remains|remained> {ADJPRED}, with {NUM} {NS} still <pending|outstanding|unresolved>.",
  "The <figure|total|number> <compares|compared> with {NUM} in {YEAR}.",
  "{PR} <told|assured|reminded> <reporters|lawmakers|{AG}|local media> [on {WEEKDAY}] that {CLAUSE}.",
  "<Last year|In {YEAR}|Two years ago>, {O} {V} a {A} {N} worth {MONEY}.",
  "{TN} will <cost|save> <about|roughly> {MONEY} over {NUMS} years, <according to|based on> {O} "
  "<estimates|figures|data>.",
  "<It|This> was the {SUPER} {N} in {L} since {YEAR}.",
  "{GRP} <gathered|rallied> outside {O} {DAY}, <some|many> <holding|waving> {CONCRETE}.",
  "{P} is <expected|scheduled|due> to {VB} {TN} <on|before|after> {WEEKDAY}.",
  "{TN} was <approved|announced|proposed|delayed> {DAY}.",
  "A <spokesperson|spokesman|spokeswoman> for {O} <said|confirmed> {TN} would "
  "<go ahead|proceed|take effect|be reviewed> <in {L}|under {P:l}|by {MONTH} {D}>.",
  "<Data|Figures> <published|released> by {O} {DAY} <showed|suggested> that {CLAUSE}.",
  "{TN} follows <weeks|months|years> of {GA} <debate|negotiations|uncertainty|pressure> over {NS} in {C}.",
  "{CONN} {P} <said|argued> that {NS} in {L} <were|had been> {ADJPRED} <for too long|since {YEAR}|after "
  "{TN}>.",
  "<Under|According to> {X}, {GRP} would <receive|pay|lose|gain> <up to|at least|about> {MONEY}.",
  "{O}, which <employs|represents|serves> about {NUM} {GRP}, <said|warned> that {CLAUSE}.",
  "Asked <whether|when> {X} would <go ahead|be funded|take effect>, {P} <declined to comment|would not say>.",
  "{NUMS} {GRP} in {L} <feared|expected|hoped> {TN} would {GVB} <their|local> {GNS}, {AG} reported.",
  "{NUM} <people|residents|workers|officials> <were|had been> "
  "<questioned|evacuated|hired|consulted|interviewed> "
  "in {L} [{DAY}].",
  "{TN} is <now|currently|still> <under review|on hold|in force|in doubt>.",
  "<Asked|Pressed> <about|on> {TN}, {P} <said|replied>: “{QUOTE:c}.”",
  "{P} <added|noted|stressed> that “{QUOTE}.”",
  "In a <statement|letter|report> to {P:l} {DAY}, {O} said {TN} <was|had become> "
  "<a priority|a concern|urgent|unavoidable|necessary>.",
  "The <decision|vote|ruling|announcement> on {X} <sent|pushed> {M} <up|down|higher|lower> by {PCT}.",
  "<Residents|Shop owners|Teachers|Drivers|Farmers> in {L} have <complained|warned> since {MONTH} {YEAR} "
  "that "
  "{CLAUSE}.",
  "{P:f}, {AGE}, <said|told {AG}> that {CLAUSE}.",
  "Neither {O} nor {P} would <say|confirm|disclose> how {X} <is funded|will be paid for|was costed>.",
  "{CONN} {GRP} in {L} <had to|were forced to> {GVB} {TN}, {P} {SAY}.",
  "{A} {NS} account for <about|nearly|more than|less than> {PCT} of all {GNS} in {C}.",
  "<More than|Nearly|About|Almost> {NUM} {GRP} <have signed|signed|have backed|backed> "
  "<a petition|an open letter|a joint letter|a complaint> <against|calling for|about|criticizing> {TN}.",
  "<Messages|Calls|Emails> to {P:s} <office|team|lawyer> about {X} <went unanswered|were not returned> "
  "{DAY}.",
  "{TN} is among the {SUPER} {NS} <in {C}|in the history of {L}|{O} has seen>.",
  "<Earlier|Later> <on {WEEKDAY}|this week|this month|in the day>, {O} <said|announced> "
  "<it would {GVB}|it had {GVN}> {NUM} {GNS}.",
  "{DAY:c}, {O} — which has {VN} {NUM} {NS} since {YEAR} — <said|confirmed> that {CLAUSE}.",
  "“{QUOTE:c}” — that was how {P} <described|summed up|put> {TN} {DAY}.",
  "{TN} will cost {MONEY} ({MONEY}).",
  "{P} <called|described> {TN} ‘{GA}’ and ‘{GA}’.",
  "A <hearing|meeting|vote|review> on {X} is <set|scheduled|planned> for {MONTH} {D}.",
  "For {GRP} in {L}, the <stakes|costs|risks> of {TN} are <high|real|rising>.",
  "<Shares|Prices|Costs|Rents|Fares> <rose|fell|climbed|dropped> {PCT} to {MONEY} [on {WEEKDAY}].",
  "{GRP} in {L} have been <urged|told|asked> to {GVB} {GNS} <until further notice|for now|by {MONTH}>.",
  "{TN} <affected|has affected|could affect> <about|roughly|up to> {NUM} {GRP} in {NUMS} "
  "<regions|districts|provinces|cities>.",
  "“Who <will|should> {GVB} {TN}?” {P} asked.",
  "<Analysts|Economists|Experts|Observers> <at|from> {O} <expect|expected> {TN} to {GVB} {GNS} <in|by> "
  "{YEAR}.",
  "{P} first {GV} {TN} in {MONTH} {YEAR}.",
  "{X} <drew|has drawn|faced> <criticism|support|scrutiny> from {GRP} and {GRP} in {L}.",
  "The <markets|streets|offices|schools> <in|near|outside> {L} <were|remained> <closed|open|quiet|crowded> "
  "<on|through> {WEEKDAY}.",
  "There <have been|were> <no|few|several> <reports|complaints|incidents|objections> about {X} [in {L}].",
  "“{QUOTE:c},” <said|wrote> {P} <on social media|in a post|in an email|in a letter>.",
  "{P} <also|later> said {TN} <would|could> <take|last> <weeks|months|years>.",
  "<Results|Figures> on {X} <are|were> <expected|due> from {O} <in|by> {MONTH}.",
  "A <report|audit|review> of {X} by {O} <is|was> <expected|due> <in|by> {MONTH}.",
  "One {GRPONE} <in|from> {L} said {TN} <was|had been> <a façade|a cliché|naïve|long overdue|a mistake|a "
  "relief>.",
  "<Outside|Inside> a <café|brasserie|pâtisserie> in {L}, {GRP} <debated|discussed|shrugged off> {TN}.",
  "{TN}, <first|originally> {GVN} in {YEAR}, <remains|has remained> {ADJPRED}.",
  "<According to|Citing> {O}, {TN} {VI} {PCT} <last month|in {MONTH}|year on year>.",
  "{P} said {O} had <worked with|talked to|met> {NUM} {GRP} <about|on> {TN}.",
  "{CONN} {O} {V} a {A} {N}, <its first since|the first in> {YEAR}.",
  "<That|This> <marks|marked> a <sharp|clear|significant> <shift|change|break> from {P:s} <earlier|previous> "
  "<position|stance|plans> on {X}.",
  "{P} spent {NUMS} <weeks|months|years> <pushing for|lobbying against|studying> {TN} <before|after> "
  "{O} <stepped in|got involved|changed course>.",
  "<By|Since> {MONTH}, {M} had {VI} <to|by> {PCT}, <data|figures|estimates> from {O} <show|showed>.",
  "{GRP} <in|across|outside> {L} <say|said> {TN} <has|had> <left|put> {NUM} households <in limbo|"
  "under pressure|out of pocket> since {MONTH}.",
  "The <row|dispute|debate|fight> over {TN} <deepened|eased|flared> {DAY} <when|after> {P} {GV} "
  "<a|the> {GA} {GN}.",
  "{O} <estimates|says|believes> <that|> {NUM} {GNS} <could|may|will> be <needed|lost|created> <by|before> "
  "{YEAR}.",
  "<Speaking|Writing> <to|for> {AG}, {P} <described|called> {TN} <as|> “{GA}.”",
  "{P}, who <joined|left|founded|advised> {O} in {YEAR}, <has|had> <backed|opposed|questioned> {TN} "
  "<from the start|for months|since {MONTH}>.",
  "A <draft|copy|summary> of {X}, <seen by|obtained by|shared with> {AG}, <lists|outlines|proposes> "
  "{NUM} <measures|options|changes> <for|affecting> {GRP} in {L}.",
  "<In|Across> {NUMS} of the {NUM} <districts|regions|towns> in {C}, {GRP} <reported|noticed|faced> {NUM} "
  "<delays|shortages|complaints> <linked to|blamed on> {TN}.",
  "The <cost|price|bill> of {TN} <has|had> <more than doubled|risen|climbed> <to|from> {MONEY} <since|in> "
  "{YEAR}.",
  "{TN} was <drafted|negotiated|designed> by {P:f}, a protégé of {P:o}.",
  "In {L}, where <about|nearly|some> {NUM} {GRP} <live|work>, {TN} <is|was> <a|the> {GA} "
  "<topic|concern|question>.",
  "{P} and {P:o} <met|spoke|clashed> over {X} {DAY}.",
  "{X} <covers|affects|would cover> {NUM} {GNS} and {NUM} {GRP}, {O} <said|estimates>.",
  "<Opposition to|Support for> {X} <grew|fell|held steady> in {L} after {P} {GV} {TN}.",
  "{O} <plans to|will|may> <extend|expand|pause|review> {X} to {L} by {MONTH} {YEAR}.",
};

constexpr const char* kQuotes =
    "we <will|intend to> {GVB} {TN} <before {MONTH}|this year|{DAY}>|"
    "this is a {GA} <moment|day|test> for {L}|"
    "{GRP} in {L} <deserve|want> <answers|clarity> about {TN}|"
    "<nobody|no one> <expected|predicted> {TN} to <go this far|move so fast>|"
    "I think {TN} <is not|isn't|was never> <ready|enough|the answer>|"
    "{TN} <isn't|wasn't> <going away|the answer|over>|"
    "what {TN} <will mean|means> for {L} <is|remains> <unclear|hard to say>|"
    "<our|my> <priority|focus> is the {GRP} of {L}|"
    "we can't {GVB} {TN} <alone|overnight>|"
    "there is <no|little> <evidence|sign> that {TN} has {VN} {GRP}|"
    "<frankly|honestly>, {TN} was {GA}|"
    "we <warned|told> {O} about {X} <months|years> ago|"
    "{NUM} {GRP} in {L} have <waited|paid> long enough|"
    "{TN} <worries|angers|encourages> {GRP} in {L}|"
    "{O} will <face us in court|hear from us> <if|unless> {TN} <changes|improves>|"
    "{P:l} knows {TN} <won't|will not> <work|last|pass>";

constexpr const char* kClauses =
    "{TN} would {GVB} {GRP} <in|across> {C}|"
    "the {NS} in {L} had {VN} {ADV}|"
    "{TN} had caught {NUM} {GRP} in {L} <unprepared|off guard>|"
    "{TN} <could|would|might> <cost|save> {MONEY}|"
    "{O} had <failed|refused|promised> to {VB} {TN}|"
    "{TN} was <likely|unlikely|expected> to <go ahead|take effect|pass> <soon|before {MONTH}>|"
    "<more than|nearly|about> {PCT} of {GRP} <supported|opposed> {TN}|"
    "{TN} <posed|poses> a <risk|threat|challenge> to {NS} in {L}|"
    "{M} had <risen|fallen|climbed|dropped> {PCT} since {TN} <took effect|was announced>|"
    "the government <had|has> <underestimated|ignored|misjudged> {TN}|"
    "{P} had <known|warned> about {TN} <for months|since {YEAR}>";

constexpr const char* kHeadlines =
    "{O} to {VB} {TN}|"
    "{M} {VIS} to {PCT} in {MONTH}|"
    "{P:l} says {TN} will {GVB} {GRP}|"
    "{TN} {HV} {L}|"
    "<What|Why|How> {X} means for {GRP}|"
    "{GRP} in {L} {GV} {TN}|"
    "{O} {V} {TN} after {GA} {GN}|"
    "{X} row: {P:l} <faces|draws|rejects> <criticism|calls to quit|questions>|"
    "{C} {VS} {TN} as {M} {VIS}|"
    "{NUM} {GRP} affected by {TN} in {L}|"
    "<Inside|Behind> {X} that {HV} {L}|"
    "{P:p} {N} <wins|faces|loses> <backing|scrutiny|support>|"
    "<Live|Analysis|Explainer>: {O} {V} {TN}|"
    "{FIG} {X} <approved|delayed|unveiled|scrapped>|"
    "{L} <braces for|reacts to|counts cost of> {TN}|"
    "<Exclusive|Update>: {GRP} <fear|welcome|question> {X}";

// clang-format on

// Entries without a slot ("the finance minister", "the {C} Finance Ministry") would read the same in every
// story of a topic; give them the story's place: "the " becomes `the_prefix` ("Valdoria's finance
// minister", "the Valdoria Ministry of Finance"), other entries get `suffix` ("a hydrologist in Kalford").
std::string Localize(std::string_view entries, std::string_view the_prefix, std::string_view suffix) {
  std::string out;
  for (std::string_view e : SplitTopLevel(entries, '|')) {
    if (!out.empty()) out += '|';
    if (e.find('{') != std::string_view::npos) {
      out += e;
    } else if (e.substr(0, 4) == "the ") {
      out += the_prefix;
      out += e.substr(4);
    } else {
      out += e;
      out += suffix;
    }
  }
  return out;
}

}  // namespace

std::unique_ptr<Language> BuildEnglish() {
  auto en = std::make_unique<Language>("en", /*spaced=*/true);
  Language& l = *en;
  l.set_thousands_sep(',');

  for (const TopicSpec& spec : kTopics) {
    Topic* t = l.AddTopic(spec.name, spec.section);
    l.AddNouns(t, "N", spec.nouns);
    l.AddVerbs(t, "V", spec.verbs);
    l.AddList(t, "A", spec.adjectives, WordClass::kAdj);
    l.AddList(t, "M", spec.measures);
    l.AddList(t, "GRP", spec.groups, WordClass::kNoun);
    l.AddList(t, "ROLE", Localize(spec.roles, "{C:s} ", " in {L}"));
    l.AddList(t, "ORG", Localize(spec.orgs, "the {C} ", " of {C}"));
  }

  // General vocabulary, shared by all topics.
  l.AddNouns(
      nullptr, "GN",
      "decision|plan|proposal|report|statement|meeting|deal|agreement|policy/policies|program|project|"
      "vote|review|measure|change|announcement|investigation|debate|move|warning|deadline|rule|process|"
      "effort|system|crisis/crises|issue|question|concern|response|request|step|strategy/strategies|goal|"
      "priority/priorities|risk|challenge|delay|target|demand|promise|letter|figure|compromise|"
      "setback|shortfall|framework|timetable|estimate|survey|complaint|loophole|overhaul");
  l.AddVerbs(
      nullptr, "GV",
      "announce|approve|reject|delay|review|support|criticize|welcome|question|defend|discuss|consider|"
      "confirm|deny/denied|propose|release|publish|accept|introduce|outline|suspend|launch|expand|back|"
      "affect|hurt/hurt/hurt|help|benefit|burden|reshape|protect|undermine|finance|oversee/oversaw/overseen");
  l.AddList(nullptr, "GA",
            "new|major|key|significant|unexpected|recent|long-running|controversial|ambitious|modest|sharp|"
            "broad|limited|rare|final|latest|initial|formal|temporary|detailed|urgent|serious|growing|"
            "widespread|crucial|careful|difficult|bold|fragile|costly|welcome|overdue|surprising|familiar",
            WordClass::kAdj);
  l.AddList(nullptr, "A", "new|major|key|significant|recent|ambitious|modest|temporary|latest|revised",
            WordClass::kAdj);
  l.AddList(nullptr, "ADV",
            "sharply|quickly|slowly|steadily|largely|partly|already|still|reportedly|initially|eventually|"
            "formally|quietly|publicly|narrowly|broadly|significantly|unexpectedly|repeatedly|recently",
            WordClass::kAdv);
  l.AddList(nullptr, "SAY",
            "said|added|noted|said on {WEEKDAY}|told "
            "reporters|wrote|explained|argued|insisted|warned|stressed|"
            "acknowledged|conceded|observed");
  l.AddList(nullptr, "CONN",
            "However,|Meanwhile,|Still,|In addition,|Separately,|Earlier,|Later,|Even so,|For now,|Last "
            "year,|"
            "On {WEEKDAY},|In {MONTH},|Since {YEAR},");
  l.AddList(nullptr, "GRP",
            "officials|residents|analysts|critics|experts|observers|local leaders|community groups|"
            "business owners|campaigners",
            WordClass::kNoun);
  l.AddList(nullptr, "GRPONE",
            "resident|analyst|critic|shop owner|teacher|retiree|student|driver|nurse|commentator",
            WordClass::kNoun);
  l.AddList(nullptr, "ADJPRED",
            "pending|unresolved|on hold|under review|in place|in doubt|uncertain|unclear|stalled");
  l.AddList(nullptr, "SUPER",
            "largest|biggest|first|worst|most serious|sharpest|longest|most expensive|most "
            "ambitious|smallest",
            WordClass::kAdj);
  l.AddList(nullptr, "CONCRETE",
            "signs|banners|flags|umbrellas|candles|placards|photographs|flowers|leaflets|notebooks",
            WordClass::kNoun);
  l.AddList(nullptr, "VI",
            "rose|fell|climbed|dropped|slipped|jumped|edged up|edged down|declined|grew|surged|eased",
            WordClass::kVerb);
  l.AddList(nullptr, "VIS", "rises|falls|climbs|drops|slips|jumps|edges up|eases|surges|dips",
            WordClass::kVerb);
  l.AddList(nullptr, "HV", "hits|rattles|divides|shakes|splits|lifts|worries|tests|stalls|sparks|faces|draws",
            WordClass::kVerb);
  l.AddList(nullptr, "WEEKDAY", "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday");
  l.AddList(nullptr, "MONTH",
            "January|February|March|April|May|June|July|August|September|October|November|December");
  l.AddList(nullptr, "DAY",
            "on {WEEKDAY}|on {MONTH} {D}|last week|earlier this month|on {WEEKDAY} evening|on {WEEKDAY} "
            "morning|"
            "late on {WEEKDAY}|this week|last month|over the weekend|on {WEEKDAY} afternoon");
  l.AddList(nullptr, "MONEY",
            "${DEC} billion|${DEC} million|${NUM} million|€{DEC} billion|€{NUM} million|£{DEC} million|"
            "{DEC} billion euros|{NUM} million dollars|${NUM}");
  l.AddList(nullptr, "PCT", "{DEC} percent|{DEC}%|{DEC} per cent");
  l.AddList(nullptr, "FIGURE", "${DEC} billion|€{NUM} million|${NUM} million|£{DEC} billion");
  l.AddList(nullptr, "TN", "{X}|{X}|the {N}|the {A} {N}");
  l.AddList(nullptr, "THING", "the {NEW} {N}|the {NEW} {N}|the {L} {N}|the {NEW} {GN}");
  l.AddWords(
      "NAME_A",
      "Or|Kel|Vas|Tam|Bri|Hal|Cor|Del|Fen|Gil|Jor|Lin|Mar|Nev|Pal|Quen|Ros|Sol|Tor|Ul|Var|Wen|Yel|Zan|"
      "Ast|Bel|Cas|Dar|Elv|Fal|Hest|Ing|Kor|Lum|Mir|Nor|Osk|Pry|Ren|Sev|Tal|Vey|Wyr|Ard|Brel|Cal|Dun|Ély|"
      "Mö|Sø");
  l.AddWords("NAME_B",
             "ane|ora|ix|ex|ton|wick|more|via|ello|ent|ara|us|ion|ith|ley|oth|ard|inn|ax|ero|anza|ield|ova|"
             "ium|ander|ette|os|isk|und|ame");
  l.AddList(nullptr, "QUOTE", kQuotes);
  l.AddList(nullptr, "CLAUSE", kClauses);
  l.AddList(nullptr, "HEADLINE", kHeadlines);
  for (const char* body : kBody) l.AddList(nullptr, "BODY", body);
  l.AddList(nullptr, "DATELINE", "{L:u}, {MONTH} {D} ({AG}) —|{L:u} ({AG}) —|{L:u} —|{L:u}, {C} —");
  l.AddList(nullptr, "AGENCY",
            "Meridian Wire|Northstar Press|Coastline News Agency|Tellus Press Service|Harbor Wire Service|"
            "Continental Press|Lodestar News");
  l.AddList(nullptr, "SAYM", "said");
  l.AddList(nullptr, "SAYF", "said");
  l.AddList(nullptr, "SHORT",
            "Breaking news|Live updates|Developing story|More to follow|Photo gallery|Watch live|"
            "Listen to this article|Correction appended|Updated|Video|Read more|Subscribe now|Weather alert|"
            "Traffic update|Opinion|In pictures");
  l.AddList(nullptr, "SPELLED", "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve");

  // Names. About a third of first names and surnames carry diacritics, as in international news.
  l.AddWords("FIRST_F",
             "Ana|Maria|Elena|Sofia|Laura|Clara|Nina|Irene|Julia|Sarah|Emma|Hannah|Grace|Olivia|Amira|Leila|"
             "Priya|Mei|Yuki|Ingrid|Astrid|Freya|Greta|Marta|Paula|Rosa|Carmen|Alice|Helen|Ruth|Diane|Karen|"
             "Judith|Naomi|Tamar|Fatima|Aisha|Zoë|Renée|Inès|Léa|Chloé|Agnès|Hélène|Márta|Zsófia|Ágnes|Inês|"
             "Lucía|Sofía|Małgorzata|Kateřina|Åsa|Dóra|Anaïs|Noémie|Begoña|Gülşen|Björg|Siân");
  l.AddWords(
      "FIRST_M",
      "David|Daniel|Michael|Thomas|Peter|Paul|Mark|James|John|Robert|Samuel|Adam|Victor|Oscar|Hugo|Felix|"
      "Omar|Karim|Rahul|Kenji|Lars|Erik|Anders|Marco|Luca|Pablo|Carlos|Diego|Ivan|Pavel|Stefan|Andrei|"
      "Nikolai|George|Henry|Arthur|Simon|Tobias|José|André|Jérôme|Clément|Tomás|Joaquín|Ramón|Iñigo|"
      "Søren|Jürgen|Jörg|Łukasz|Tomáš|Jiří|Dušan|Miloš|Ömer|Björn|Émile|François|Raphaël|Zoltán|Gábor");
  l.AddWords(
      "SN_ROOT",
      "Var|Kel|Mor|Dal|Brenn|Ost|Hal|Cor|Len|Mar|Tav|Rud|Sel|Vel|Dor|Fen|Gar|Hol|Kas|Lom|Nor|Pell|Quin|"
      "Rav|Sten|Thal|Wes|Yar|Zel|Kov|Nov|Lind|Berg|Sund|Holm|Ash|Fair|Thorn|Ald|Brom|Cald|Dunn|Elst|"
      "Bél|Dür|Mül|Sán|Gó|Nú|Šim|Dvoř|Kö|Hó|Jé|Bö|Krá|Vá|Ló");
  l.AddWords("SN_END",
             "enko|ova|ski|sen|son|berg|feld|ford|ton|wood|ley|er|man|ini|elli|etti|ez|ard|ic|ak|ek|mann|"
             "ström|stad|vik|ás|ić|ová|ský|ière|ó|é|ller|ner");
  l.AddWords("SURNAME",
             "Okafor|Lindqvist|Haddad|Moreau|Tanaka|Novak|Oyelaran|Castellano|Whitfield|Brennan|Achterberg|"
             "Kowalczyk|Petrović|Ferreira|Dubois|Gallagher|Mensah|Rasmussen|Ishikawa|Quintero|Núñez|Müller|"
             "Böhm|Gonçalves|Lefèvre|Håkansson|Østergaard|Szabó|Dvořák|Çelik");
  l.AddWords("CITY_PRE", "Port|San|New|Nova|Saint|Lake|Fort|Upper|East");
  l.AddWords(
      "CITY_ROOT",
      "Alv|Bren|Cal|Dun|Esk|Fal|Gren|Hav|Ist|Kal|Lor|Mer|Nes|Orv|Pal|Ros|Sar|Tor|Val|Wyn|Zar|Bel|Cor|Dra|"
      "Elm|Gal|Hol|Jar|Kest|Lum|Mor|Nor|Ost|Pren|Quar|Rav|Sel|Tam|Ver|Wes|Yor|Sév|Mü|Øl");
  l.AddWords(
      "CITY_END",
      "ane|ford|mouth|grad|polis|haven|ville|bury|stad|heim|ia|ova|ec|ín|ères|ton|wick|dale|burg|by|"
      "ora|ento|ais|ice|sk|øy|mere|field");
  l.AddWords(
      "COUNTRY",
      "Valdoria|Norvania|Estrelia|Kordavia|Almerra|Brevonia|Ostrania|Montavia|Lusitra|Tarvonia|Quelland|"
      "Serravia|Halvania|Dunmark|Vestria|Corvalia|Pellaria|Zarovia|Eldmark|Marivel|Sundara|Belgrena|"
      "Fennmoor|Kastelia|Rovenna|Islaterra|Sévria|Ménardie|Øresia|Castañar");
  l.Validate();
  return en;
}

}  // namespace neardup::datagen
