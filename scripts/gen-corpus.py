#!/usr/bin/env python3
"""Write a synthetic news corpus for benchmarks.

usage: scripts/gen-corpus.py --docs N --stories S --out DIR [--seed K]
                             [--no-chrome]

Writes N plain-text articles, DIR/00001.txt ..., spread round-robin over
S invented stories. A story is an invented event (an aircraft shot down,
a ferry sinking, a flood ...) in a city from rules/gazetteer/places.tsv,
on an invented date, with invented people, designators and counts. Each
article retells its story as a short wire story (headline, blank line,
paragraphs, an outlet line) in its own words and order; counts sometimes
differ between articles of one story, so the comparator meets conflicts.

Unless --no-chrome, each article sits inside the text of a news web page
as a copy-paste or a crude scrape leaves it: a navigation line, a byline
and timestamp, share buttons, "related" and "most read" headlines about
other invented events, a newsletter box, a cookie notice, a footer. The
page parts come from a random generator of their own, so the article
text for a seed is the same with and without them; with them, 5,000
articles make about 20 MB.

Nothing here is a real event: names come from small built-in lists and
designators from random letters and digits. Output depends only on the
arguments and the seed, so a benchmark run can be repeated exactly.
"""
import argparse
import datetime
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PLACES = os.path.join(HERE, "..", "rules", "gazetteer", "places.tsv")

GIVEN = (
    "Anna Omar Maria Ahmed Elena Ivan Kenji Amara Tomas Lucia Samir Nadia "
    "Pavel Grace Daniel Fatima Yusuf Ingrid Marta Jonas Sofia Hassan Olga "
    "Peter Rosa Karim Leila Victor Irina Luis Aisha Tariq Ewa Milan Carlos "
    "Hana David Miriam Rafael Helen"
).split()
FAMILY = (
    "Varga Okafor Lindqvist Haddad Moreno Petrov Tanaka Mensah Novak "
    "Castillo Ibrahim Kowalski Brennan Sato Adeyemi Horvat Farouk Jensen "
    "Delgado Markovic Osei Rahimi Keller Nakamura Costa Abiodun Sorensen "
    "Vasquez Demir Halloran Lindgren Qureshi Baptiste Moravec Achterberg "
    "Okonkwo Salazar Tesfaye Rinaldi Kaczmarek"
).split()
OUTLET_A = (
    "Meridian Northfield Harbour Eastline Crossroads Lantern Summit "
    "Riverside Keystone Beacon Compass Highland Granite Coastal Frontier"
).split()
OUTLET_B = (
    "Wire|Tribune|Daily|Courier|News Service|Herald|Post|Dispatch|Report|"
    "Observer"
).split("|")
SYLL = "ka ro mi sel van tor lu den ar is ba nor vel ost ra fin go ta".split()
MONTHS = (
    "January February March April May June July August September "
    "October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve"
).split()

