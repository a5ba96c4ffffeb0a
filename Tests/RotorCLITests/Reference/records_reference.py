#!/usr/bin/env python3
"""Independent reference for the records functions on the bundled demo (issue 15).

sincehigh(spread(RTY,ES,10)) and sincelow(spread(RTY,ES,10)) over Samples/demo,
computed with pandas from the CSV files and METRICS.md's loop definition (the
nearest earlier row at least as high / as low; none on a record). Writes
demo-records.csv (date,sincehigh,sincelow; an empty cell where there is no value),
which RecordsReferenceTests.swift compares with `rotor export`.

Regenerate from the repository root: python3 Tests/RotorCLITests/Reference/records_reference.py
"""

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "Samples" / "demo"
OUT = Path(__file__).resolve().parent / "demo-records.csv"


def close(symbol):
    frame = pd.read_csv(DEMO / f"{symbol}.csv")
    dates = pd.to_datetime(frame[frame.columns[0]], format="mixed")
    return pd.Series(frame["Close"].astype(float).values, index=dates).sort_index()


j = pd.concat([close("RTY"), close("ES")], axis=1, join="inner")
spread = (10000 * (j.iloc[:, 0].pct_change(10) - j.iloc[:, 1].pct_change(10))).dropna()
x = spread.to_list()


def since(t, reaches):
    return next((t - s for s in range(t - 1, -1, -1) if reaches(x[s], x[t])), None)


with open(OUT, "w") as f:
    f.write("date,sincehigh,sincelow\n")
    for t, d in enumerate(spread.index):
        high, low = since(t, lambda a, b: a >= b), since(t, lambda a, b: a <= b)
        f.write(f"{d.date().isoformat()},{'' if high is None else high},{'' if low is None else low}\n")
print(f"{len(x)} rows -> {OUT.relative_to(ROOT)}")
