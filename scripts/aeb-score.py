#!/usr/bin/env python3
"""aeb-score.py GROUND_TRUTH.json OUTDIR [--worst N] - score extracted bodies (OUTDIR/<id>.txt) the article-extraction-benchmark way.

Per page: 4-word shingle multisets of the truth and the extraction; tp, fp, fn
normalised by their sum; precision and recall are means over pages (pages with
no predicted or no true shingles are left out of the respective mean, as the
benchmark does); F1 is their harmonic mean.
"""
import json
import os
import re
import sys
from collections import Counter

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    toks = WORD.findall(text or "")
    out = Counter()
    for i in range(max(1, len(toks) - n + 1)):
        s = tuple(toks[i:i + n])
        if s:
            out[s] += 1
    return out


def match(truth, pred):
    t, p = shingles(truth), shingles(pred)
    tp = fp = fn = 0
    for k in t.keys() | p.keys():
        a, b = t.get(k, 0), p.get(k, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def prec(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def rec(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def main():
    args = sys.argv[1:]
    worst = 0
    if "--worst" in args:
        i = args.index("--worst")
        worst = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit("usage: aeb-score.py GROUND_TRUTH.json OUTDIR [--worst N]")
    truth = json.load(open(args[0], encoding="utf-8"))
    rows = []
    for key, v in sorted(truth.items()):
        path = os.path.join(args[1], key + ".txt")
        pred = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        rows.append((key, v.get("url", "")) + match(v.get("articleBody", ""), pred))
    ps = [prec(*r[2:]) for r in rows if r[2] + r[3] > 0]
    rs = [rec(*r[2:]) for r in rows if r[2] + r[4] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print("pages %d  precision %.3f  recall %.3f  F1 %.3f" % (len(rows), p, r, f1))
    if worst:
        rows.sort(key=lambda x: min(prec(*x[2:]), rec(*x[2:])))
        for x in rows[:worst]:
            print("  P %.2f R %.2f  %s  %s" % (prec(*x[2:]), rec(*x[2:]), x[0][:12], x[1]))


if __name__ == "__main__":
    main()