# Event types. Each names its counts (killed always first) and the
# phrases the templates below fill in. {what} is the thing the event
# happened to, made by the story's designator; {where} is a place phrase.
EVENTS = [
    {
        "kind": "shootdown",
        "designator": "aircraft",
        "counts": ("killed", "aboard"),
        "head": [
            "{what} shot down near {city}, {killed} dead",
            "{killed} killed as {what} is downed over {country}",
            "Missile brings down {what} near {city}",
        ],
        "lede": [
            "{killed_p} people were killed when {what_a} was shot down "
            "near {city} {date}, {officials} said.",
            "{what_a} carrying {aboard_p} people was brought down by a "
            "missile near {city}, {country}, {date}, killing {killed_p}, "
            "{officials} said.",
        ],
        "detail": [
            "The aircraft had {aboard_p} passengers and crew on board and "
            "was flying at cruising altitude when contact was lost.",
            "Debris was scattered over several kilometres of farmland "
            "east of {city}, witnesses said.",
            "Investigators said the wreckage showed signs of an external "
            "blast, and that the flight recorders had been recovered.",
        ],
        "noun": "attack",
    },
    {
        "kind": "crash",
        "designator": "flight",
        "counts": ("killed", "aboard", "injured"),
        "head": [
            "{what} crashes near {city}, {killed} killed",
            "{killed} dead after plane crash outside {city}",
            "Passenger plane goes down near {city}",
        ],
        "lede": [
            "{what} crashed shortly after take-off from {city} {date}, "
            "killing {killed_p} of the {aboard_p} people on board, "
            "{officials} said.",
            "{killed_p} people died when {what} came down in a field "
            "near {city}, {country}, {date}.",
        ],
        "detail": [
            "{injured_p} survivors were taken to hospitals in {city}, "
            "some in a serious condition.",
            "The pilot had reported a technical problem minutes before "
            "the aircraft disappeared from radar.",
            "The airline said it was cooperating fully with the "
            "investigation and had set up a hotline for relatives.",
        ],
        "noun": "crash",
    },
    {
        "kind": "bombing",
        "designator": None,
        "counts": ("killed", "injured"),
        "head": [
            "Bomb blast kills {killed} in {city}",
            "{killed} dead in {city} market bombing",
            "Explosion rips through crowded street in {city}",
        ],
        "lede": [
            "A bomb exploded in a busy market in {city} {date}, killing "
            "{killed_p} people and wounding {injured_p}, {officials} said.",
            "{killed_p} people were killed and {injured_p} injured when an "
            "explosive device went off near a bus station in {city}, "
            "{country}, {date}.",
        ],
        "detail": [
            "{injured_p} people were being treated in hospital, several of "
            "them for severe burns.",
            "No group has so far claimed responsibility for the attack.",
            "Police sealed off the area and searched nearby buildings for "
            "a second device.",
        ],
        "noun": "bombing",
    },
    {
        "kind": "flood",
        "designator": None,
        "counts": ("killed", "missing", "evacuated"),
        "head": [
            "Floods kill {killed} around {city}",
            "{killed} dead, thousands evacuated as rivers burst banks "
            "near {city}",
            "Flash floods sweep through {city}",
        ],
        "lede": [
            "Floods after days of heavy rain have killed {killed_p} "
            "people in and around {city}, {officials} said {date}.",
            "{killed_p} people died and {missing_p} were missing "
            "after flash floods swept through {city}, {country}, {date}.",
        ],
        "detail": [
            "About {evacuated_p} residents were evacuated from low-lying "
            "districts, and {missing_p} people were still missing.",
            "Roads and bridges were washed away, cutting off several "
            "villages from the regional centre.",
            "Forecasters warned that more rain was expected over the "
            "coming days.",
        ],
        "noun": "floods",
    },
    {
        "kind": "earthquake",
        "designator": "magnitude",
        "counts": ("killed", "injured"),
        "head": [
            "{what} earthquake strikes near {city}",
            "Quake kills {killed} near {city}",
            "{killed} dead after strong earthquake in {country}",
        ],
        "lede": [
            "{what_a} earthquake struck near {city} {date}, killing "
            "{killed_p} people and injuring {injured_p}, {officials} said.",
            "{killed_p} people were killed when {what_a} earthquake shook "
            "{city}, {country}, {date}, bringing down buildings.",
        ],
        "detail": [
            "{injured_p} people were injured, many by falling masonry, and "
            "hospitals in {city} appealed for blood donors.",
            "The quake was felt hundreds of kilometres away, and several "
            "aftershocks followed within the hour.",
            "Rescue workers used heavy machinery to search the rubble of "
            "collapsed apartment blocks.",
        ],
        "noun": "earthquake",
    },
    {
        "kind": "protest",
        "designator": None,
        "counts": ("killed", "injured", "arrested"),
        "head": [
            "{killed} killed in election protests in {city}",
            "Police clash with protesters in {city}",
            "Deadly unrest in {city} after disputed vote",
        ],
        "lede": [
            "{killed_p} people were killed in clashes between police and "
            "protesters disputing the election result in {city} {date}, "
            "{officials} said.",
            "Security forces fired tear gas at crowds in {city}, {country}, "
            "{date}, in protests over the election that left {killed_p} "
            "people dead.",
        ],
        "detail": [
            "{arrested_p} people were arrested and {injured_p} injured, "
            "according to the interior ministry.",
            "Opposition leaders called for a recount and urged supporters "
            "to keep protesting peacefully.",
            "Shops in the city centre stayed shut and internet access was "
            "restricted for several hours.",
        ],
        "noun": "violence",
    },
    {
        "kind": "ferry",
        "designator": "vessel",
        "counts": ("killed", "aboard", "missing"),
        "head": [
            "Ferry sinks off {city}, {killed} dead",
            "{what} capsizes near {city}",
            "Dozens missing after ferry disaster near {city}",
        ],
        "lede": [
            "The ferry {what} sank off {city} {date} with {aboard_p} people "
            "on board, killing {killed_p}, {officials} said.",
            "{killed_p} people drowned when the passenger ferry {what} "
            "capsized in rough seas near {city}, {country}, {date}.",
        ],
        "detail": [
            "{missing_p} passengers were still missing as coastguard boats "
            "searched the area through the night.",
            "Survivors said the vessel was overloaded and listed sharply "
            "before it went down.",
            "The operator said the ferry had passed a safety inspection "
            "earlier in the year.",
        ],
        "noun": "sinking",
    },
    {
        "kind": "derailment",
        "designator": "train",
        "counts": ("killed", "injured", "aboard"),
        "head": [
            "Train derails near {city}, {killed} killed",
            "{killed} dead in rail crash outside {city}",
            "Passenger train leaves the tracks near {city}",
        ],
        "lede": [
            "{what} derailed near {city} {date}, killing {killed_p} "
            "passengers and injuring {injured_p}, {officials} said.",
            "{killed_p} people were killed when {what} left the tracks on "
            "a bend outside {city}, {country}, {date}.",
        ],
        "detail": [
            "The train was carrying about {aboard_p} passengers when "
            "several carriages overturned.",
            "{injured_p} people were taken to hospital, the regional "
            "health department said.",
            "Rail traffic on the line was suspended while engineers "
            "inspected the track.",
        ],
        "noun": "derailment",
    },
]

