"""A learned fallback for meeting names, measured by k-fold cross-validation against the rules alone.

    python bench/learned_meetings.py              # 5 folds, 20 epochs, seed 0, nested thresholds (about 5 minutes)
    python bench/learned_meetings.py --no-nested --show   # one model per fold (a minute), and each change to the rules

Data: the gold meetings of the tuned gold (tests/gold/*.json, tests/gold/heldout/*.json; the `shared:` ones
read ../shared/corpus, which stays outside the project) and of the dev half of the unseen reports
(tests/gold/unseen/dev). The test half (tests/gold/unseen/test, tests/gold/blind) is never read.
Files are grouped by report, so the parts of one report are always in the same fold.

Model: spaCy's span categorizer (`spancat`) on the blank `zh` pipeline, segmented by jieba with the project's
domain terms (reportparse.spacy_export.blank_chinese). Tokens are split where a meeting rule's pattern ends
(jieba joins 会上, 全会精神), so every name the rules could end is reachable. The suggester proposes only
spans that end where a meeting rule's pattern ends (a head word such as 会议, 全会, 常委会, or a whole name
such as 二十大), up to 16 tokens long within a clause: the gate the fallback needs is built into what the
model may propose. The model reads one window per head word (60 characters before it, to the end of its
sentence), inside the gold file's range.

Combinations scored on each held-out fold (strict: the exact gold span), each fallback at the thresholds
of GRID (how sure the model must be):
- rules           the shipped extractor alone
- learned         the model alone (spans scoring >= 0.5, best first, no overlaps)
- rules+add       the rules' meetings stand; a learned span is added where no rule meeting and no 《》 title
                  overlaps it (it ends where a rule pattern ends, by the suggester)
- rules+left      the rules' meetings stand, but the model moves a rule meeting's left edge when a span with the
                  same end scores >= the threshold and the rule's own span scores < 1 - the threshold
- rules+add+left  both
and once more with the threshold chosen without the held-out fold ("nested": by the same cross-validation
over the other folds, best F1, ties to the more cautious threshold), which is the fallback's fair figure.

The rules are the ones tuned on all of this gold, so their figures are in-sample; only the model is
measured out of fold. A fallback that cannot beat in-sample rules here may still help on unseen text, but
this bench is the only measure available without the blind test half.

Result (seed 0, 5 folds, 20 epochs; README "A learned fallback for meetings"): no fallback beats the rules
alone, so nothing learned ships in the package.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import regex  # noqa: E402

from reportparse.api import parse  # noqa: E402
from reportparse.evaluate import _load_gold, report_path  # noqa: E402
from bench.unseen_gold import Tally as StrictTally  # noqa: E402
from reportparse.rulebook import MeetingRule, RuleBook, default_rules  # noqa: E402
from reportparse.spacy_export import blank_chinese  # noqa: E402

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from thinc.types import Ragged

GOLD = [ROOT / "tests" / "gold", ROOT / "tests" / "gold" / "heldout", ROOT / "tests" / "gold" / "unseen" / "dev"]
LABEL = "MEETING"
SPANS_KEY = "meetings"
THRESHOLD = 0.5
GRID = (0.5, 0.7, 0.9, 0.95, 0.99)   # thresholds the fallbacks are scored at
LEFT_CONTEXT = 60          # characters read before a head word
MAX_TOKENS = 16            # the longest gold name is 14 jieba tokens
SENTENCE_ENDS = "。！？；!?;"
CLAUSE_STOPS = set("，。；：！？,;:!?《》")   # a proposed name never reaches back past these (nor into a title)
COMBINATIONS = ("rules", "learned", "rules+add", "rules+left", "rules+add+left")

Span = tuple[int, int]


@dataclass
class GoldFile:
    name: str
    group: str                      # the report: all gold files of one report go to the same fold
    text: str
    range: Span
    gold: set[Span]
    rules: set[Span]                # the rules' meetings starting inside the range
    titles: list[Span]              # 《》 titles: no meeting inside one
    windows: list[Span] = field(default_factory=list)


# ---------------------------------------------------------------- data

def head_ends_pattern(book: RuleBook) -> str:
    """One pattern for every place a meeting rule's match ends (head words and whole names)."""
    return "|".join(f"(?:{rule.pattern.source})" for rule in book.of(MeetingRule))


