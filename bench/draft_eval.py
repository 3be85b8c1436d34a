"""How well does `conflictkg draft` propose what the curators recorded? Precision and recall per
field against the curated claims behind a labelled set of articles: every
bench/draft_eval/articles*.yaml file (articles.yaml, and the curators' articles-rec-*.yaml).

    python bench/draft_eval.py --articles DIR                  # the freshest held-out split (heldout3)
    python bench/draft_eval.py --articles DIR --split dev      # the articles the rules were written against
    python bench/draft_eval.py --articles DIR --split all --json bench/out/draft_eval.json

DIR holds the article texts, one file per article named <slug>.txt (or .md / .html), directly or in
a folder named after the article's split (DIR/heldout2/<slug>.txt); they are not in the repository. Articles whose file is missing are listed and skipped.

Matching: each curated claim of an article is paired with at most one drafted claim, first by the
same claimant and stance, then by the same claimant (a person who holds a post counts as the body
they speak for). Field scores are micro-averaged: a value of a paired claim counts once; values of
unpaired curated claims are misses, values of unpaired drafted claims are false proposals. Places
are compared per article (the union over its claims): curators place events, not sentences.

A second table keeps labelling limits apart (the headline rows do not change): recall over the
curated named points the text states as a clause and over the curated places the text names.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import yaml

from conflictkg.build import sources, stage
from conflictkg.drafting import ArticleMeta, DraftClaim, draft_article
from conflictkg.drafting.lexicon import Lexicon, load_lexicon
from conflictkg.drafting.text import read_article
from conflictkg.names import name_key
from conflictkg.rdf.namespaces import CKR
from conflictkg.resources import Resources
from conflictkg.sparql.queries import load_library

ROOT = Path(__file__).resolve().parents[1]

LABELS = ROOT / "bench" / "draft_eval"
DEFAULT_SPLIT = "heldout3"  # labelled before anyone ran the drafter on it (docs/curating/drafting.md, "held-out set 3")
FIELDS = ("claimant", "claimant+stance", "claim date (stated)", "claim date (with proposals)", "named points",
          "implied points", "accused", "places", "figures", "quote attribution")
# Recall over what the article's text itself states: the headline rows count every curated value,
# also those the curators took from elsewhere (another source, their own reading of the topic),
# which no drafter of this text can find. These rows keep that labelling limit apart.
LIMIT_FIELDS = ("named points, point stated in the text", "places, place named in the text")
_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_DIGITS = {w: i + 1 for i, w in enumerate(_ORDINALS.split("|"))}
# Deliberately looser than the drafter's own patterns (any document, any number form): a point counts as
# stated when the text names a clause with that number anywhere.
STATED_POINT = re.compile(rf"\b(?:points?|paragraphs?|articles?|clauses?|items?|provisions?|пункт\w*|статья\w*)\s+"
                          rf"(?:no\.?\s*|№\s*|\()?(\d(?:\s*(?:,|and|и|&|-|–)\s*\d)*)\b"
                          rf"|\b((?:{_ORDINALS}|\d(?:st|nd|rd|th))(?:\s*(?:,|and|or)\s*(?:the\s+)?(?:{_ORDINALS}|\d(?:st|nd|rd|th)))*)"
                          rf"\s+(?:points?|paragraphs?|articles?|clauses?|items?|provisions?)\b", re.I)


@dataclass
class Gold:
    """The curated fields of one claim."""

    iri: str
    values: dict[str, set[str]]

    def one(self, name: str) -> str:
        return next(iter(sorted(self.values.get(name, ()))), "")


@dataclass
class Score:
    """Counts for one field: hits among the proposals (precision) and among the gold (recall)."""

    hit_p: int = 0
    hit_r: int = 0
    drafted: int = 0
    gold: int = 0

    def add(self, drafted: set[str], gold: set[str]) -> None:
        both = len(drafted & gold)
        self.hit_p += both
        self.hit_r += both
        self.drafted += len(drafted)
        self.gold += len(gold)

    def row(self, name: str) -> str:
        p = f"{self.hit_p / self.drafted:.0%}" if self.drafted else "–"
        r = f"{self.hit_r / self.gold:.0%}" if self.gold else "–"
        return f"| {name} | {self.hit_p}/{self.drafted} | {p} | {self.hit_r}/{self.gold} | {r} |"


@dataclass
class Tally:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS + LIMIT_FIELDS})
    outlet_misattributed: int = 0
    invented_named: int = 0
    articles: list[str] = field(default_factory=list)


def gold_claims(store, query_text: str, iris: list[str]) -> list[Gold]:
    out = []
    for local in iris:
        rows = store.query(query_text, {"claim": ox.NamedNode(CKR + local)}).dicts()
        values: dict[str, set[str]] = {}
        for row in rows:
            values.setdefault(str(row["field"].value), set()).add(str(row["value"].value))
        out.append(Gold(CKR + local, values))
    return out


def same_agent(a: str, b: str, lex: Lexicon) -> bool:
    """Equal, or a person and the body in which they hold a post or for which they speak."""
    body = {y for x in (a, b) if x in lex.agents for y in (lex.agents[x].body, lex.agents[x].voice_of) if y}
    return a == b or a in body or b in body


def pair(drafts: list[DraftClaim], golds: list[Gold], lex: Lexicon) -> dict[int, int]:
    """gold index -> draft index, one to one: claimant and stance first, then claimant alone."""
    taken: set[int] = set()
    out: dict[int, int] = {}
    for strict in (True, False):
        for gi, g in enumerate(golds):
            if gi in out:
                continue
            for di, d in enumerate(drafts):
                if di in taken or not same_agent(d.claimant, g.one("claimant"), lex):
                    continue
                if strict and g.one("stance").rsplit("stance-", 1)[-1] != d.stance:
                    continue
                out[gi], _ = di, taken.add(di)
                break
    return out


def draft_values(d: DraftClaim) -> dict[str, set[str]]:
    stated = d.claim_date if d.claim_date and not d.date_basis.startswith("carried") else None
    return {
        "claim date (stated)": {stated.isoformat()} if stated else set(),
        "claim date (with proposals)": {d.claim_date.isoformat()} if d.claim_date else set(),
        "named points": {str(n) for n in d.named_points},
        "implied points": {str(n) for n in d.implied_points},
        "accused": {d.accused} if d.accused else set(),
        "figures": {f"{f.kind} {f.low} {f.high}" for f in d.figures},
    }


def gold_values(g: Gold) -> dict[str, set[str]]:
    day = g.values.get("claimDate", set())
    return {"claim date (stated)": day, "claim date (with proposals)": day, "named points": g.values.get("named", set()),
            "implied points": g.values.get("implied", set()), "accused": g.values.get("accused", set()),
            "figures": g.values.get("figure", set())}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[“”\"'’‘«»]", "", text).lower().split())


def score_quotes(t: Tally, drafts: list[DraftClaim], golds: list[Gold], text: str, lex: Lexicon) -> None:
    """Quote attribution: a curated quote found in this article's text counts as found when a
    drafted claim of the same claimant holds a quotation overlapping it; among the drafted
    quotations that overlap a curated quote, the right ones are those of the same claimant."""
    present = [g for g in golds if g.one("quote") and _norm(g.one("quote"))[:60] in _norm(text)]
    score = t.scores["quote attribution"]
    score.gold += len(present)
    for g in present:
        score.hit_r += any(same_agent(d.claimant, g.one("claimant"), lex) and _overlap(q, g.one("quote"))
                           for d in drafts for q in d.quotations)
    for d in drafts:
        for q in d.quotations:
            hits = [g for g in present if _overlap(q, g.one("quote"))]
            if hits:
                score.drafted += 1
                score.hit_p += any(same_agent(d.claimant, g.one("claimant"), lex) for g in hits)


def _overlap(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return a[:40] in b or b[:40] in a


def score_claimants(t: Tally, drafts: list[DraftClaim], golds: list[Gold], lex: Lexicon, paired: dict[int, int]) -> None:
    drafted = {d.claimant for d in drafts}
    gold = {g.one("claimant") for g in golds}
    c = t.scores["claimant"]
    c.drafted += len(drafted)
    c.gold += len(gold)
    c.hit_p += sum(1 for d in drafted if any(same_agent(d, g, lex) for g in gold))
    c.hit_r += sum(1 for g in gold if any(same_agent(d, g, lex) for d in drafted))
    cs = t.scores["claimant+stance"]
    cs.drafted += len(drafts)
    cs.gold += len(golds)
    right = sum(1 for gi, di in paired.items() if golds[gi].one("stance").rsplit("stance-", 1)[-1] == drafts[di].stance)
    cs.hit_p += right
    cs.hit_r += right


def score_article(t: Tally, drafts: list[DraftClaim], golds: list[Gold], text: str, lex: Lexicon,
                  publisher: str) -> None:
    """Add one article's counts to ``t``."""
    paired = pair(drafts, golds, lex)
    score_claimants(t, drafts, golds, lex, paired)
    for gi, g in enumerate(golds):
        dv = draft_values(drafts[paired[gi]]) if gi in paired else {k: set() for k in gold_values(g)}
        for name, gold in gold_values(g).items():
            t.scores[name].add(dv[name], gold)
        if gi in paired:
            t.invented_named += len(dv["named points"] - gold_values(g)["named points"])
    for di, d in enumerate(drafts):
        if di not in paired.values():
            for name, values in draft_values(d).items():
                t.scores[name].drafted += len(values)
            t.invented_named += len(d.named_points)
    t.scores["places"].add({p for d in drafts for p in d.places}, {p for g in golds for p in g.values.get("place", ())})
    score_quotes(t, drafts, golds, text, lex)
    score_limits(t, drafts, golds, text, lex, paired)
    gold_outlet = any(g.one("claimant") == publisher for g in golds)
    t.outlet_misattributed += sum(1 for d in drafts if publisher and d.claimant == publisher and not gold_outlet)