# Titles of the story's own officials; FOREIGN_ROLES are another
# country's. A "spokesman" becomes a "spokeswoman" for a woman.
LOCAL_ROLES = [
    "Interior Minister", "Transport Minister", "Emergencies Minister",
    "Prime Minister", "Governor", "Mayor", "police spokesman",
    "fire service spokesman", "army spokesman",
]
FOREIGN_ROLES = ["Foreign Minister", "President", "Prime Minister"]

QUOTES = [
    "Our thoughts are with the families of the victims",
    "We will find those responsible and bring them to justice",
    "Rescue teams are working through the night",
    "It is too early to say what caused the {noun}",
    "This is a dark day for our country",
    "We are doing everything we can to help the injured",
    "The number of dead may still rise",
    "We have asked for an independent investigation",
    "Everyone was screaming, and then there was silence",
    "I saw smoke and people running in every direction",
    "We stand ready to help in any way we can",
    "The situation is under control, but we urge people to stay calm",
    "We owe the families answers, and they will get them",
    "Every available team has been sent to the scene",
    "Nobody should have to go through what these people went through",
    "We will not rest until every missing person is accounted for",
    "Questions will be asked, and they must be answered honestly",
    "Our hospitals are coping, but they need more blood",
]
# QUOTES[8] and QUOTES[9] are a witness's; the rest an official's.
OFFICIAL_QUOTES = QUOTES[:8] + QUOTES[10:]
SAID = ["said", "told reporters", "said in a statement", "added"]
OFFICIALS = ["officials", "local officials", "authorities", "the authorities",
             "emergency services", "rescue officials"]
WITNESS = ["shopkeeper", "taxi driver", "teacher", "student", "nurse",
           "farmer", "retired engineer", "market trader"]