def load_gold_files() -> list[GoldFile]:
    out = []
    for folder in GOLD:
        for path in sorted(folder.glob("*.json")):
            gold = _load_gold(path)
            source = report_path(gold["report"], ROOT)
            if "meetings" not in gold.get("kinds", ["meetings"]) or not source.exists():
                continue
            report = parse(source)
            lo, hi = gold["range"]
            out.append(GoldFile(
                name=str(path.relative_to(ROOT / "tests" / "gold")), group=gold["report"], text=report.text,
                range=(lo, hi), gold={(m["start"], m["end"]) for m in gold.get("meetings", [])},
                rules={(m.start, m.end) for m in report.meetings if lo <= m.start < hi},
                titles=[(d.start, d.end) for d in report.documents]))
    return out


def windows(text: str, lo: int, hi: int, heads: regex.Pattern[str]) -> list[Span]:
    """One window per head word inside [lo, hi): from LEFT_CONTEXT characters before it (not past a
    sentence's start or a blank line) to the end of its sentence (at most LEFT_CONTEXT characters after
    it); windows that touch are merged."""
    spans: list[Span] = []
    for m in heads.finditer(text, lo, hi):
        start = max(lo, m.start() - LEFT_CONTEXT)
        starts = [i + 1 for c in SENTENCE_ENDS if (i := text.rfind(c, start, m.start())) >= 0]
        blank = text.rfind("\n\n", start, m.start())
        start = max(starts + [start] + ([blank + 2] if blank >= 0 else []))
        ends = [i for c in SENTENCE_ENDS if (i := text.find(c, m.end(), hi)) >= 0]
        end = min(ends + [hi, m.end() + LEFT_CONTEXT])
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def make_doc(nlp: Language, text: str, heads: regex.Pattern[str]) -> Doc:
    """jieba's tokens, split again wherever a head word ends inside one (会上 → 会|上)."""
    from spacy.tokens import Doc

    cuts = {0, len(text)}
    for token in nlp.make_doc(text):
        cuts.update((token.idx, token.idx + len(token.text)))
    cuts.update(m.end() for m in heads.finditer(text))
    bounds = sorted(cuts)
    words = [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
    return Doc(nlp.vocab, words=words, spaces=[False] * len(words))


# ---------------------------------------------------------------- the suggester

def register_suggester() -> None:
    from spacy.util import registry

    if "reportparse.meeting_suggester.v1" in registry.misc:
        return

    @registry.misc("reportparse.meeting_suggester.v1")
    def make_suggester(heads: str, max_tokens: int) -> Callable[..., Ragged]:
        compiled = regex.compile(heads)
        return lambda docs, *, ops=None: suggest(docs, compiled, max_tokens, ops)


def suggest(docs: Iterable[Doc], heads: regex.Pattern[str], max_tokens: int, ops: object = None) -> Ragged:
    """Spans ending on a token that ends where a head word ends, up to max_tokens, not past a clause stop."""
    import numpy
    from thinc.api import get_current_ops
    from thinc.types import Ragged

    ops = ops or get_current_ops()
    rows: list[list[int]] = []
    lengths = []
    for doc in docs:
        ends = {m.end() for m in heads.finditer(doc.text)}
        before = len(rows)
        for last, token in enumerate(doc):
            if token.idx + len(token.text) not in ends:
                continue
            for first in range(last, max(-1, last - max_tokens), -1):
                if first < last and CLAUSE_STOPS & set(doc[first].text):
                    break
                rows.append([first, last + 1])
        lengths.append(len(rows) - before)
    array = numpy.array(rows, dtype="i") if rows else numpy.zeros((0, 2), dtype="i")
    return Ragged(ops.asarray(array), ops.asarray(numpy.array(lengths, dtype="i")))  # type: ignore[attr-defined]


# ---------------------------------------------------------------- training and prediction

def new_pipeline(book: RuleBook, heads: str) -> Language:
    register_suggester()
    nlp = blank_chinese(book)
    nlp.add_pipe("spancat", config={
        "spans_key": SPANS_KEY, "threshold": THRESHOLD, "max_positive": 1,
        "suggester": {"@misc": "reportparse.meeting_suggester.v1", "heads": heads, "max_tokens": MAX_TOKENS}})
    return nlp


def train(files: list[GoldFile], book: RuleBook, heads: str, epochs: int, seed: int) -> tuple[Language, int]:
    """The model trained on every window of the files; also how many gold names no token boundary allows."""
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = new_pipeline(book, heads)
    compiled = regex.compile(heads)
    examples, unreachable = [], 0
    for f in files:
        for a, b in f.windows:
            doc = make_doc(nlp, f.text[a:b], compiled)
            ref = make_doc(nlp, f.text[a:b], compiled)
            spans = []
            for s, e in sorted(f.gold):
                if a <= s and e <= b:
                    span = ref.char_span(s - a, e - a, label=LABEL)
                    unreachable += span is None
                    if span is not None:
                        spans.append(span)
            ref.spans[SPANS_KEY] = spans
            examples.append(Example(doc, ref))
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.1)
    return nlp, unreachable


