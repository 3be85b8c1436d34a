"""Stance cues: what the claimant is said to do (alleges, denies, calls on, reports, interprets).

A cue is a reporting verb or phrase outside quotations. The stance of a sentence is decided from
its cue and from what the reported words do: a denial word ("denied", "does not reflect the
truth", "has not violated") makes a denial even after a plain "said"; an accusation word makes
an allegation; "must withdraw" in the reported words, with no other cue, makes a call; an
allegation by a claimant who has already denied in the same article is a
counter-allegation (decided in :mod:`conflictkg.drafting.claims`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Reporting verbs in French and German; their speaker may follow them ("..., a déclaré Mme X").
FOREIGN_SPEECH = r"a déclaré|a affirmé|a indiqué|a souligné|sagte|erklärte|betonte"
SPEECH = (r"said|says|say|stated|states|told|added|noted|announced|declared|reported|reports|claimed|claims"
          r"|stressed|emphasized|emphasised|underlined|insisted|warned|wrote|tweeted|explained|argued"
          r"|accused|accuses|alleged|alleges|blamed|blames|charged|denied|denies|rejected|rejects|refuted"
          r"|accusing|alleging|blaming|denying|claiming|saying"  # "..., accusing the troops of shelling": the subject speaks
          r"|dismissed|urged|urges|called on|calls on|called upon|called for|calls for|called to|appealed|demanded|demands|asked|requested"
          r"|urge|call on|call upon|call for|condemn|reject|deny|declare"  # a statement's own voice: "We urge", "We declare"
          r"|condemned|condemns|expressed|pointed out|reiterated|informed|confirmed|interpreted"
          r"|slammed|critici[sz]ed|denounced|protested|responded|replied|commented|recalled|reminded|assured"
          r"|clarified|acknowledged|admitted|asserted|maintained|voiced|underscored|highlighted|recorded"
          r"|called|calls|described|describes|termed|dubbed|labell?ed|branded"
          r"|according to|in a statement|in its statement|the statement reads|statement read|in a press release"
          rf"|{FOREIGN_SPEECH}"  # French and German: where the names resolve
          r"|welcomed|complained|assessed|notes(?= that\b)"  # "has welcomed ...", "complained that ...", "the report notes that"
          r"|decided to indicate|indicated (?:an|the) interim measures?"  # a court's interim measure
          r"|(?:issued|released|published|made|spread|disseminated|approved|adopted) (?:a|an|the) (?:\w+ ){0,2}?(?:statement|press release"
          r"|information|bulletin|announcement|resolution|declaration)")


def present_forms(past: list[str]) -> list[str]:
    """The present tense of cues given in the past ("confirmed" -> "confirms", "stressed" ->
    "stresses", "denied" -> "denies", "admitted" -> "admits"): the candidate forms of each; a
    candidate that is no verb of English ("confirmes", "nots") never occurs, so it does no harm."""
    forms = set()
    for word in (w.lower() for w in past if w.lower().endswith("ed") and len(w) > 4):
        stem = word[:-2]
        if word.endswith("ied"):
            forms.add(word[:-3] + "ies")
            continue
        forms |= {stem + "s", word[:-1] + "s"}  # confirm-s, note-s
        if re.search(r"(s|sh|ch|x|z)$", stem):
            forms.add(stem + "es")  # stress-es
        if re.search(r"(tt|mm|bb|pp|gg|nn)$", stem):
            forms.add(stem[:-1] + "s")  # admitt-ed -> admits
    return sorted(forms - _NOUNS, key=lambda w: (-len(w), w))  # longest first; a fixed order, not the set's


# Present forms that are more often nouns ("criminal charges", "in terms of", "diplomatic notes"): no cue.
_NOUNS = frozenset({"stats", "terms", "brands", "charges", "voices", "records", "protests", "highlights", "comments",
                    "notes", "requests", "appeals", "replies", "issues", "releases", "argus"})  # "Argus": a name
# The single-word past-tense cues; "issued", "adopted" ... are cues only with "a statement".
_PAST = [w for w in re.findall(r"(?<![\w ])([a-z]+ed)(?=\||\)|$)", SPEECH)
         if w not in ("issued", "released", "published", "disseminated", "approved", "adopted")]
PRESENT = present_forms(_PAST)
CUE = re.compile(rf"\b({SPEECH}|{'|'.join(PRESENT)})\b", re.I)
CALL = re.compile(r"\b(urged?|urges|call(ed|s)? (on|upon|for|to)|appeal(ed|s)? to|demand(ed|s)?|asked|requested"
                  r"|requests|was urged|were urged|reminded)\b", re.I)
DENY = re.compile(r"\b((?<!been )(?<!was )(?<!were )(?<!is )(?<!are )(?<!being )denied|denies|deny|rejected|rejects|refuted|refutes|dismissed|groundless|baseless"
                  r"|(does|do|did) not (reflect|correspond)|not true|is false|are false|disinformation|fake"
                  r"|(has|have|had) not violated|did not violate|no (cases? of )?(violation|injur|change)"
                  r"|there (has|have) been no|untrue|unfounded|misinformation|false information|fabricat\w++(?! (criminal )?(charges|cases|accusations)\b)|slander\w*"
                  r"|distort\w*|misleading|far from (the truth|reality)|(blatant|outright|provocative|absolute) lies?"
                  r"|is a lie\b|are lies\b|(has|have|had|did|do|does) not (open(ed)? fire|fire[d]?|shell(ed)?|violate[d]?)"
                  r"|never (opened fire|fired|shelled|violated)"
                  # a rejection of the blame itself: "we strongly oppose attempts to blame the situation on Russia"
                  r"|(oppose|opposes|reject|rejects|against) (any )?attempts to (blame|shift (the )?(blame|responsibility)|accuse)"
                  # an accusation called vain: "made a futile attempt to accuse Armenia"
                  r"|(futile|vain|absurd|groundless|baseless|unfounded|desperate) attempts? to (accuse|blame)"
                  # a denial of an obligation the other side reads into the statement
                  r"|(has|have|had) not (undertaken|assumed|taken on|accepted) any (obligations?|commitments?)"
                  r"|unserious"
                  # a status others give denied: "they cannot be considered prisoners of war"
                  r"|(cannot|can ?not|could not|should not) be (considered|regarded|called|treated|viewed|described|recogni[sz]ed) (as )?"
                  # a denial of any part in what happened: "the company has nothing to do with the supply"
                  r"|(has|have|had) (absolutely )?nothing to do with"
                  # a charge called absurd: "it requires a vivid imagination to accuse our troops", "it is absurd to blame"
                  r"|(absurd|ridiculous|ludicrous|laughable|imagination|fantasy) to (accuse|blame|allege|claim))", re.I)
ACCUSATION = re.compile(r"\b(accus\w*|alleg\w*|blam\w*|violat\w*|breach\w*|provocation\w*|contradict\w*)", re.I)
ACCUSE = re.compile(r"\b(accus\w*|alleg\w*|blam\w*|violat\w*|breach\w*|provocation\w*|attack\w*|shell\w*"
                    r"|fired|opened fire|strikes?|struck|invasion|invaded|entered|infiltrat\w*|incursion"
                    r"|advanc\w*|sabotage|killed|wounded|injured|aggression|block\w*|occup\w*|crossed|condemn\w*"
                    r"|denounc\w*|target(ed|ing)|smuggl\w*|obstruct\w*|hinder\w*|non-?compliance|fail(ed|s|ure)? to (fulfil|comply|implement"
                    r"|withdraw|honou?r)|not (comply|complied|fulfil\w*|honou?r\w*)"
                    r"|not (yet )?(been )?(completed|carried out|withdrawn|fulfilled|implemented)"
                    # an obligation said to be held up: "Armenia is delaying the fulfillment of the agreement"
                    r"|(delay\w*|stall\w*|drag\w* out|postpon\w*) (the )?(fulfil\w*|implementation|withdrawal|opening))", re.I)
INTERPRET = re.compile(r"\b(interpret\w*|provides? for|envisag\w*|stipulat\w*|does not (provide|envisage|mention)"
                       r"|under the (terms of the )?(trilateral |tripartite |joint )?(statement|agreement)"
                       r"|(in accordance with|under|according to|in line with|pursuant to) (the )?(point|article|paragraph|clause|item|provision)s?\b"
                       r"|means that|obliges?|(?:is|are|was|were|remains?|stay) committed to|commits? (?:itself |themselves )?to"
                       r"|(was|were|has|have) never (been )?(discussed|mentioned|agreed)|(retain|keep|exercise)s? (the )?(jurisdiction|sovereignty|control)"
                       r"|(based on|according to|under|in accordance with) (the |those |these )?(trilateral |tripartite |joint )?(statements?|agreements?|declarations?)"
                       r"|(does|do|did) not (stipulate|say|contain|imply|include|oblige|require)|nowhere (in|does)|contains no"
                       r"|there is no (provision|mention|clause|word|reference)|(not|never) part of the (statement|agreement)"
                       r"|(point|article|paragraph|clause|item|provision)s? \d\b[^.]{0,30}?\b(says|states|stipulates|provides|envisages"
                       r"|concerns|deals with|refers to|covers|implies|requires|guarantees|mentions)"
                       r"|the (statement|agreement|document) (says|states|stipulates|requires|guarantees|implies|clearly)"
                       r"|\bas (agreed|stipulated|provided|envisaged|stated|set out|specified|enshrined|laid down) (in|by|under)\b"
                       r"|(written|stated|provided|stipulated|spelled out|enshrined) in (the |those |these |this )?(trilateral |tripartite |joint )?(statements?|agreements?|declarations?|documents?))", re.I)


DEMAND = re.compile(r"\b(must|should|has to|have to|needs? to)\s+(immediately\s+|urgently\s+)?(withdraw|stop|cease|refrain"
                    r"|ensure|fulfil\w*|comply|return|open|reopen|lift|unblock|release|end|respect|implement|remove"
                    r"|provide|initiate|explain|intervene|guarantee|restore|take (\w+ ){0,2}(steps|measures|action))\b", re.I)
# A call made in the reported words themselves, also inside a quotation ("We call for a halt", "the ministry
# is calling on the sides to", "the need for restraint", "must be strictly observed", "exercise restraint").
CALL_WORDS = re.compile(r"\b(we|i)\s+(\w+ly\s+)?(urge|call (on|upon|for)|appeal to|demand|ask|invite)\b"
                        r"|\b(is|are) (calling|urging) (on|upon|for)?\b|\burging (the|all|both|them|it|azerbaijan|armenia|baku|yerevan|[“\"])|\burges (the|all|both|them|it|azerbaijan|armenia|baku|yerevan)\b"
                        r"|\bcalls (on|upon)\b|\bthe need (for|to)\b[^.]{0,80}\b(restraint|observ\w*|de-?escalat\w*|dialogue|refrain)"
                        r"|\b(show|exercise|display) (\w+ ){0,2}restraint|\brefrain from\b|\btake (\w+ ){0,2}steps to de-?escalate"
                        r"|\b(must|should|needs? to) be (\w+ly )?(observed|respected|implemented|fulfilled|honou?red|restored|reopened"
                        r"|lifted|unblocked|ensured|guaranteed|released|returned|withdrawn|stopped|ended|resumed)\b"
                        r"|\b(indicate[sd]?|indicating|ordered|orders) (an |the )?(interim|provisional) measures?\b"  # a court's
                        r"|\bdemand to (observe|stop|cease|withdraw)"
                        # an expectation addressed to someone: "the government expects a plan from Moscow to reopen the road"
                        r"|\b(steps|measures|action)\b[^.]{0,20}\b(should|must) be taken\b"
                        # a call made one's own: "welcomed ... its call to reopen the road", "we support the calls to"
                        r"|\b(welcom\w*|support\w*|join\w*|echo\w*|endors\w*)\b[^.]{0,100}\b(calls?|appeals?) (to|for|on)\b"
                        r"|\bexpects? (\w+ ){0,4}from (\w+ ){0,3}to\b|\b(is|are) waiting for (\w+ ){0,4}to (answer|respond|act|explain)", re.I)
# An allegation carried by the reported words: fire opened, responsibility laid on someone, a harm done.
ALLEGE_WORDS = re.compile(r"\b(opened|open|opening) (\w+ ){0,2}fire\b|\bfire was opened\b|\bsubjected (\w+ ){0,2}to (\w+ ){0,2}fire"
                          r"|\bbears? (\w+ ){0,2}responsibility|\bresponsibility (\w+ ){0,5}(fall|falls|lies|rests)\b"
                          r"|\bethnic cleansing\b|(?<!counter-)(?<!anti-)\bterror(ist|ism|ize|ise)\w*|\bprovocative (action|act|step)s?"
                          r"|\bundermin\w*|\babduct\w*|\bkidnap\w*|\billegally (arrested|detained|blocked|closed)"
                          r"|\b(unconstructive|destructive) (position|stance|approach)|\bdeliberately (put|laid|planted|targeted|fired)", re.I)
# A denial of what others said: "the allegations ... are unacceptable", "no violations were recorded" is a bulletin's report.
DENY_CLAIMS = re.compile(r"\b(allegations?|accusations?|claims|statements|reports|information)\b[^.]{0,80}\b(is|are|were|was) "
                         r"(\w+ly )?(unacceptable|absurd|nonsense|groundless|baseless|untrue)\b", re.I)
NO_VIOLATION_RECORDED = re.compile(r"\bno (\w+ )?violations?\b[^.]{0,60}\b(were|was|have been|has been) (recorded|registered"
                                   r"|observed|detected)\b", re.I)
# Interpretation without a cue: obligations said to remain in force, agreements said to remain valid.
IN_FORCE = re.compile(r"\bobligations?\b[^.]{0,40}\b(remains?|are|is) (still )?(in force|valid|binding)"
                      r"|\b(statements?|agreements?)\b[^.]{0,20}\b(remains?|are|is) (still )?(in force|valid|relevant|binding)\b", re.I)


# The dead of a war named as such, not an attack someone is charged with: "soldiers killed during the hostilities".
FALLEN = re.compile(r"\b(killed|died|fallen|fell|wounded|perished)\s+(during|in)\s+the\s+(\w+\s+)?(hostilities|war|fighting|conflict)\b",
                    re.I)


@dataclass(frozen=True)
class Cue:
    """A reporting cue found outside quotations: its span and words."""

    start: int
    end: int
    text: str

    @property
    def after_speaker(self) -> bool:
        """True when the speaker follows the cue ("according to X", "said X")."""
        return self.text.lower() in ("according to",)


_PRESENT_SET = frozenset(PRESENT)  # "the notes", "its records", "Armenian protests": nouns, not cues
_NOUN = re.compile(r"\b(the|these|those|such|its|their|his|her|our|any|\w+(ian|ani|ese|ish))\s+$", re.I)
_ADJECTIVE = re.compile(r"\b(the|an?|its|their|his|her|these|those|such|any)\s+$", re.I)  # "the alleged shelling"
# "what Baku calls a counter-terror operation": a label the reporter relays, not a claim by anyone in the sentence.
_LABEL = re.compile(r"\bwhat\s+(?:[\w'’-]+\s+){1,4}$", re.I)
_LABEL_VERBS = ("calls", "called", "describes", "described", "termed", "dubbed", "labelled", "labeled", "branded")


def _is_cue(m: re.Match[str], text: str) -> bool:
    """Not a cue: a noun ("the Armenian claims", "these reports"), an adjective ("the alleged
    shelling"), "so-called", or a reported label ("what Baku calls ...")."""
    word, before = m.group(1).lower(), text[:m.start()]
    return not ((word in ("claims", "reports", "states") or word in _PRESENT_SET) and _NOUN.search(before)
                or (word == "alleged" and _ADJECTIVE.search(before))
                or (word in _LABEL_VERBS and _LABEL.search(before))
                or before.lower().endswith("so-")  # "the so-called army"
                or (word == "states" and re.search(r"\bunited\s+$", before, re.I)))  # the United States


def find_cues(text: str, quoted: list[tuple[int, int]]) -> list[Cue]:
    """Reporting cues outside the quoted spans; "the Armenian claims", "these reports" are nouns."""
    return [Cue(m.start(), m.end(), m.group(1)) for m in CUE.finditer(text)
            if not any(a <= m.start() < b for a, b in quoted) and _is_cue(m, text)]


# "commented on Azerbaijan's statement that ...": what follows is the other side's statement, which the
# speaker answers; its words are not the speaker's.
ANSWERED = re.compile(r"\b(?:comment(?:ed|s|ing)?|respond(?:ed|s|ing)?|react(?:ed|s|ing)?|repl(?:ied|ies|ying))\s+(?:on|to)\s+"
                      r"[^.“\"]{0,60}?\b(?:statement|claims?|allegations?|reports?|accusations?)\s+(?:that|about)\b", re.I)


def sentence_stance(text: str, cues: list[Cue]) -> str:
    """The stance a sentence expresses (before the counter-allegation rule)."""
    answered = ANSWERED.search(text)
    text = text[:answered.end()] if answered else text
    text = FALLEN.sub("", text)  # "the bodies of soldiers killed during the hostilities": no charge
    cue_words = " ".join(c.text.lower() for c in cues if not answered or c.start < answered.end())
    if CALL.search(cue_words):
        return "calls-on"
    if NO_VIOLATION_RECORDED.search(text) and not re.search(r"den(y|ies|ied)|reject", cue_words):
        return "reports"  # a bulletin that records no violation reports; it denies nothing said
    if DENY.search(text) or DENY_CLAIMS.search(text):
        return "denies"
    if CALL_WORDS.search(text):
        return "calls-on"
    if re.search(r"accus|alleg|blam|charged|complain", cue_words) or ACCUSE.search(text) or ALLEGE_WORDS.search(text):
        return "alleges"
    if INTERPRET.search(text) or IN_FORCE.search(text):
        return "interprets"
    if DEMAND.search(text):
        return "calls-on"
    return "reports"