FOLLOW = [
    "{pron} said the government would publish a full account of events.",
    "{pron} gave no further details.",
    "{pron} declined to say when the search would end.",
    "{pron} said relatives would be kept informed.",
]
LEDE_MORE = [
    "It was not immediately clear what caused the {noun}.",
    "Rescue work was expected to continue through the night.",
    "The toll was expected to rise as rescuers reached outlying areas.",
    "Officials said the figures were provisional.",
]
WITNESS_MORE = [
    "We did not know where to go, so we just ran",
    "My neighbours are still looking for their son",
    "Nobody came to help us for hours",
    "I have never seen anything like it in my life",
]
EXTRA = [
    "{official} said {killed_p} people had been confirmed dead and "
    "{injured_p} hurt, adding that the toll could still rise as the search "
    "went on. Officials gave no breakdown of the dead by nationality.",
    "Relatives gathered outside the city morgue in {city} through the "
    "night, many holding photographs of the missing. Volunteers handed out "
    "water and blankets as the temperature fell.",
    "Opposition politicians demanded to know why warnings had been "
    "ignored, and called for the responsible officials to resign. The "
    "government said it would not comment until the inquiry was complete.",
    "Earlier reports had put the death toll at {early}, but {officials} "
    "revised the figure as rescuers reached the scene.",
    "{official} said an investigation had been opened and that a "
    "commission would report within {days} days. Its members would "
    "include independent experts as well as government officials.",
    "The {noun} happened at about {hour} {ampm} local time, according to "
    "{officials}. Mobile networks in the area were overloaded for hours "
    "afterwards.",
    "{other} offered to send rescue teams and medical supplies, and the "
    "United Nations said it was ready to help.",
    "Television pictures showed ambulances lining the streets of {city} "
    "and crowds gathering outside hospitals to look for relatives.",
    "Hospitals in {city} said they had cancelled routine operations to "
    "make room for the injured, and called in off-duty staff.",
    "The government said the families of those killed would receive "
    "compensation, and that funerals would be paid for by the state.",
    "By evening, {officials} said {killed_p} bodies had been recovered "
    "and identified. The names of the dead would be released once their "
    "families had been told.",
    "It was the deadliest {noun} in {country} in more than a decade. "
    "Critics have long complained that emergency services in the region "
    "are underfunded and poorly equipped.",
    "Flags were lowered to half-mast on government buildings across "
    "{country}, and a day of national mourning was declared for "
    "{day_after}.",
]
REACT = [
    "{other}'s {name_t} said {pron} was shocked by the {noun} and offered "
    "condolences to the people of {country}.",
    "Governments abroad sent messages of sympathy; {other}'s {name_t} "
    "called the {noun} a tragedy.",
]
def load_cities(path):
    """Return [(city, country)] from places.tsv rows of type city."""
    cities = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[1] == "city":
                cities.append((cols[0], cols[2]))
    return cities


def invented_word(rng, n):
    return "".join(rng.choice(SYLL) for _ in range(n)).capitalize()


def designator(rng, kind):
    """An invented designator and the phrase for it, e.g. 'flight 7721'."""
    if kind == "aircraft":
        code = "%s%s-%d" % (rng.choice("ABCDEFGHKLMNPRSTVXZ"),
                            rng.choice("abcdefghkmnprstvxz"),
                            rng.randint(10, 99))
        art = "an" if code[0] in "AEFHLMNRSX" else "a"
        return code, "%s %s airliner" % (art, code), code + " airliner"
    if kind == "flight":
        airline = invented_word(rng, 2) + " Air"
        num = rng.randint(100, 9999)
        what = "%s flight %d" % (airline, num)
        return what, what, what
    if kind == "vessel":
        name = "MV %s %s" % (invented_word(rng, 2), invented_word(rng, 1))
        return name, "the ferry " + name, name
    if kind == "train":
        num = rng.randint(10, 899)
        what = "the %d express" % num
        return what, what, "Express %d" % num
    if kind == "magnitude":
        mag = "%.1f" % rng.uniform(5.2, 7.9)
        return ("magnitude-" + mag, "a magnitude-" + mag,
                "Magnitude-" + mag)
    return None, None, None