def stated_points(text: str) -> set[str]:
    """Numbers 1-9 the text names as a clause ("point 6", "paragraphs 4 and 9", "the ninth point")."""
    out: set[str] = set()
    for m in STATED_POINT.finditer(text):
        for n in re.findall(r"\d|[a-z]+", (m.group(1) or m.group(2) or "").lower()):
            n = str(_DIGITS.get(n, n))
            if n.isdigit() and 1 <= int(n) <= 9:
                out.add(n)
    return out


def named_places(text: str, lex: Lexicon) -> set[str]:
    """Places one of whose gazetteer names occurs in the text, folded, with up to four letters of a
    case ending ("Şuşada", "Степанакерте")."""
    folded = f" {name_key(text)} "
    return {iri for key, iris in lex.place_keys.items() if len(key) >= 3
            and re.search(rf"(?<!\w){re.escape(key)}\w{{0,4}}(?!\w)", folded) for iri in iris}


def score_limits(t: Tally, drafts: list[DraftClaim], golds: list[Gold], text: str, lex: Lexicon,
                 paired: dict[int, int]) -> None:
    """Recall over the curated values the text itself states (see ``LIMIT_FIELDS``)."""
    stated = stated_points(text)
    pts = t.scores[LIMIT_FIELDS[0]]
    for gi, g in enumerate(golds):
        d = drafts[paired[gi]] if gi in paired else None
        gold = g.values.get("named", set()) & stated
        pts.gold += len(gold)
        pts.hit_r += len(gold & ({str(n) for n in d.named_points} if d else set()))
    where = {p for g in golds for p in g.values.get("place", ())} & named_places(text, lex)
    pl = t.scores[LIMIT_FIELDS[1]]
    pl.gold += len(where)
    pl.hit_r += len(where & {p for d in drafts for p in d.places})