def score_candidates(nlp: Language, f: GoldFile, heads: str) -> dict[Span, float]:
    """Every proposed span in the file's windows (offsets in the file's text) with the model's score."""
    spancat = nlp.get_pipe("spancat")
    compiled = regex.compile(heads)
    docs = [make_doc(nlp, f.text[a:b], compiled) for a, b in f.windows]
    if not docs:
        return {}
    indices, scores = spancat.predict(docs)  # type: ignore[attr-defined]
    out: dict[Span, float] = {}
    offset = 0
    for (a, _), doc, length in zip(f.windows, docs, indices.lengths.tolist()):
        for row in range(offset, offset + length):
            first, last = (int(x) for x in indices.dataXd[row])
            span = doc[first:last]
            out[(a + span.start_char, a + span.end_char)] = float(scores[row][0])
        offset += length
    return out


def best_spans(scored: dict[Span, float], threshold: float) -> list[Span]:
    """Spans at or over the threshold, best first, none overlapping one already taken."""
    taken: list[Span] = []
    for span, score in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0])):
        if score >= threshold and not any(overlaps(span, t) for t in taken):
            taken.append(span)
    return sorted(taken)


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def combine(f: GoldFile, scored: dict[Span, float], how: str, threshold: float) -> set[Span]:
    """The meetings a combination gives; ``threshold`` is how sure the model must be to add a name, and to
    move a rule meeting's left edge (the rule's own span must then score below 1 - threshold)."""
    learned = [s for s in best_spans(scored, threshold) if f.range[0] <= s[0] < f.range[1]]
    if how == "learned":
        return set(learned)
    rules = set(f.rules)
    if "left" in how:
        moved = set()
        for rule in rules:
            rivals = [(score, s) for s, score in scored.items()
                      if s[1] == rule[1] and s != rule and not any(overlaps(s, t) for t in f.titles)]
            if rivals and scored.get(rule, 0.0) < 1 - threshold and max(rivals)[0] >= threshold:
                moved.add(max(rivals)[1])
            else:
                moved.add(rule)
        rules = moved
    if "add" in how:
        blocked = list(rules) + f.titles
        rules |= {s for s in learned if not any(overlaps(s, b) for b in blocked)}
    return rules


# ---------------------------------------------------------------- cross-validation

class Tally(StrictTally):
    """Gold, found and matched names (the strict tally of bench/eval_unseen.py), with F1 and a table row."""

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name:28} {self.precision:9.3f} {self.recall:7.3f} {self.f1:7.3f} "
                f"{self.gold:6} {self.found:6} {self.matched:8}")


def folds_of(files: list[GoldFile], k: int) -> list[list[GoldFile]]:
    """Reports dealt round-robin in order of gold count (largest first), so folds hold similar counts."""
    groups: dict[str, list[GoldFile]] = {}
    for f in files:
        groups.setdefault(f.group, []).append(f)
    ranked = sorted(groups, key=lambda g: (-sum(len(f.gold) for f in groups[g]), g))
    folds: list[list[GoldFile]] = [[] for _ in range(k)]
    for i, group in enumerate(ranked):
        folds[i % k] += groups[group]
    return folds


def predictions(train_files: list[GoldFile], held: list[GoldFile], book: RuleBook, heads: str, epochs: int,
                seed: int) -> dict[str, dict[Span, float]]:
    """A model trained on ``train_files``: its scores on each held file (by name)."""
    nlp, _ = train(train_files, book, heads, epochs, seed)
    return {f.name: score_candidates(nlp, f, heads) for f in held}


def out_of_reach(files: list[GoldFile], book: RuleBook, heads: str) -> tuple[int, int]:
    """Gold names in no window, and gold names in a window whose edges fall inside a token."""
    nlp = new_pipeline(book, heads)
    compiled = regex.compile(heads)
    outside = split = 0
    for f in files:
        for s, e in f.gold:
            window = next(((a, b) for a, b in f.windows if a <= s and e <= b), None)
            if window is None:
                outside += 1
            elif make_doc(nlp, f.text[window[0]:window[1]], compiled).char_span(s - window[0], e - window[0]) is None:
                split += 1
    return outside, split


