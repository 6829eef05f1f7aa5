#!/usr/bin/env python3
"""Writes the labelled examples the embedded classifiers train on (src/GroupBuyBot.Core/Learning/Data/).

Run from the repository root:  python3 tools/make-training-examples.py

Only development sets go in (SETS below). Held-out sets (*-final.jsonl, anything under a 'heldout' folder) are
refused: a model trained on them would memorise the sets that measure it.
"""
import json
import os
import sys

# (set name, needs corpus, sign-ups corpus), relative to the repository root.
SETS = [
    ("dev", "../shared/eval/needs-dev.jsonl", "../shared/eval/signups-dev.jsonl"),
    ("dev2", "tests/eval-data/needs-extra.jsonl", "tests/eval-data/signups-extra.jsonl"),
    ("dev3", "tests/eval-data/needs-blind.jsonl", "tests/eval-data/signups-blind.jsonl"),
]
OUT = "src/GroupBuyBot.Core/Learning/Data"


def refuse_held_out(path):
    if "final" in os.path.basename(path) or "heldout" in path:
        sys.exit(f"refusing held-out corpus {path}")


def main():
    interest, intents = [], []
    for name, needs, signups in SETS:
        for path in (p for p in needs.split(";") if p):
            refuse_held_out(path)
            with open(path, encoding="utf-8") as f:
                for line in f:
                    conversation = json.loads(line)
                    evidence = {e for need in conversation["needs"] for e in need["evidence"]}
                    for message in conversation["messages"]:
                        label = "interest" if message["id"] in evidence else "other"
                        interest.append({"set": name, "source": "needs", "label": label, "text": message["text"]})
        refuse_held_out(signups)
        with open(signups, encoding="utf-8") as f:
            for line in f:
                reply = json.loads(line)
                intents.append({"set": name, "label": reply["intent"], "text": reply["text"]})
                label = "interest" if reply["intent"] in ("join", "set") else "other"
                interest.append({"set": name, "source": "signups", "label": label, "text": reply["text"]})

    for file, rows in (("interest-examples.jsonl", interest), ("reply-intent-examples.jsonl", intents)):
        with open(os.path.join(OUT, file), "w", encoding="utf-8", newline="\n") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{file}: {len(rows)} examples from {', '.join(s[0] for s in SETS)}")


if __name__ == "__main__":
    main()