def article_file(directory: Path, slug: str, split: str = "") -> Path | None:
    """``<slug>.txt`` (or .md, .html) in ``directory``, else in its ``<split>/`` folder."""
    folders = [directory] + ([directory / split] if split else [])
    return next((d / f"{slug}{ext}" for d in folders for ext in (".txt", ".md", ".html") if (d / f"{slug}{ext}").is_file()),
                None)


def evaluate(articles: list[dict], directory: Path, res: Resources, verbose: bool) -> Tally:
    staged = stage(sources(res))
    try:
        lex = load_lexicon(staged.store, res)
        query = load_library(res.drafting_queries_dir)["claim-fields"].text
        tally = Tally()
        for art in articles:
            path = article_file(directory, art["slug"], art["split"])
            if path is None:
                print(f"skipped (no text in {directory}): {art['slug']}", file=sys.stderr)
                continue
            text = read_article(path)
            published = art.get("published")
            meta = ArticleMeta(art["url"], "", published if isinstance(published, date) else None)
            draft = draft_article(text, meta, lex)
            golds = gold_claims(staged.store, query, list(art["claims"]))
            score_article(tally, draft.claims, golds, text, lex, draft.publisher)
            tally.articles.append(art["slug"])
            if verbose:
                _show(draft.claims, golds)
        return tally
    finally:
        staged.store.close()