def make_story(rng, cities):
    ev = rng.choice(EVENTS)
    city, country = rng.choice(cities)
    other = rng.choice([c for _, c in cities[:200] if c != country] or
                       [country])
    date = datetime.date(2005, 1, 1) + datetime.timedelta(
        days=rng.randint(0, 365 * 18))
    what, what_a, what_h = designator(rng, ev["designator"])
    killed = rng.choice([rng.randint(2, 30), rng.randint(20, 300)])
    counts = {
        "killed": killed,
        "injured": killed + rng.randint(3, 200),
        "aboard": killed + rng.randint(0, 120),
        "missing": rng.randint(2, 60),
        "evacuated": rng.randint(5, 90) * 100,
        "arrested": rng.randint(10, 400),
    }
    people = []
    used = set()
    for title in rng.sample(LOCAL_ROLES, 3):
        people.append(person(rng, used, title, country))
    people.append(person(rng, used, rng.choice(FOREIGN_ROLES), other))
    witness = person(rng, used, None, country)
    return {
        "ev": ev, "city": city, "country": country, "date": date,
        "what": what, "what_a": what_a, "what_h": what_h,
        "counts": counts, "people": people, "witness": witness,
    }


def person(rng, used, title, country):
    while True:
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        if family not in used:
            used.add(family)
            break
    fem = given in ("Anna Maria Elena Amara Lucia Nadia Grace Fatima "
                    "Ingrid Marta Sofia Olga Rosa Leila Irina Aisha Ewa "
                    "Hana Miriam Helen").split()
    if title and fem:
        title = title.replace("spokesman", "spokeswoman")
    return {"given": given, "family": family, "title": title,
            "country": country, "pron": "she" if fem else "he"}


def count_phrase(rng, n):
    """A count as news writes it: digits, a word, 'at least', 'some'."""
    if n <= 12 and rng.random() < 0.6:
        s = SMALL[n]
    elif n >= 1000 and rng.random() < 0.5:
        s = "{:,}".format(n)
    else:
        s = str(n)
    r = rng.random()
    if r < 0.2:
        return "at least " + s
    if r < 0.28:
        return "some " + s
    return s