def tally(files: list[GoldFile], scored: dict[str, dict[Span, float]], how: str, threshold: float) -> Tally:
    t = Tally()
    for f in files:
        found = combine(f, scored[f.name], how, threshold)
        t.add(len(f.gold), len(found), len(found & f.gold))
    return t


def chosen_threshold(folds: list[list[GoldFile]], book: RuleBook, heads: str, epochs: int, seed: int,
                     hows: tuple[str, ...]) -> dict[str, float]:
    """For each combination, the threshold of GRID with the best F1 by cross-validation over ``folds``
    (ties go to the higher, more cautious threshold): chosen without the outer held-out fold."""
    scored: dict[str, dict[Span, float]] = {}
    for i, held in enumerate(folds):
        scored.update(predictions([f for j, fold in enumerate(folds) if j != i for f in fold], held, book, heads,
                                  epochs, seed))
    files = [f for fold in folds for f in fold]
    return {how: max(GRID, key=lambda t: (tally(files, scored, how, t).f1, t)) for how in hows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-nested", action="store_true", help="skip choosing thresholds by inner folds (5x faster)")
    parser.add_argument("--show", action="store_true", help="print every span where a combination differs from the rules")
    args = parser.parse_args()
    began = time.monotonic()
    book = default_rules()
    heads = head_ends_pattern(book)
    compiled = regex.compile(heads)
    files = load_gold_files()
    for f in files:
        f.windows = windows(f.text, *f.range, compiled)
    folds = folds_of(files, args.folds)
    fallbacks = tuple(how for how in COMBINATIONS if how.startswith("rules+"))
    scored: dict[str, dict[Span, float]] = {}
    nested = {how: Tally() for how in fallbacks}
    picks: dict[str, list[float]] = {how: [] for how in fallbacks}
    for i, held in enumerate(folds):
        training = [f for j, fold in enumerate(folds) if j != i for f in fold]
        scored.update(predictions(training, held, book, heads, args.epochs, args.seed))
    # after the outer models, so that their figures do not depend on --no-nested (thinc seeds each new
    # layer's hashing from a count of the layers made before it in the process)
    for i, held in enumerate(folds if not args.no_nested else []):
        rest = [fold for j, fold in enumerate(folds) if j != i]
        for how, threshold in chosen_threshold(rest, book, heads, args.epochs, args.seed, fallbacks).items():
            picks[how].append(threshold)
            held_tally = tally(held, scored, how, threshold)
            nested[how].add(held_tally.gold, held_tally.found, held_tally.matched)
    gold = sum(len(f.gold) for f in files)
    outside, split = out_of_reach(files, book, heads)
    print(f"{len(files)} gold files from {len({f.group for f in files})} reports, {gold} gold meetings "
          f"({outside} in no window, {split} with an edge inside a token); "
          f"{args.folds} folds by report, {args.epochs} epochs, seed {args.seed}")
    print(f"{'':28} {'precision':>9} {'recall':>7} {'F1':>7} {'gold':>6} {'found':>6} {'matched':>8}")
    print(tally(files, scored, "rules", THRESHOLD).line("rules"))
    print(tally(files, scored, "learned", THRESHOLD).line("learned (0.5)"))
    for how in fallbacks:
        for threshold in GRID:
            print(tally(files, scored, how, threshold).line(f"{how} ({threshold})"))
    if not args.no_nested:
        for how in fallbacks:
            print(nested[how].line(f"{how} (nested)") + "  thresholds " + " ".join(str(t) for t in picks[how]))
    if args.show:
        for f in files:
            for how in fallbacks:
                kept = combine(f, scored[f.name], how, THRESHOLD)
                for s, e in sorted(kept ^ f.rules):
                    mark = "+" if (s, e) in kept else "-"
                    right = "right" if (s, e) in f.gold else "wrong"
                    best = scored[f.name].get((s, e), 0.0)
                    print(f"{how:15} {mark} {right} {best:.2f} {f.name}: "
                          f"{f.text[max(0, s - 6):s]}[{f.text[s:e]}]{f.text[e:e + 3]}".replace("\n", "⏎"))
    print(f"({time.monotonic() - began:.0f} s)")


if __name__ == "__main__":
    main()
