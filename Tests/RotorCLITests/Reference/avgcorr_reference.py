#!/usr/bin/env python3
"""Independent reference for avgcorr on the bundled demo (issue 16).

avgcorr(AAPL,MSFT,GOOGL,AMZN,NVDA,META,TSLA,20) (closes) and the same of the names'
one-row returns, avgcorr(ret(AAPL),...,ret(TSLA),20), computed with pandas from the
CSV files as METRICS.md defines it: inner-join the seven, then the mean over the 21
pairs of `rolling(20).corr`; absent where any pair's correlation is (a constant
window). Writes demo-avgcorr.csv (date,closes,returns; an empty cell where a column
has no value), which AverageCorrelationReferenceTests.swift compares with `rotor
export` to 1e-9.

Regenerate from the repository root: python3 Tests/RotorCLITests/Reference/avgcorr_reference.py
"""

from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "Samples" / "demo"
OUT = Path(__file__).resolve().parent / "demo-avgcorr.csv"
MAG7 = ["AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA"]
N = 20


def close(symbol):
    frame = pd.read_csv(DEMO / f"{symbol}.csv")
    dates = pd.to_datetime(frame[frame.columns[0]], format="mixed")
    return pd.Series(frame["Close"].astype(float).values, index=dates).sort_index()


def avgcorr(series, n):
    frame = pd.concat(series, axis=1, join="inner").sort_index()
    frame.columns = range(frame.shape[1])
    pairs = list(combinations(frame.columns, 2))
    # A constant window gives pandas NaN (or +-inf) for its pairs: absent, as METRICS.md says.
    mean = sum(frame[a].rolling(n).corr(frame[b]) for a, b in pairs) / len(pairs)
    return mean[np.isfinite(mean.to_numpy())]


closes = [close(s) for s in MAG7]
levels = avgcorr(closes, N)
returns = avgcorr([c.pct_change().dropna() for c in closes], N)
frame = pd.concat({"closes": levels, "returns": returns}, axis=1).sort_index()
with open(OUT, "w") as f:
    f.write("date,closes,returns\n")
    for d, row in frame.iterrows():
        cells = ["" if pd.isna(v) else repr(float(v)) for v in row]
        f.write(f"{d.date().isoformat()},{cells[0]},{cells[1]}\n")
print(f"{len(frame)} rows ({len(levels)} closes, {len(returns)} returns) -> {OUT.relative_to(ROOT)}")
