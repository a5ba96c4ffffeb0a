#!/usr/bin/env python3
"""Independent reference for the records functions on the bundled demo (issue 15).

sincehigh(spread(RTY,ES,10)) and sincelow(spread(RTY,ES,10)) over Samples/demo,
computed with pandas from the CSV files and METRICS.md's loop definition (the
nearest earlier row at least as high / as low; none on a record). Writes
demo-records.csv (date,sincehigh,sincelow; an empty cell where there is no value),
which RecordsReferenceTests.swift compares with `rotor export`.

It also writes demo-record-notes.csv (date,pair,note): the rotation pane's records
context for the 10-day spreads of RTY/ES and RTY/NQ on every spread row, by the rule
of RecordSpec (README "Records"): a positive spread against the earlier highs, a
negative one against the lows; shown while it reaches back at least 252 rows (the
date of the row that many rows back: "largest since D" / "lowest since D"), or as
"record" / "record low" once 252 rows precede it; empty otherwise.
RecordNotesTests.swift compares it with the pane.

Regenerate from the repository root: python3 Tests/RotorCLITests/Reference/records_reference.py
"""

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "Samples" / "demo"
OUT = Path(__file__).resolve().parent / "demo-records.csv"
NOTES = Path(__file__).resolve().parent / "demo-record-notes.csv"
MINIMUM_ROWS = 252


def close(symbol):
    frame = pd.read_csv(DEMO / f"{symbol}.csv")
    dates = pd.to_datetime(frame[frame.columns[0]], format="mixed")
    return pd.Series(frame["Close"].astype(float).values, index=dates).sort_index()


def spread10(small, other):
    j = pd.concat([close(small), close(other)], axis=1, join="inner")
    return (10000 * (j.iloc[:, 0].pct_change(10) - j.iloc[:, 1].pct_change(10))).dropna()


def since_in(x, t, reaches):
    return next((t - s for s in range(t - 1, -1, -1) if reaches(x[s], x[t])), None)


spread = spread10("RTY", "ES")
x = spread.to_list()


def since(t, reaches):
    return since_in(x, t, reaches)


with open(OUT, "w") as f:
    f.write("date,sincehigh,sincelow\n")
    for t, d in enumerate(spread.index):
        high, low = since(t, lambda a, b: a >= b), since(t, lambda a, b: a <= b)
        f.write(f"{d.date().isoformat()},{'' if high is None else high},{'' if low is None else low}\n")
print(f"{len(x)} rows -> {OUT.relative_to(ROOT)}")

with open(NOTES, "w") as f:
    f.write("date,pair,note\n")
    for other in ["ES", "NQ"]:
        series = spread10("RTY", other)
        values, dates = series.to_list(), [d.date().isoformat() for d in series.index]
        for t, v in enumerate(values):
            note = ""
            if v != 0:
                high = v > 0
                k = since_in(values, t, (lambda a, b: a >= b) if high else (lambda a, b: a <= b))
                if k is None and t >= MINIMUM_ROWS:
                    note = "record" if high else "record low"
                elif k is not None and k >= MINIMUM_ROWS:
                    note = ("largest since " if high else "lowest since ") + dates[t - k]
            f.write(f"{dates[t]},RTY/{other},{note}\n")
print(f"notes -> {NOTES.relative_to(ROOT)}")