def _show(drafts: list[DraftClaim], golds: list[Gold]) -> None:
    short = lambda iri: iri.rsplit("/", 1)[-1]  # noqa: E731
    for d in drafts:
        print(f"  draft: {short(d.claimant)} {d.stance} {d.claim_date} named={sorted(d.named_points)} "
              f"implied={sorted(d.implied_points)} accused={short(d.accused)}", file=sys.stderr)
    for g in golds:
        print(f"  gold:  {short(g.one('claimant'))} {short(g.one('stance'))} {g.one('claimDate')} "
              f"named={sorted(g.values.get('named', ()))} implied={sorted(g.values.get('implied', ()))} "
              f"accused={short(g.one('accused'))}", file=sys.stderr)


def table(t: Tally, split: str) -> str:
    lines = [f"Drafting evaluation, split {split}: {len(t.articles)} article(s)", "",
             "| field | right/proposed | precision | found/curated | recall |", "|---|---|---|---|---|"]
    lines += [t.scores[name].row(name) for name in FIELDS]
    lines += ["", "Label limits apart: recall over the curated values the article's text itself states (the curators "
              "also record what another source or their own reading gives)", "",
              "| field | found/curated and stated | recall |", "|---|---|---|"]
    lines += [t.scores[name].row(name).split(" | ", 1)[0] + " | " + " | ".join(t.scores[name].row(name).split(" | ")[3:])
              for name in LIMIT_FIELDS]
    lines += ["", f"Named points proposed but not curated for the claim: {t.invented_named}",
              f"Claims given to the outlet where the curators name no outlet claim: {t.outlet_misattributed}"]
    return "\n".join(lines)


def label_files(labels: Path) -> list[Path]:
    """The labelled sets: ``labels`` itself if it is a file, else every ``articles*.yaml`` in it
    (several curators add files at once; one file each avoids merge conflicts)."""
    return [labels] if labels.is_file() else sorted(labels.glob("articles*.yaml"))


def published_date(value: object, where: str) -> date | None:
    """An article's ``published`` value as a date. YAML reads 2022-03-26 as a date but '2022-03-26'
    (quoted, as some curators write it) as a string: both are the same day, and neither may be lost."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise SystemExit(f"Error: {where}: published {value!r} is not a date\nHint: write it as YYYY-MM-DD") from None


def read_labels(labels: Path) -> list[dict]:
    """Every labelled article of every file, in file order, each with its ``split`` and its
    ``published`` day (a date, or absent)."""
    out: list[dict] = []
    for path in label_files(labels):
        for art in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("articles") or []:
            if "split" not in art:
                raise SystemExit(f"Error: {path}: article {art.get('slug')!r} has no split\nHint: add 'split: dev' or 'split: heldout2'")
            if "published" in art:
                art["published"] = published_date(art["published"], f"{path}: article {art.get('slug')!r}")
            out.append(art)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, required=True, help="directory of article texts (<slug>.txt)")
    parser.add_argument("--split", default=DEFAULT_SPLIT,
                        help=f"a split named in the labels (dev, heldout, heldout-b, heldout2, ...) or all; default {DEFAULT_SPLIT}")
    parser.add_argument("--labels", type=Path, default=LABELS, help="a labels file, or a folder of articles*.yaml")
    parser.add_argument("--json", type=Path, help="also write the counts as JSON")
    parser.add_argument("--verbose", action="store_true", help="print each article's drafted and curated claims")
    args = parser.parse_args(argv)
    labels = read_labels(args.labels)
    splits = sorted({a["split"] for a in labels})
    if args.split != "all" and args.split not in splits:
        parser.error(f"no article has split {args.split!r}; the labels have: {', '.join(splits)} (or all)")
    chosen = [a for a in labels if args.split == "all" or a["split"] == args.split]
    tally = evaluate(chosen, args.articles, Resources(ROOT), args.verbose)
    print(table(tally, args.split))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"split": args.split, "articles": tally.articles,
                                         "invented_named": tally.invented_named,
                                         "outlet_misattributed": tally.outlet_misattributed,
                                         "scores": {k: vars(v) for k, v in tally.scores.items()}}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
