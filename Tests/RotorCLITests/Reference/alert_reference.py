#!/usr/bin/env python3
"""Independent reference for `rotor alerts` on the bundled demo (issue 14).

What it is
    The dates (and values) on which three alerts fire over Samples/demo, computed
    with pandas from the CSV files themselves, without rotor:
      rotation-extreme   |zscore(spread(RTY,ES,10),252)| >= 2       (built-in)
      iv-below-rv:VIX    sub(VIX,rvol(ES,20)) < 0                   (built-in)
      ratio-rich         zscore(ratio(RTY,ES),252) >= 1.5, clear <= 0 (a user rule)
    AlertReferenceTests.swift compares rotor's firings with demo-alerts.csv, which
    this script writes next to it.

How the firing is computed
    METRICS.md values with the pandas expressions METRICS.md names. An alert with the
    default clear fires where the condition is true and was false on the row before
    (both known): c & (c.shift(1) == False), vectorized, so the step-by-step state
    machine of rotor is checked against a formula. The user rule's own clear is a
    small loop: fired on a rising edge, re-armed on a row where the clear holds.

How to regenerate
    From the repository root: python3 Tests/RotorCLITests/Reference/alert_reference.py
    (needs pandas and numpy; no network).
"""

from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "Samples" / "demo"
OUT = Path(__file__).resolve().parent / "demo-alerts.csv"


def close(symbol):
    frame = pd.read_csv(DEMO / f"{symbol}.csv")
    date_col = frame.columns[0]
    value_col = next(c for c in frame.columns if c.lower() == "close")
    dates = pd.to_datetime(frame[date_col], format="mixed")
    return pd.Series(frame[value_col].astype(float).values, index=dates).sort_index()


def joined(a, b):
    j = pd.concat([a, b], axis=1, join="inner")
    return j.iloc[:, 0], j.iloc[:, 1]


def zscore(x, n):
    return (x - x.rolling(n).mean()) / x.rolling(n).std()


def rvol(x, n):
    return np.log(x).diff().rolling(n).std() * np.sqrt(252) * 100


def edges(condition, values):
    """Rows where a known condition is true and the row before's was known and false."""
    known = values.notna()
    c = condition.where(known)
    before = c.shift(1)
    fired = (c == True) & (before == False)  # noqa: E712 (NaN compares false both ways)
    return [(d, values[d]) for d in values.index[fired.fillna(False).astype(bool)]]


def with_clear(values, when, clear_values, clear):
    armed, previous, out = True, None, []
    for d, v in values.items():
        now = None if np.isnan(v) else bool(when(v))
        fired = False
        if armed and now is True and previous is False:
            out.append((d, v))
            armed, fired = False, True
        if not armed and not fired:
            c = clear_values.get(d, np.nan)
            if not np.isnan(c) and clear(c):
                armed = True
        previous = now
    return out


es, rty, vix = close("ES"), close("RTY"), close("VIX")
a, b = joined(rty, es)
spread_z = zscore(10000 * (a.pct_change(10) - b.pct_change(10)), 252)
premium_iv, premium_rv = joined(vix, rvol(es, 20).dropna())
premium = premium_iv - premium_rv
ratio_z = zscore(a / b, 252)

rows = []
rows += [(d, "rotation-extreme", v) for d, v in edges(spread_z.abs() >= 2, spread_z)]
rows += [(d, "iv-below-rv:VIX", v) for d, v in edges(premium < 0, premium)]
rows += [(d, "ratio-rich", v) for d, v in with_clear(ratio_z, lambda v: v >= 1.5, ratio_z, lambda c: c <= 0)]
rows.sort(key=lambda r: (r[0], r[1]))
with open(OUT, "w") as f:
    f.write("date,name,value\n")
    for d, name, v in rows:
        f.write(f"{d.date().isoformat()},{name},{float(v)!r}\n")
print(f"{len(rows)} firings -> {OUT.relative_to(ROOT)}")
