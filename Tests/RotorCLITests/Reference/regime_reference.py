#!/usr/bin/env python3
"""Independent reference for the macro regime on the bundled demo (issue 15, part 5).

What it is
    For every ES session of Samples/demo, METRICS.md's macro regime computed with
    pandas from the CSV files themselves, without rotor:
      trend    "up" when chg(ES,20) = ES_t / ES_{t-20} - 1 > 0, else "down"
      curve    over the last 20 rows of the inner join of US2Y and US10Y (FRED files:
               holidays are empty and dropped): d2, d10 = the 20-row changes in bp,
               dl = (d2 + d10) / 2, ds = d10 - d2; "flat" when |ds| < 2, else "bull"
               if dl < 0 else "bear", "steepener" if ds > 0 else "flattener"
      regime   the default name of (trend, curve) (README, Samples/rotor.example.toml)
    The curve regime on an ES date is the one of the last joined yield row on or
    before it (rotor reads every series as of the date). A row where either part is
    not known yet (fewer than 21 rows) has an empty regime: no regime is shown.
    MacroRegimeReferenceTests.swift compares `rotor line --at` and `rotor alerts`
    (the macro-regime firings) with demo-regimes.csv, which this script writes.

How to regenerate
    From the repository root: python3 Tests/RotorCLITests/Reference/regime_reference.py
    (needs pandas; no network).
"""

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "Samples" / "demo"
OUT = Path(__file__).resolve().parent / "demo-regimes.csv"

NAMES = {
    ("up", "bull steepener"): "Goldilocks",
    ("up", "bull flattener"): "Disinflation",
    ("up", "bear steepener"): "Reflation",
    ("up", "bear flattener"): "Overheating",
    ("up", "flat"): "Risk-on",
    ("down", "bull steepener"): "Growth scare",
    ("down", "bull flattener"): "Flight to quality",
    ("down", "bear steepener"): "Stagflation",
    ("down", "bear flattener"): "Tightening",
    ("down", "flat"): "Risk-off",
}


def column(symbol, name):
    frame = pd.read_csv(DEMO / f"{symbol}.csv")
    value_col = next(c for c in frame.columns if c.lower() == name.lower())
    dates = pd.to_datetime(frame[frame.columns[0]], format="mixed")
    return pd.Series(pd.to_numeric(frame[value_col], errors="coerce").values, index=dates).dropna().sort_index()


def curve_regime(d2, d10):
    dl, ds = (d2 + d10) / 2, d10 - d2
    if abs(ds) < 2:
        return "flat"
    return ("bull" if dl < 0 else "bear") + " " + ("steepener" if ds > 0 else "flattener")


def main():
    es = column("ES", "Close")
    yields = pd.concat([column("US2Y", "DGS2"), column("US10Y", "DGS10")], axis=1, join="inner")
    changes = (yields - yields.shift(20)) * 100
    curves = pd.Series(
        [None if pd.isna(a) else curve_regime(a, b) for a, b in zip(changes.iloc[:, 0], changes.iloc[:, 1])],
        index=yields.index,
    )
    trend_change = es / es.shift(20) - 1
    rows = ["date,es_chg20,curve,regime"]
    for d, change in trend_change.items():
        known = curves[curves.index <= d]
        curve = known.iloc[-1] if len(known) and isinstance(known.iloc[-1], str) else None
        if pd.isna(change) or curve is None:
            rows.append(f"{d.date()},{'' if pd.isna(change) else repr(float(change))},{curve or ''},")
            continue
        trend = "up" if change > 0 else "down"
        rows.append(f"{d.date()},{float(change)!r},{curve},{NAMES[(trend, curve)]}")
    OUT.write_text("\n".join(rows) + "\n")
    print(f"wrote {len(rows) - 1} rows to {OUT}")


if __name__ == "__main__":
    main()
