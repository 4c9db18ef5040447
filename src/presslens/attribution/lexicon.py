"""Cue and source vocabulary for attribution: which words introduce a statement, and which
speakers are vague.

The lists are lemmas, so one entry covers every inflection ("stress" → stressed, stresses).
They are deliberately broad: news reports attribute with many verbs beyond "said".
"""

# Verbs of saying, reporting and stance that introduce reported content (a clause or an object).
SPEECH_VERBS = frozenset("""
say tell add note stress warn claim confirm deny insist explain announce report write tweet post
suggest acknowledge admit argue assert maintain contend concede point emphasize emphasise reiterate
promise pledge vow threaten indicate reveal disclose complain describe testify allege mention recount
observe comment remark signal hint caution predict forecast question wonder conclude declare state
respond reply recall urge ask demand accuse criticize criticise praise blast slam hail welcome thank
charge counter retort quip muse joke concur agree lament boast brag proclaim underline underscore
highlight recommend advise propose estimate calculate find show cite quote inform assure reassure
announce affirm reaffirm voice express tout decry condemn denounce dismiss rebut reject dispute
contradict clarify elaborate whisper shout yell cry scream exclaim mutter acknowledge
predict speculate answer interject call refer label brand dub characterize characterise portray theorize theorise opine conclude declare observe notify brief
confess echo discuss defend applaud mock congratulate repeat talk speak endorse
""".split())

# Verbs of talking that attribute only their topic: "spoke about the budget", "talked of reform".
TOPIC_VERBS = frozenset("talk speak".split())

# Verbs that introduce a statement only next to a quotation: "“…,” she continued", "the sign read: “…”".
QUOTATION_ONLY_VERBS = frozenset("continue read chant interrupt".split())

# Stance verbs that PolNeAR-style corpora also annotate (beliefs, intentions); kept separate so
# callers can weigh them lower: they attribute a mental state, not a statement.
BELIEF_VERBS = frozenset("""
believe think feel hope fear expect worry doubt suspect consider reckon imagine
want support oppose plan intend favor favour refuse seek prefer
""".split())

# Verbs that only attribute when they govern a clause or a quotation ("found that", "shows that").
CLAUSE_ONLY_VERBS = frozenset("find show add write post state know note ask".split())

# Objects that turn a light verb into a cue: "voiced confidence", "expressed gratitude".
LIGHT_VERBS = frozenset("voice express offer extend convey give issue make".split())
CUE_NOUNS = frozenset("""
confidence gratitude hope concern regret condolence condolences support thanks doubt doubts
belief view opinion assurance assurances warning statement remark remarks comment comments
criticism praise appreciation satisfaction dismay disappointment objection objections
""".split())

# Nouns naming a statement: "X's remarks that …", "in a statement, X …".
STATEMENT_NOUNS = frozenset("""
statement remarks remark comments comment interview speech briefing address post tweet message
communique communiqué readout release announcement letter report op-ed column video
""".split())

# Heads of speaker phrases that name no one in particular: "officials said", "a source said".
VAGUE_HEADS = frozenset("""
official officials source sources expert experts analyst analysts observer observers critic critics
people person resident residents witness witnesses diplomat diplomats insider insiders aide aides
someone many some others commentator commentators specialist specialists media report reports
reporter reporters military-expert authorities authority member members spokesperson
""".split())

FIRST_PERSON = frozenset("i we me us my our mine ours myself ourselves".split())
PERSONAL_PRONOUNS = frozenset("he she they it him her them".split())

# Role heads for speaker descriptions: "the spokeswoman", "the Russian president".
ROLE_NOUNS = frozenset("""
president vice-president minister prime premier chancellor secretary spokesman spokeswoman spokesperson
chief head leader director chairman chairwoman chair general commander ambassador envoy senator
representative congressman congresswoman governor mayor king queen prince emperor pope official
adviser advisor aide candidate nominee lawmaker legislator deputy speaker judge prosecutor attorney
lawyer economist analyst expert professor researcher scientist ceo founder executive manager
officer colonel major captain lieutenant admiral marshal sergeant commissioner ombudsman
councillor councilor councilman councilwoman dean rector editor correspondent journalist reporter
diplomat negotiator delegate chairperson premier monarch sheikh emir ayatollah cleric bishop
coach player nurse doctor teacher farmer engineer trader diver pilot campaigner activist organizer organiser founder owner author historian
""".split())