def vary_counts(rng, counts):
    """Per-article counts: early or rival reports differ a little."""
    out = dict(counts)
    for k, v in counts.items():
        if rng.random() < 0.25:
            delta = max(1, v // rng.choice((5, 10, 20)))
            out[k] = max(1, v + rng.choice((-1, 1)) * rng.randint(1, delta))
    return out


def date_phrase(rng, d):
    r = rng.random()
    wd = WEEKDAYS[d.weekday()]
    if r < 0.4:
        return "on %d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if r < 0.6:
        return "on %s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
    if r < 0.85:
        return "on " + wd
    return "on %s, %d %s" % (wd, d.day, MONTHS[d.month - 1])


def full_name_with_title(rng, p):
    """First mention: 'Interior Minister Anna Varga', 'Anna Varga, a
    police spokeswoman,', 'Kenya's President Omar Haddad'..."""
    name = "%s %s" % (p["given"], p["family"])
    t = p["title"]
    if not t:
        return name
    r = rng.random()
    if t[0].islower():
        if r < 0.6:
            return "%s, %s," % (name, an(t))
        return "%s %s" % (t[0].upper() + t[1:], name)
    if r < 0.5:
        return "%s %s" % (t, name)
    if r < 0.75:
        return "%s's %s %s" % (p["country"], t, name)
    return "%s, the %s," % (name, t.lower())


def cap(text):
    return text[0].upper() + text[1:]


def an(word):
    return ("an " if word[0].lower() in "aeiou" else "a ") + word


def quote_text(rng, fill, n):
    """n sentences of quotation, the last without its full stop."""
    qs = rng.sample(OFFICIAL_QUOTES, n)
    return ". ".join(q.format(**fill) for q in qs)


def quote_par(rng, p, first, fill):
    """One paragraph: a quotation with a speech frame naming p. first:
    p is named here for the first time, so with given name and title."""
    q = quote_text(rng, fill, rng.choice((1, 2, 2, 3)))
    o, c = ("\u201c", "\u201d") if rng.random() < 0.7 else ('"', '"')
    who = full_name_with_title(rng, p) if first else p["family"]
    bare = who.rstrip(",")
    r = rng.random()
    if r < 0.35:
        # Inverted frame: only "said" lets the speaker follow the verb.
        text = "%s%s,%s said %s." % (o, q, c, bare)
    elif r < 0.6:
        text = "%s %s: %s%s.%s" % (
            who, rng.choice(("said", "added", "told reporters")), o, q, c)
    else:
        text = "%s%s,%s %s %s." % (o, q, c, who, rng.choice(SAID))
    if rng.random() < 0.35:
        text += " " + cap(rng.choice(FOLLOW).format(
            pron=p["pron"], **fill))
    return text


def article(rng, s, outlet):
    ev = s["ev"]
    counts = vary_counts(rng, s["counts"])
    d = s["date"]
    fill = {
        "city": s["city"], "country": s["country"], "noun": ev["noun"],
        "what": s["what"] or "", "what_a": s["what_a"] or "",
        "date": date_phrase(rng, d), "officials": rng.choice(OFFICIALS),
        "day_after": WEEKDAYS[(d.weekday() + 1) % 7],
        "hour": "%d:%02d" % (rng.randint(1, 11), rng.randrange(0, 60, 5)),
        "ampm": rng.choice(("a.m.", "p.m.")),
        "days": str(rng.choice((10, 14, 30, 60, 90))),
        "other": s["people"][3]["country"],
    }
    for k, v in counts.items():
        fill[k] = str(v)
        fill[k + "_p"] = count_phrase(rng, v)
    killed = counts["killed"]
    early = max(1, killed - rng.randint(1, 1 + killed // 3))
    fill["early"] = SMALL[early] if early <= 12 else str(early)
    head = rng.choice(ev["head"]).format(
        **dict(fill, what=s["what_h"] or ""))
    lede = cap(rng.choice(ev["lede"]).format(**fill))
    if rng.random() < 0.7:
        lede += " " + rng.choice(LEDE_MORE).format(**fill)
    # Blocks keep their own paragraph order (a full name before a bare
    # family name); the blocks themselves are shuffled.
    blocks = []
    people = list(s["people"])
    rng.shuffle(people)
    for p in people[:rng.randint(2, 4)]:
        block = [quote_par(rng, p, True, fill)]
        if rng.random() < 0.3:
            block.append(quote_par(rng, p, False, fill))
        blocks.append((True, block))
    details = rng.sample(ev["detail"], rng.randint(2, len(ev["detail"])))
    for i in range(0, len(details), 2):
        blocks.append((False, [cap(" ".join(t.format(**fill)
                                    for t in details[i:i + 2]))]))
    if rng.random() < 0.5:
        w = s["witness"]
        said = "\u201c%s,\u201d said %s %s, %s who lives in %s." % (
            QUOTES[8 + rng.randint(0, 1)], w["given"], w["family"],
            an(rng.choice(WITNESS)), s["city"])
        more = "\u201c%s.\u201d" % rng.choice(WITNESS_MORE)
        blocks.append((True, [said + " " + more]))
    for t in rng.sample(EXTRA, rng.randint(5, 8)):
        blocks.append((False, [cap(t.format(
            official=official_ref(rng, s["people"][0]), **fill))]))
    if rng.random() < 0.6:
        fp = s["people"][3]
        blocks.append((False, [rng.choice(REACT).format(
            name_t="%s %s %s" % (fp["title"], fp["given"], fp["family"]),
            pron=fp["pron"], **fill)]))
    rng.shuffle(blocks)
    # 4-10 paragraphs with the lede and the outlet line. Quotation
    # blocks get their own paragraphs first; a block left over is run on
    # into the paragraph before it when that one is short, else dropped.
    cap_pars = rng.randint(4, 8)
    own = [False] * len(blocks)
    used = 0
    for want in (True, False):
        for i, (quoted, block) in enumerate(blocks):
            if quoted == want and used + len(block) <= cap_pars:
                own[i] = True
                used += len(block)
    body = []
    for i, (_, block) in enumerate(blocks):
        if own[i]:
            body.extend(block)
        elif body and len(body[-1]) < 700:
            body[-1] += " " + " ".join(block)
    line = rng.choice((
        "Copyright %d %s. All rights reserved." % (d.year, outlet),
        "\u00a9 %d %s" % (d.year, outlet),
        "(Reporting by %s staff; editing by the %s desk)" % (outlet,
                                                            s["city"]),
    ))
    return "\n\n".join([head, lede] + body + [line]) + "\n"


# Page chrome: what a scraped news page carries around the article.
SECTIONS = ("Home World Politics Business Markets Tech Science Health "
            "Sport Culture Opinion Video Podcasts Weather Travel").split()
RELATED = [
    "{city} council approves new {thing} budget after long debate",
    "Stocks edge higher as investors weigh {country} inflation data",
    "{given} {family} named head of the {section} desk",
    "Heatwave expected to ease in {city} by the weekend",
    "{country} and {other} sign {thing} agreement",
    "Opinion: what the {thing} row says about {country}",
    "Fans queue overnight as {city} hosts {thing} final",
    "Court in {city} delays ruling on {thing} dispute",
    "Explainer: how {country} funds its {thing} services",
    "{number} things to know before travelling to {city}",
    "Police in {city} appeal for witnesses after {thing} theft",
    "{country} central bank holds rates at {pct} per cent",
]
THINGS = ("rail transport housing water energy football school hospital "
          "fisheries tourism tax museum port").split()
NAV_EXTRA = [
    "Skip to main content",
    "Menu  Search  Sign in",
    "Subscribe  |  Log in  |  Edition: International",
    "Breaking News  Live  Latest",
]
SHARE = [
    "Share this article: Facebook  Twitter  WhatsApp  Email  Copy link",
    "Share  Tweet  Email  Print",
    "Follow us on Facebook, Twitter and Instagram",
]
NEWSLETTER = [
    "Sign up for our daily newsletter. Get the day's top stories "
    "delivered to your inbox every morning. Enter your email address. "
    "You can unsubscribe at any time.",
    "Get the {outlet} briefing: the news you need to start your day, "
    "free, every weekday morning. Sign up now.",
]
COOKIES = [
    "We use cookies to improve your experience on our site and to show "
    "you relevant advertising. By continuing to browse you agree to our "
    "use of cookies. Read our privacy policy and cookie policy to find "
    "out more. Accept all  Manage settings",
    "This website uses cookies. Some are essential for the site to work; "
    "others help us understand how you use it so we can improve it. "
    "Cookie settings  Accept",
]
TEASER = [
    "Residents say the plans have been years in the making, but critics "
    "warn that costs could rise further before work begins.",
    "Analysts expect the figures to shape the debate in the weeks ahead.",
    "The decision follows months of talks and a public consultation that "
    "drew thousands of responses.",
    "Organisers say the event will bring visitors and jobs to the region.",
    "Officials declined to comment on the details while the case is open.",
    "Watch: our correspondent explains what happens next.",
]
FOOTER = [
    "About us  Contact  Careers  Advertise  Terms of use  Privacy policy  "
    "Cookie policy  Accessibility  Sitemap",
    "Editorial standards  Corrections  Complaints  Help",
    "Download our app: App Store  Google Play",
]


def related_line(rng, cities, outlet):
    city, country = rng.choice(cities)
    other = rng.choice(cities)[1]
    return rng.choice(RELATED).format(
        city=city, country=country, other=other, thing=rng.choice(THINGS),
        given=rng.choice(GIVEN), family=rng.choice(FAMILY),
        section=rng.choice(SECTIONS).lower(), number=rng.randint(3, 12),
        pct=rng.choice(("2.5", "3", "3.75", "4.25", "5", "6.5")),
        outlet=outlet)


def page(rng, cities, s, outlet, story):
    """Wrap story (the article text) in the text of a news web page."""
    d = s["date"]
    nav = rng.sample(SECTIONS, rng.randint(6, 12))
    top = []
    if rng.random() < 0.6:
        top.append(rng.choice(NAV_EXTRA))
    top.append(outlet + "  " + "  ".join(nav))
    if rng.random() < 0.3:
        top.append(rng.choice(COOKIES))
    by = "By %s %s, %s" % (rng.choice(GIVEN), rng.choice(FAMILY),
                           rng.choice(("correspondent", "staff reporter",
                                       "%s correspondent" % s["country"],
                                       "in %s" % s["city"])))
    stamp = rng.choice((
        "Published %s %d %s %d, %d:%02d GMT" % (
            WEEKDAYS[d.weekday()], d.day, MONTHS[d.month - 1], d.year,
            rng.randint(0, 23), rng.randrange(0, 60)),
        "%d/%02d/%d %02d:%02d | Updated %d hours ago" % (
            d.day, d.month, d.year, rng.randint(0, 23),
            rng.randrange(0, 60), rng.randint(1, 9)),
        "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year),
    ))
    head, _, rest = story.partition("\n\n")
    bottom = [rng.choice(SHARE)]
    if rng.random() < 0.5:
        bottom.append("Advertisement")
    bottom.append(rng.choice(("Related coverage", "More on this story",
                              "Related")))
    bottom += [related_line(rng, cities, outlet)
               for _ in range(rng.randint(4, 8))]
    if rng.random() < 0.8:
        bottom.append(rng.choice(("Editor's picks", "Read next",
                                  "You may also like")))
        bottom += ["%s. %s" % (related_line(rng, cities, outlet),
                               rng.choice(TEASER))
                   for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.7:
        bottom.append(rng.choice(("Most read", "Trending", "Popular now")))
        bottom += ["%d. %s" % (i + 1, related_line(rng, cities, outlet))
                   for i in range(rng.randint(5, 10))]
    bottom.append(rng.choice(NEWSLETTER).format(outlet=outlet))
    if rng.random() < 0.4:
        bottom.append("Comments (%d)" % rng.randint(0, 900))
    if rng.random() < 0.5:
        bottom.append(rng.choice(COOKIES))
    bottom += rng.sample(FOOTER, rng.randint(1, len(FOOTER)))
    bottom.append("\u00a9 %d %s. All rights reserved." % (
        d.year + rng.randint(0, 3), outlet))
    parts = top + [head, by, stamp, rest.rstrip("\n")] + bottom
    return "\n\n".join(parts) + "\n"


def official_ref(rng, p):
    if p["title"] and p["title"][0].isupper():
        return "%s %s %s" % (p["title"], p["given"], p["family"])
    return "%s %s, %s," % (p["given"], p["family"], an(p["title"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--stories", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-chrome", action="store_true",
                    help="plain articles, without the web page around them")
    a = ap.parse_args()
    if a.docs < 1 or a.stories < 1:
        ap.error("--docs and --stories must be at least 1")
    rng = random.Random(a.seed)
    cities = load_cities(PLACES)
    if not cities:
        sys.exit("gen-corpus: no cities in " + PLACES)
    outlets = ["%s %s" % (x, y) for x in OUTLET_A for y in OUTLET_B]
    stories = [make_story(rng, cities) for _ in range(a.stories)]
    os.makedirs(a.out, exist_ok=True)
    width = max(5, len(str(a.docs)))
    # Page chrome draws from its own generator so that it never changes
    # the articles a seed gives.
    prng = random.Random(a.seed * 7919 + 17)
    for i in range(a.docs):
        s = stories[i % a.stories]
        outlet = rng.choice(outlets)
        text = article(rng, s, outlet)
        if not a.no_chrome:
            text = page(prng, cities, s, outlet, text)
        path = os.path.join(a.out, "%0*d.txt" % (width, i + 1))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
