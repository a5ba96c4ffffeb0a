#!/usr/bin/env python3
"""Independent reference for the POSITIONING pane on the bundled demo (issue 17).

From the CSV files of Samples/demo and METRICS.md's definitions, with pandas: for
each contract (RTY, NQ, ES) and group (AM, LF), the net share of open interest
100 * NET / OI (on the inner join of the two files), its 1-report change (diff) and
its percentile of 156 reports (rolling rank, pct, method "max"); and SQUEEZE RISK on
every report date: the RTY LF percentile <= 10 and zscore(spread(RTY,ES,10),252) >= 2
on that date (the inner join of the weekly and the daily series). Writes
demo-positioning.csv (date,holding,share,change,pct; empty where absent) and
demo-squeeze.csv (date,pct,z,squeeze), which PositioningReferenceTests.swift compares
with `rotor export` and the pane.

Regenerate from the repository root: python3 Tests/RotorCLITests/Reference/positioning_reference.py
"""

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "Samples" / "demo"
HERE = Path(__file__).resolve().parent
REPORTS = 156


def column(name):
    frame = pd.read_csv(DEMO / f"{name}.csv", parse_dates=["Date"]).set_index("Date")
    return frame[name].astype(float)


def close(name):
    return pd.read_csv(DEMO / f"{name}.csv", parse_dates=["Date"]).set_index("Date")["Close"].astype(float)


def fmt(x):
    return "" if pd.isna(x) else repr(float(x))


rows = []
shares = {}
for contract in ["RTY", "NQ", "ES"]:
    for group in ["AM", "LF"]:
        j = pd.concat([column(f"{contract}_{group}"), column(f"{contract}_OI")], axis=1, join="inner")
        share = 100 * j.iloc[:, 0] / j.iloc[:, 1]
        change = share.diff()
        pct = 100 * share.rolling(REPORTS).rank(pct=True, method="max")
        shares[(contract, group)] = pct
        for d in share.index:
            rows.append((d.date().isoformat(), f"{contract} {group}", fmt(share[d]), fmt(change[d]), fmt(pct[d])))

with open(HERE / "demo-positioning.csv", "w") as f:
    f.write("date,holding,share,change,pct\n")
    for r in sorted(rows):
        f.write(",".join(r) + "\n")

rty, es = close("RTY"), close("ES")
prices = pd.concat([rty, es], axis=1, join="inner")
spread = 10000 * (prices.iloc[:, 0].pct_change(10) - prices.iloc[:, 1].pct_change(10))
z = (spread - spread.rolling(252).mean()) / spread.rolling(252).std()
joined = pd.concat([shares[("RTY", "LF")].rename("pct"), z.rename("z")], axis=1, join="inner").dropna()
with open(HERE / "demo-squeeze.csv", "w") as f:
    f.write("date,pct,z,squeeze\n")
    for d, r in joined.iterrows():
        up = r["pct"] <= 10 and r["z"] >= 2
        f.write(f"{d.date().isoformat()},{fmt(r['pct'])},{fmt(r['z'])},{'1' if up else '0'}\n")
