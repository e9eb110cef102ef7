#!/usr/bin/env python3
"""Chooses one ranking setting for all judged collections from `morgue-eval --grid` output.

    eval/choose_setting.py title0=grid-title0.tsv [title1=grid-title1.tsv ...]

Each argument is LABEL=FILE, one grid run per index-time variant (the title weight is fixed when
indexing, so each value is its own build and run). The setting chosen is the one with the best
MAP averaged over the collections, each collection counting the same; the script also prints
each collection's own best and a leave-one-collection-out check: the setting chosen on the other
collections, scored on the one left out, beside that collection's own best (how much a single
shared setting costs it, and whether the choice generalizes).
"""
import collections
import sys


def read(arguments):
    scores = collections.defaultdict(dict)  # setting -> collection -> (map, ndcg)
    for argument in arguments:
        label, _, path = argument.partition("=")
        with open(path) as lines:
            for line in lines:
                name, k1, b, min_normlen, typed, mean_ap, ndcg = line.split("\t")
                setting = (label, float(k1), float(b), float(min_normlen), float(typed))
                scores[setting][name] = (float(mean_ap), float(ndcg))
    return scores


def best(scores, names):
    usable = [s for s in scores if all(n in scores[s] for n in names)]
    return max(usable, key=lambda s: sum(scores[s][n][0] for n in names) / len(names))


def show(setting):
    label, k1, b, min_normlen, typed = setting
    return f"{label} k1={k1:g} b={b:g} min_normlen={min_normlen:g} typed={typed:g}"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    scores = read(sys.argv[1:])
    names = sorted({n for per in scores.values() for n in per})
    chosen = best(scores, names)
    print(f"chosen over {', '.join(names)}: {show(chosen)}")
    for name in names:
        own = best(scores, [name])
        others = best(scores, [n for n in names if n != name]) if len(names) > 1 else own
        print(f"  {name}: chosen MAP {scores[chosen][name][0]:.4f} nDCG@10 "
              f"{scores[chosen][name][1]:.4f}; own best {scores[own][name][0]:.4f} ({show(own)}); "
              f"chosen without {name}: {scores[others][name][0]:.4f} ({show(others)})")


if __name__ == "__main__":
    main()
