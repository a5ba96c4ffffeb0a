#!/usr/bin/env python3
"""Independent reference values for every function of METRICS.md.

What it is
    A generator, in Python, of the expected values that ReferenceValueTests.swift
    compares RotorCore against. It writes two folders next to this file:

    inputs/    a data folder as a user would pass with `--data DIR`: one
               `Date,Value` file per symbol (A, B, C, D, GAPPY, FLAT, TIES, PX, YLD)
               and the wide universe file U.csv (members M01..M13, empty cells where
               a member has no row). Numbers are written with repr(float), the
               shortest text that reads back as the identical double.
    expected/  cases.csv (`id,expression`) and one NNN.csv (`date,value`) per case,
               one row per date where the value exists; absent values are not
               written.

How to regenerate
    From the repository root: `python3 Tests/RotorCoreTests/Reference/make_reference.py`
    (or `make reference`). Needs Python 3.11+, numpy, pandas and scikit-learn; no
    network. The inputs come from a seeded numpy generator, so a run reproduces the
    committed files byte for byte on the same numpy; another numpy may draw other
    inputs, but inputs and expected values are always regenerated together.
    The Swift tests read the committed files and need no Python.

How the values are computed
    Every expression is evaluated twice, independently:
    (a) with the pandas expression METRICS.md names for it (`x.rolling(n).std()`...);
    (b) window by window, the way a careful person would check it by hand: sums,
        means, variances, covariances and EMAs in exact rational arithmetic
        (fractions.Fraction of the float inputs), square roots of exact rationals,
        mutual information with 50-digit logarithms, each result rounded once to a
        double. Elementwise functions (ret, diff, ratio, spread...) are the plain
        float64 operations in the order METRICS.md writes them, as rotor does them.
    (b) is what is written. The script fails if (a) and (b) disagree beyond 1e-9
    relative (1e-12 absolute) anywhere pandas is numerically sound, and prints a
    report of the known places where pandas is not (windows of zero variance, the
    price near 5000 that moves by 0.01) together with the points where the contract
    itself is delicate (bin edges of `mi`, near-zero z-scores).
"""

import csv
import decimal
import math
import re
import shutil
import sys
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import mutual_info_score

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "inputs"
EXPECTED = HERE / "expected"

SEED = 20230102
ROWS = 300
FIRST_DATE = "2023-01-02"

REL_TOL = 1e-9
ABS_TOL = 1e-12


def fmt(v: float) -> str:
    """Shortest round-trip text of a double; -0.0 is written as 0.0."""
    return repr(v + 0.0)


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------

def price_walk(rng, start, vol, count, zero_days=()):
    """Lognormal random walk; on `zero_days` the close repeats exactly."""
    shocks = rng.normal(0.0, vol, count)
    values = [float(start)]
    for t in range(1, count):
        values.append(values[-1] if t in zero_days else values[-1] * math.exp(shocks[t]))
    return values


def make_inputs():
    rng = np.random.default_rng(SEED)
    dates = [d.strftime("%Y-%m-%d") for d in pd.bdate_range(FIRST_DATE, periods=ROWS)]
    idx = range(ROWS)
    symbols = {}

    symbols["A"] = (dates, price_walk(rng, 100.0, 0.010, ROWS, zero_days={17, 18, 90, 201}))
    symbols["B"] = (dates, price_walk(rng, 50.0, 0.015, ROWS, zero_days={33, 150}))
    symbols["C"] = (dates, price_walk(rng, 200.0, 0.020, ROWS, zero_days={60, 61, 62}))
    symbols["D"] = (dates, price_walk(rng, 30.0, 0.008, ROWS, zero_days={5, 250}))

    # GAPPY: its own walk, correlated with A, with ~15% of the dates missing, so that
    # joins with it drop rows and its one-series functions span the gaps.
    a_logret = np.diff(np.log(symbols["A"][1]), prepend=math.log(100.0))
    own = rng.normal(0.0, 0.008, ROWS)
    gappy_full = [80.0]
    for t in range(1, ROWS):
        gappy_full.append(gappy_full[-1] * math.exp(0.7 * a_logret[t] + own[t]))
    keep = rng.random(ROWS) >= 0.15
    keep[0] = True
    symbols["GAPPY"] = ([dates[i] for i in idx if keep[i]], [gappy_full[i] for i in idx if keep[i]])

    # FLAT: runs of an identical value longer than 20 rows (zero-variance windows for
    # std, zscore, corr and beta) between normal stretches; it starts with a run.
    walk = price_walk(rng, 120.0, 0.012, ROWS)
    flat = []
    runs = [(0, 24), (70, 100), (160, 183), (240, 266)]
    for t in idx:
        run = next((r for r in runs if r[0] <= t < r[1]), None)
        if run is None:
            flat.append(walk[t])
        elif t == run[0]:
            flat.append(walk[t])
        else:
            flat.append(flat[-1])
    symbols["FLAT"] = (dates, flat)

    # TIES: small integers, so rolling ranks see many ties.
    symbols["TIES"] = (dates, [float(v) for v in rng.integers(1, 7, ROWS)])

    # PX: 5000 + 0.01 k for an integer random walk k: window variances near 1e-4 under
    # squares near 2.5e7, where a plain sum of squares cancels catastrophically.
    # (500000 + k) / 100 is the double nearest to the decimal price, as a CSV holds it.
    steps = rng.choice([-1, 0, 1], size=ROWS, p=[0.45, 0.10, 0.45])
    steps[0] = 0
    ks = np.cumsum(steps)
    symbols["PX"] = (dates, [(500000 + int(k)) / 100 for k in ks])

    # YLD: a yield in percent around 4, two decimals like a FRED download, daily
    # changes of a few bp (some zero), ~5% of dates missing.
    bp = rng.choice([-6, -4, -3, -2, -1, 0, 0, 1, 2, 3, 4, 6], size=ROWS)
    bp[0] = 0
    level = 400 + np.cumsum(bp)
    present = rng.random(ROWS) >= 0.05
    present[0] = True
    symbols["YLD"] = ([dates[i] for i in idx if present[i]],
                      [int(level[i]) / 100 for i in idx if present[i]])

    # Universe U: 12 price-like members on their own rows.
    members = {}
    for m in range(1, 13):
        vol = 0.008 + 0.001 * m
        values = price_walk(rng, 20.0 + 10 * m, vol, ROWS)
        rows = list(idx)
        if m == 3:          # starts late
            rows = rows[40:]
        elif m == 7:        # starts later
            rows = rows[120:]
        elif m == 5:        # internal holes
            holes = set(int(i) for i in rng.choice(range(10, ROWS), size=30, replace=False))
            rows = [i for i in rows if i not in holes]
        elif m == 9:        # repeated closes: short runs, and one run of 7 equal closes
            flat_days = set(int(i) for i in rng.choice(range(1, ROWS), size=45, replace=False))
            flat_days |= set(range(200, 206))
            values = price_walk(rng, 20.0 + 10 * m, vol, ROWS, zero_days=flat_days)
        elif m == 11:       # only a handful of rows
            rows = rows[150:156]
        elif m == 12:       # stops early (delisted)
            rows = rows[:250]
        members[f"M{m:02d}"] = ([dates[i] for i in rows], [values[i] for i in rows])
    # M13: two-decimal closes whose 5-row window ends on its own decimal mean
    # (52.80 52.90 52.80 52.90 52.85). The exact mean of those doubles lies just
    # below the double 52.85, but rounds to it: sma(M13,5) == close there, so the
    # member is not above it (as pandas' x > x.rolling(5).mean() says).
    closes = [round(52.85 + 0.05 * ((-1) ** i), 2) for i in range(ROWS)]
    for i in range(100, ROWS, 40):
        closes[i] = 52.85
    members["M13"] = (list(dates), closes)
    return dates, symbols, {"U": members}


def write_inputs(dates, symbols, universes):
    if INPUTS.exists():
        shutil.rmtree(INPUTS)
    INPUTS.mkdir(parents=True)
    for name, (ds, vs) in symbols.items():
        with open(INPUTS / f"{name}.csv", "w", newline="") as f:
            f.write("Date,Value\n")
            for d, v in zip(ds, vs):
                f.write(f"{d},{fmt(v)}\n")
    for uname, members in universes.items():
        names = sorted(members)
        cells = {n: dict(zip(*members[n])) for n in names}
        with open(INPUTS / f"{uname}.csv", "w", newline="") as f:
            f.write("Date," + ",".join(names) + "\n")
            for d in dates:
                row = [fmt(cells[n][d]) if d in cells[n] else "" for n in names]
                assert any(row), "every row of the wide file has a value"
                f.write(d + "," + ",".join(row) + "\n")


def read_inputs():
    """Read the folder back: the values evaluated are exactly those in the files."""
    symbols, universes = {}, {}
    for path in sorted(INPUTS.glob("*.csv")):
        lines = path.read_text().split("\n")
        assert lines[-1] == ""
        header = lines[0].split(",")
        rows = [line.split(",") for line in lines[1:-1]]
        if header == ["Date", "Value"]:
            symbols[path.stem] = S([r[0] for r in rows], [float(r[1]) for r in rows])
        else:
            universes[path.stem] = {
                name: S([r[0] for r in rows if r[j]], [float(r[j]) for r in rows if r[j]])
                for j, name in enumerate(header) if j > 0
            }
    return symbols, universes


# ---------------------------------------------------------------------------
# Expressions
# ---------------------------------------------------------------------------

TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<uni>@[A-Za-z][A-Za-z0-9._-]*)"
                   r"|(?P<name>[A-Za-z][A-Za-z0-9._-]*)|(?P<punct>[(),]))")

# s: series, o: series or number, i: literal integer, u: universe, *: two or more series,
# *i: two or more series then a literal integer
SIGNATURES = {
    "ret": "s", "logret": "s", "diff": "s", "norm": "s",
    "chg": "si", "sma": "si", "ema": "si", "std": "si", "zscore": "si",
    "pctrank": "si", "rvol": "si", "max": "si", "min": "si", "sincehigh": "s", "sincelow": "s",
    "ratio": "ss", "sub": "oo", "add": "oo", "mul": "oo", "div": "oo",
    "spread": "ssi", "corr": "ssi", "beta": "ssi", "mi": "ssii",
    "ewbasket": "*", "dispersion": "*", "avgcorr": "*i",
    "above": "ui", "nhnl": "ui", "advances": "u", "declines": "u", "netadv": "u",
    "adline": "u", "mcclellan": "u",
}


def parse(text):
    tokens, pos = [], 0
    while pos < len(text.rstrip()):
        m = TOKEN.match(text, pos)
        assert m, f"cannot tokenize {text!r} at {pos}"
        tokens.append((m.lastgroup, m.group(m.lastgroup)))
        pos = m.end()
    tokens.append(("end", ""))
    i = 0

    def expr():
        nonlocal i
        kind, value = tokens[i]
        i += 1
        if kind == "num":
            return ("num", value)
        if kind == "uni":
            return ("uni", value[1:])
        assert kind == "name", f"unexpected {value!r} in {text!r}"
        if tokens[i] != ("punct", "("):
            return ("sym", value)
        i += 1
        args = [expr()]
        while tokens[i] == ("punct", ","):
            i += 1
            args.append(expr())
        assert tokens[i] == ("punct", ")"), f"expected ) in {text!r}"
        i += 1
        return ("call", value, args)

    tree = expr()
    assert tokens[i][0] == "end", f"trailing text in {text!r}"
    return tree


class Evaluator:
    """Walks a parsed expression; subclasses supply the functions."""

    def __init__(self, symbols, universes):
        self.symbols, self.universes = symbols, universes

    def evaluate(self, text):
        return self.eval(parse(text))

    def eval(self, node):
        kind = node[0]
        if kind == "sym":
            return self.symbol(node[1])
        assert kind == "call", f"{node} is not a series"
        name, args = node[1], node[2]
        sig = SIGNATURES[name]
        if sig == "*":
            assert len(args) >= 2
            return getattr(self, name)([self.eval(a) for a in args])
        if sig == "*i":
            assert len(args) >= 3 and args[-1][0] == "num" and args[-1][1].isdigit()
            return getattr(self, name)([self.eval(a) for a in args[:-1]], int(args[-1][1]))
        assert len(sig) == len(args), f"{name}: wrong argument count"
        values = []
        for k, a in zip(sig, args):
            if k == "i":
                assert a[0] == "num" and a[1].isdigit() and int(a[1]) >= 1
                values.append(int(a[1]))
            elif k == "u":
                assert a[0] == "uni"
                values.append(self.universes[a[1]])
            elif k == "o" and a[0] == "num":
                values.append(float(a[1]))
            else:
                values.append(self.eval(a))
        fn = getattr(self, "fn_" + name) if name in ("max", "min") else getattr(self, name)
        return fn(*values)


# ---------------------------------------------------------------------------
# (b) careful, window by window: what is written
# ---------------------------------------------------------------------------

@dataclass
class S:
    """A series: ISO dates ascending, finite doubles; absent values are not stored."""
    dates: list
    vals: list


def finite(dates, vals):
    keep = [(d, v) for d, v in zip(dates, vals) if v is not None and math.isfinite(v)]
    return S([d for d, _ in keep], [v for _, v in keep])


def join(*series):
    common = set(series[0].dates)
    for s in series[1:]:
        common &= set(s.dates)
    dates = [d for d in series[0].dates if d in common]
    cols = []
    for s in series:
        at = dict(zip(s.dates, s.vals))
        cols.append([at[d] for d in dates])
    return dates, cols


def sqrt_q(q: Fraction) -> float:
    """sqrt of a non-negative rational, correctly rounded to a double.

    sqrt(p/d) = sqrt(p*d)/d; p*d is scaled by 4^k so the integer root has > 80 bits,
    and an inexact root gets a sticky half unit so the single rounding is exact.
    """
    assert q >= 0
    if q == 0:
        return 0.0
    p, d = q.numerator, q.denominator
    radicand = p * d
    k = max(0, (170 - radicand.bit_length()) // 2)
    radicand <<= 2 * k
    root = math.isqrt(radicand)
    if root * root == radicand:
        return float(Fraction(root, d << k))
    return float(Fraction(2 * root + 1, d << (k + 1)))


def signed_sqrt(sign_of: Fraction, square: Fraction) -> float:
    """sign(sign_of) * sqrt(square), rounded once."""
    r = sqrt_q(square)
    return -r if sign_of < 0 else r


def prefix(values):
    out = [Fraction(0)]
    for v in values:
        out.append(out[-1] + v)
    return out


class Windows:
    """Exact sums over the window of n rows ending at each row t >= n-1."""

    def __init__(self, values, n):
        q = [Fraction(v) for v in values]
        self.n = n
        self.s1 = prefix(q)
        self.s2 = prefix([v * v for v in q])
        self.q = q

    def rows(self):
        return range(self.n - 1, len(self.q))

    def total(self, t):
        return self.s1[t + 1] - self.s1[t + 1 - self.n]

    def mean(self, t):
        return self.total(t) / self.n

    def sxx(self, t):
        """Sum of squared deviations from the mean (= (n-1) * variance), exact."""
        s = self.total(t)
        return (self.s2[t + 1] - self.s2[t + 1 - self.n]) - s * s / self.n

    def var(self, t):
        return self.sxx(t) / (self.n - 1)


def exact_ema(values, span):
    """EMA with alpha = 2/(span+1) exactly, seeded with the first value; yields
    each exact term (Fractions: the recursion never rounds)."""
    alpha = Fraction(2, span + 1)
    e = None
    for v in values:
        e = Fraction(v) if e is None else alpha * Fraction(v) + (1 - alpha) * e
        yield e


def float_returns(values):
    return [values[t] / values[t - 1] - 1 for t in range(1, len(values))]


class Careful(Evaluator):
    def symbol(self, name):
        return self.symbols[name]

    # -- one series, elementwise (float64, in METRICS.md's order) ---------------
    def ret(self, x):
        return finite(x.dates[1:], float_returns(x.vals))

    def logret(self, x):
        logs = [math.log(v) if v > 0 else math.nan for v in x.vals]
        return finite(x.dates[1:], [logs[t] - logs[t - 1] for t in range(1, len(logs))])

    def diff(self, x):
        return finite(x.dates[1:], [x.vals[t] - x.vals[t - 1] for t in range(1, len(x.vals))])

    def chg(self, x, n):
        return finite(x.dates[n:], [x.vals[t] / x.vals[t - n] - 1 for t in range(n, len(x.vals))])

    def norm(self, x):
        first = x.vals[0]
        return finite(x.dates, [100 * v / first for v in x.vals])

    # -- one series, windows (exact) --------------------------------------------
    def sma(self, x, n):
        w = Windows(x.vals, n)
        return S([x.dates[t] for t in w.rows()], [float(w.mean(t)) for t in w.rows()])

    def ema(self, x, span):
        return S(list(x.dates), [float(e) for e in exact_ema(x.vals, span)])

    def std(self, x, n):
        assert n >= 2, "std needs n >= 2"
        w = Windows(x.vals, n)
        return S([x.dates[t] for t in w.rows()], [sqrt_q(w.var(t)) for t in w.rows()])

    def zscore(self, x, n):
        assert n >= 2
        w = Windows(x.vals, n)
        out = S([], [])
        for t in w.rows():
            var = w.var(t)
            if var == 0:
                continue
            dev = w.q[t] - w.mean(t)
            out.dates.append(x.dates[t])
            out.vals.append(signed_sqrt(dev, dev * dev / var))
        return out

    def pctrank(self, x, n):
        out = S([], [])
        for t in range(n - 1, len(x.vals)):
            count = sum(1 for v in x.vals[t - n + 1:t + 1] if v <= x.vals[t])
            out.dates.append(x.dates[t])
            out.vals.append(float(Fraction(100 * count, n)))
        return out

    def rvol(self, x, n):
        assert n >= 2
        r = self.logret(x)
        w = Windows(r.vals, n)
        # sqrt(252) * 100 * std = sqrt(252 * 100^2 * var), one rounding
        return S([r.dates[t] for t in w.rows()], [sqrt_q(w.var(t) * 252 * 10000) for t in w.rows()])

    def fn_max(self, x, n):
        return S(x.dates[n - 1:], [max(x.vals[t - n + 1:t + 1]) for t in range(n - 1, len(x.vals))])

    def fn_min(self, x, n):
        return S(x.dates[n - 1:], [min(x.vals[t - n + 1:t + 1]) for t in range(n - 1, len(x.vals))])

    def _rows_since(self, x, reaches):
        # METRICS.md's loop: the nearest earlier row that reaches x_t; none is a record.
        out = S([], [])
        for t in range(len(x.vals)):
            s = next((s for s in range(t - 1, -1, -1) if reaches(x.vals[s], x.vals[t])), None)
            if s is not None:
                out.dates.append(x.dates[t])
                out.vals.append(float(t - s))
        return out

    def sincehigh(self, x): return self._rows_since(x, lambda a, b: a >= b)
    def sincelow(self, x): return self._rows_since(x, lambda a, b: a <= b)

    # -- two series ---------------------------------------------------------------
    def _elementwise(self, a, b, op):
        if isinstance(a, float) and isinstance(b, float):
            raise AssertionError("arithmetic of two numbers is not a series")
        if isinstance(a, float):
            return finite(b.dates, [op(a, v) for v in b.vals])
        if isinstance(b, float):
            return finite(a.dates, [op(v, b) for v in a.vals])
        dates, (va, vb) = join(a, b)
        return finite(dates, [op(x, y) for x, y in zip(va, vb)])

    @staticmethod
    def _div(x, y):
        return x / y if y != 0 else math.nan

    def ratio(self, a, b):
        return self._elementwise(a, b, self._div)

    def sub(self, a, b):
        return self._elementwise(a, b, lambda x, y: x - y)

    def add(self, a, b):
        return self._elementwise(a, b, lambda x, y: x + y)

    def mul(self, a, b):
        return self._elementwise(a, b, lambda x, y: x * y)

    def div(self, a, b):
        return self._elementwise(a, b, self._div)

    def spread(self, a, b, n):
        dates, (va, vb) = join(a, b)
        vals = [10000 * ((va[t] / va[t - n] - 1) - (vb[t] / vb[t - n] - 1)) for t in range(n, len(dates))]
        return finite(dates[n:], vals)

    def _pairs(self, a, b, n):
        """Joined rows and exact windowed sums of a, b and a*b."""
        dates, (va, vb) = join(a, b)
        wa, wb = Windows(va, n), Windows(vb, n)
        sab = prefix([x * y for x, y in zip(wa.q, wb.q)])

        def sxy(t):
            return (sab[t + 1] - sab[t + 1 - n]) - wa.total(t) * wb.total(t) / n
        return dates, wa, wb, sxy

    def corr(self, a, b, n):
        assert n >= 2
        dates, wa, wb, sxy = self._pairs(a, b, n)
        out = S([], [])
        for t in wa.rows():
            saa, sbb = wa.sxx(t), wb.sxx(t)
            if saa == 0 or sbb == 0:
                continue
            c = sxy(t)
            out.dates.append(dates[t])
            out.vals.append(signed_sqrt(c, c * c / (saa * sbb)))
        return out

    def beta(self, a, b, n):
        assert n >= 2
        dates, wa, wb, sxy = self._pairs(a, b, n)
        out = S([], [])
        for t in wa.rows():
            sbb = wb.sxx(t)
            if sbb == 0:
                continue
            out.dates.append(dates[t])
            out.vals.append(float(sxy(t) / sbb))
        return out

    def mi(self, a, b, n, bins):
        dates, (va, vb) = join(a, b)
        out = S([], [])
        for t in range(n - 1, len(dates)):
            ia = mi_bins(va[t - n + 1:t + 1], bins)
            ib = mi_bins(vb[t - n + 1:t + 1], bins)
            out.dates.append(dates[t])
            out.vals.append(mi_exact(ia, ib, n))
        return out

    # -- baskets ------------------------------------------------------------------
    def ewbasket(self, series):
        dates, cols = join(*series)
        rets = [float_returns(c) for c in cols]
        level, vals = Fraction(100), [100.0]
        for t in range(len(dates) - 1):
            level *= 1 + sum(Fraction(r[t]) for r in rets) / len(rets)
            vals.append(float(level))
        return S(dates, vals)

    def dispersion(self, series):
        dates, cols = join(*series)
        rets = [float_returns(c) for c in cols]
        k = len(rets)
        vals = []
        for t in range(len(dates) - 1):
            q = [Fraction(r[t]) for r in rets]
            mean = sum(q) / k
            var = sum((v - mean) ** 2 for v in q) / (k - 1)
            vals.append(sqrt_q(var * 10000))
        return S(dates[1:], vals)

    def avgcorr(self, series, n):
        """Each pair's correlation on the rows of the join of all, to 60 digits
        (sign(sxy) * sqrt(sxy^2 / (sxx syy)) of the exact sums), averaged over the
        pairs and rounded once; absent where any member's window is constant."""
        assert n >= 2 and len(series) >= 2
        dates, cols = join(*series)
        windows = [Windows(c, n) for c in cols]
        products = {(i, j): prefix([x * y for x, y in zip(windows[i].q, windows[j].q)])
                    for i in range(len(cols)) for j in range(i + 1, len(cols))}
        out = S([], [])
        with decimal.localcontext() as ctx:
            ctx.prec = 60
            for t in windows[0].rows():
                sxx = [w.sxx(t) for w in windows]
                if any(v == 0 for v in sxx):
                    continue
                total = decimal.Decimal(0)
                for (i, j), sab in products.items():
                    c = (sab[t + 1] - sab[t + 1 - n]) - windows[i].total(t) * windows[j].total(t) / n
                    square = c * c / (sxx[i] * sxx[j])
                    r = (decimal.Decimal(square.numerator) / decimal.Decimal(square.denominator)).sqrt()
                    total += -r if c < 0 else r
                mean = total / len(products)
                out.dates.append(dates[t])
                out.vals.append(float(Fraction(mean)))
        return out

    # -- breadth ------------------------------------------------------------------
    @staticmethod
    def _union(members):
        return sorted(set().union(*(m.dates for m in members.values())))

    def above(self, members, n):
        votes, ups = {}, {}
        for m in members.values():
            if len(m.vals) < n:
                continue
            w = Windows(m.vals, n)
            for t in w.rows():
                d = m.dates[t]
                votes[d] = votes.get(d, 0) + 1
                # m_t > sma(m,n)_t where sma is the number itself: the exact mean
                # rounded once to a double (what x > x.rolling(n).mean() compares)
                if w.q[t] > Fraction(float(w.total(t) / n)):
                    ups[d] = ups.get(d, 0) + 1
        dates = [d for d in self._union(members) if d in votes]
        return S(dates, [float(Fraction(100 * ups.get(d, 0), votes[d])) for d in dates])

    def _advdec(self, members):
        adv, dec, votes = {}, {}, {}
        for m in members.values():
            for t, r in enumerate(float_returns(m.vals), start=1):
                d = m.dates[t]
                votes[d] = votes.get(d, 0) + 1
                if r > 0:
                    adv[d] = adv.get(d, 0) + 1
                elif r < 0:
                    dec[d] = dec.get(d, 0) + 1
        dates = [d for d in self._union(members) if d in votes]
        return dates, [adv.get(d, 0) for d in dates], [dec.get(d, 0) for d in dates]

    def advances(self, members):
        dates, a, _ = self._advdec(members)
        return S(dates, [float(v) for v in a])

    def declines(self, members):
        dates, _, d = self._advdec(members)
        return S(dates, [float(v) for v in d])

    def netadv(self, members):
        dates, a, d = self._advdec(members)
        return S(dates, [float(x - y) for x, y in zip(a, d)])

    def adline(self, members):
        dates, a, d = self._advdec(members)
        total, vals = 0, []
        for x, y in zip(a, d):
            total += x - y
            vals.append(float(total))
        return S(dates, vals)

    def mcclellan(self, members):
        dates, a, d = self._advdec(members)
        rana = [Fraction(1000 * (x - y), x + y) if x + y else Fraction(0) for x, y in zip(a, d)]
        return S(dates, [float(f - s) for f, s in zip(exact_ema(rana, 19), exact_ema(rana, 39))])

    def nhnl(self, members, n):
        net, votes = {}, {}
        for m in members.values():
            for t in range(n - 1, len(m.vals)):
                window, v, d = m.vals[t - n + 1:t + 1], m.vals[t], m.dates[t]
                votes[d] = votes.get(d, 0) + 1
                net[d] = net.get(d, 0) + (v >= max(window)) - (v <= min(window))
        dates = [d for d in self._union(members) if d in votes]
        return S(dates, [float(net[d]) for d in dates])


def mi_bins(values, bins):
    """Bin indices exactly as METRICS.md orders the float operations."""
    lo, hi = min(values), max(values)
    if hi == lo:
        return [0] * len(values)
    return [min(bins - 1, math.floor((v - lo) / (hi - lo) * bins)) for v in values]


def contingency(ia, ib):
    rows, cols = max(ia) + 1, max(ib) + 1
    table = [[0] * cols for _ in range(rows)]
    for x, y in zip(ia, ib):
        table[x][y] += 1
    return table


def mi_exact(ia, ib, n):
    """sum over C_ij > 0 of p_ij ln(p_ij / (p_i p_j)), with 50-digit logarithms.
    p_ij / (p_i p_j) = C_ij n / (C_i C_j), an exact ratio of integers."""
    table = contingency(ia, ib)
    ra = [sum(r) for r in table]
    cb = [sum(c) for c in zip(*table)]
    with decimal.localcontext() as ctx:
        ctx.prec = 50
        total = decimal.Decimal(0)
        for i, row in enumerate(table):
            for j, c in enumerate(row):
                if c:
                    total += decimal.Decimal(c) / n * (decimal.Decimal(c * n) / (ra[i] * cb[j])).ln()
        return float(total)


# ---------------------------------------------------------------------------
# (a) pandas, as METRICS.md writes it: the cross-check
# ---------------------------------------------------------------------------

def to_pd(s: S):
    return pd.Series(s.vals, index=pd.Index(s.dates, name="date"), dtype="float64")


def present(x: pd.Series):
    """Absent = not a row: drop NaN and the infinities of a division by zero."""
    return x[np.isfinite(x.to_numpy())]


def pd_join(*series):
    frame = pd.concat(list(series), axis=1, join="inner").sort_index()
    return [frame.iloc[:, i] for i in range(frame.shape[1])]


class Pandas(Evaluator):
    def symbol(self, name):
        return to_pd(self.symbols[name])

    def ret(self, x): return present(x.pct_change())
    def logret(self, x): return present(np.log(x).diff())
    def diff(self, x): return present(x.diff())
    def chg(self, x, n): return present(x.pct_change(n))
    def norm(self, x): return present(100 * x / x.iloc[0])
    def sma(self, x, n): return present(x.rolling(n).mean())
    def ema(self, x, span): return present(x.ewm(span=span, adjust=False).mean())
    def std(self, x, n): return present(x.rolling(n).std())

    def zscore(self, x, n):
        return present((x - x.rolling(n).mean()) / x.rolling(n).std())

    def pctrank(self, x, n):
        return present(100 * x.rolling(n).rank(pct=True, method="max"))

    def rvol(self, x, n):
        return present(np.log(x).diff().rolling(n).std() * np.sqrt(252) * 100)

    def fn_max(self, x, n): return present(x.rolling(n).max())
    def fn_min(self, x, n): return present(x.rolling(n).min())

    def _since(self, x, reaches):
        # numpy, the other way round: for each t, the last index of an earlier row that
        # reaches it among all earlier rows, by a boolean mask.
        v = x.to_numpy()
        out = np.full(len(v), np.nan)
        for t in range(1, len(v)):
            hits = np.flatnonzero(reaches(v[:t], v[t]))
            if hits.size:
                out[t] = t - hits[-1]
        return present(pd.Series(out, index=x.index))

    def sincehigh(self, x): return self._since(x, np.greater_equal)
    def sincelow(self, x): return self._since(x, np.less_equal)

    def _arith(self, a, b, op):
        if isinstance(a, pd.Series) and isinstance(b, pd.Series):
            a, b = pd_join(a, b)
        return present(op(a, b))

    def ratio(self, a, b): return self._arith(a, b, lambda x, y: x / y)
    def sub(self, a, b): return self._arith(a, b, lambda x, y: x - y)
    def add(self, a, b): return self._arith(a, b, lambda x, y: x + y)
    def mul(self, a, b): return self._arith(a, b, lambda x, y: x * y)
    def div(self, a, b): return self._arith(a, b, lambda x, y: x / y)

    def spread(self, a, b, n):
        a, b = pd_join(a, b)
        return present(10000 * (a.pct_change(n) - b.pct_change(n)))

    def corr(self, a, b, n):
        a, b = pd_join(a, b)
        return present(a.rolling(n).corr(b))

    def beta(self, a, b, n):
        a, b = pd_join(a, b)
        return present(a.rolling(n).cov(b) / b.rolling(n).var())

    def mi(self, a, b, n, bins):
        a, b = pd_join(a, b)
        va, vb = a.to_numpy(), b.to_numpy()
        vals = []
        for t in range(n - 1, len(va)):
            table = np.zeros((bins, bins))
            np.add.at(table, (np_bins(va[t - n + 1:t + 1], bins), np_bins(vb[t - n + 1:t + 1], bins)), 1)
            vals.append(mutual_info_score(None, None, contingency=table))
        return pd.Series(vals, index=a.index[n - 1:], dtype="float64")

    def ewbasket(self, series):
        frame = pd.concat(series, axis=1, join="inner").sort_index()
        mean_ret = frame.pct_change().mean(axis=1).fillna(0.0)
        return 100 * (1 + mean_ret).cumprod()

    def dispersion(self, series):
        frame = pd.concat(series, axis=1, join="inner").sort_index()
        return present(100 * frame.pct_change().std(axis=1))

    def avgcorr(self, series, n):
        # METRICS.md's pandas, on the joined frame (positional columns: a symbol may
        # appear inside two different expressions).
        frame = pd.concat(series, axis=1, join="inner").sort_index()
        frame.columns = range(frame.shape[1])
        pairs = list(combinations(frame.columns, 2))
        return present(sum(frame[a].rolling(n).corr(frame[b]) for a, b in pairs) / len(pairs))

    # Breadth: one wide frame, NaN where a member has no row; each member's own rows.
    @staticmethod
    def _frame(members):
        return pd.concat({k: to_pd(v) for k, v in members.items()}, axis=1).sort_index()

    def above(self, members, n):
        frame = self._frame(members)
        up, votes = pd.Series(0, index=frame.index), pd.Series(0, index=frame.index)
        for col in frame:
            m = frame[col].dropna()
            sma = m.rolling(n).mean()
            defined = sma.notna()
            votes = votes.add(defined.astype(int), fill_value=0)
            up = up.add(((m > sma) & defined).astype(int), fill_value=0)
        return present(100 * up / votes.where(votes > 0))

    def _advdec(self, members):
        frame = self._frame(members)
        rets = pd.concat({c: frame[c].dropna().pct_change() for c in frame}, axis=1).reindex(frame.index)
        defined = rets.notna().sum(axis=1)
        adv = (rets > 0).sum(axis=1).where(defined > 0)
        dec = (rets < 0).sum(axis=1).where(defined > 0)
        return adv.dropna(), dec.dropna()

    def advances(self, members): return self._advdec(members)[0]
    def declines(self, members): return self._advdec(members)[1]

    def netadv(self, members):
        adv, dec = self._advdec(members)
        return adv - dec

    def adline(self, members):
        return self.netadv(members).cumsum()

    def mcclellan(self, members):
        adv, dec = self._advdec(members)
        rana = (1000 * (adv - dec) / (adv + dec)).where(adv + dec > 0, 0.0)
        return rana.ewm(span=19, adjust=False).mean() - rana.ewm(span=39, adjust=False).mean()

    def nhnl(self, members, n):
        frame = self._frame(members)
        net, votes = pd.Series(0, index=frame.index), pd.Series(0, index=frame.index)
        for col in frame:
            m = frame[col].dropna()
            hi, lo = m.rolling(n).max(), m.rolling(n).min()
            votes = votes.add(hi.notna().astype(int), fill_value=0)
            net = net.add((m >= hi).astype(int) - (m <= lo).astype(int), fill_value=0)
        return net.where(votes > 0).dropna().astype(float)


def np_bins(v, bins):
    lo, hi = v.min(), v.max()
    if hi == lo:
        return np.zeros(len(v), dtype=int)
    return np.minimum(bins - 1, np.floor((v - lo) / (hi - lo) * bins)).astype(int)


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

CASES = [
    # one series on A: every function, several windows
    "ret(A)", "logret(A)", "diff(A)", "chg(A,1)", "chg(A,5)", "chg(A,20)", "norm(A)",
    "sma(A,1)", "sma(A,5)", "sma(A,20)", "ema(A,1)", "ema(A,5)", "ema(A,20)",
    "std(A,2)", "std(A,5)", "std(A,20)", "zscore(A,5)", "zscore(A,20)",
    "pctrank(A,1)", "pctrank(A,5)", "pctrank(A,20)", "rvol(A,5)", "rvol(A,20)",
    "max(A,1)", "max(A,5)", "max(A,20)", "min(A,1)", "min(A,5)", "min(A,20)",
    # GAPPY: one-series functions span its own gaps
    "ret(GAPPY)", "logret(GAPPY)", "diff(GAPPY)", "chg(GAPPY,5)", "norm(GAPPY)",
    "sma(GAPPY,5)", "ema(GAPPY,20)", "std(GAPPY,20)", "zscore(GAPPY,20)",
    "pctrank(GAPPY,20)", "rvol(GAPPY,20)", "max(GAPPY,20)", "min(GAPPY,5)",
    # FLAT: runs longer than 20 rows (zero-variance windows)
    "ret(FLAT)", "diff(FLAT)", "sma(FLAT,20)", "ema(FLAT,5)", "std(FLAT,5)", "std(FLAT,20)",
    "zscore(FLAT,5)", "zscore(FLAT,20)", "pctrank(FLAT,20)", "rvol(FLAT,20)", "max(FLAT,20)",
    # TIES: ranks with many ties
    "pctrank(TIES,1)", "pctrank(TIES,5)", "pctrank(TIES,20)", "sma(TIES,5)", "std(TIES,5)",
    "zscore(TIES,20)", "max(TIES,5)", "min(TIES,5)",
    # PX: cancellation in the variance
    "std(PX,20)", "zscore(PX,20)", "rvol(PX,20)", "std(PX,5)", "sma(PX,20)", "ret(PX)",
    # YLD: a yield with holes
    "diff(YLD)", "chg(YLD,5)", "sma(YLD,5)", "ema(YLD,20)", "zscore(YLD,20)", "std(diff(YLD),20)",
    # two series, arithmetic with numbers on either side
    "ratio(A,B)", "ratio(A,GAPPY)", "sub(A,B)", "add(A,GAPPY)", "mul(A,B)", "div(A,B)",
    "sub(A,3)", "sub(100,A)", "div(2,B)", "div(A,4)", "mul(0.5,A)", "add(YLD,1.5)",
    "spread(A,B,5)", "spread(A,B,10)", "spread(A,GAPPY,10)",
    "corr(A,B,5)", "corr(A,B,20)", "corr(A,GAPPY,20)", "corr(A,FLAT,5)", "corr(FLAT,B,20)",
    "beta(A,B,5)", "beta(A,B,20)", "beta(A,FLAT,20)", "beta(FLAT,A,20)",
    "mi(A,B,20,4)", "mi(A,B,60,8)", "mi(A,GAPPY,20,4)", "mi(A,FLAT,20,4)", "mi(TIES,A,20,4)",
    # pane-style nesting
    "corr(ret(A),diff(YLD),20)", "beta(ret(A),diff(YLD),20)", "mi(ret(A),diff(YLD),60,8)",
    "corr(ret(GAPPY),diff(YLD),20)", "zscore(spread(A,B,10),20)",
    "pctrank(sub(A,rvol(B,20)),20)", "chg(ratio(A,B),5)", "sma(ratio(A,B),5)",
    "corr(ret(A),ret(B),20)",
    # baskets
    "ewbasket(A,B,C)", "ewbasket(A,GAPPY,C,D)", "dispersion(A,B,C,D)", "dispersion(A,GAPPY,C)",
    "ratio(ewbasket(A,B,C),D)", "zscore(ratio(ewbasket(A,B,C),D),20)",
    # breadth
    "above(@U,5)", "above(@U,20)", "above(@U,50)", "advances(@U)", "declines(@U)",
    "netadv(@U)", "adline(@U)", "mcclellan(@U)", "nhnl(@U,5)", "nhnl(@U,20)",
    "pctrank(above(@U,5),20)",
    # records (added with issue 15): ties count as "at least as high" (sincehigh of a
    # tie is the distance to it), a flat run is 1 row since on every row but its
    # first, GAPPY counts its own rows
    "sincehigh(A)", "sincelow(A)",
    "sincehigh(TIES)", "sincelow(TIES)", "sincehigh(FLAT)", "sincelow(FLAT)", "sincehigh(GAPPY)",
    "sincehigh(spread(A,B,10))", "sincelow(zscore(A,20))",
    # average pairwise correlation (added with issue 16): two series (= corr(A,B,20),
    # case 90), three and seven with gaps (GAPPY, YLD: the join of all drops rows and
    # every pair uses the join's rows), constant windows of FLAT (absent there), the
    # smallest window and the largest the 300 rows allow, and nested inputs
    "avgcorr(A,B,20)", "avgcorr(A,GAPPY,C,20)", "avgcorr(A,B,C,D,GAPPY,YLD,TIES,20)",
    "avgcorr(A,FLAT,B,5)", "avgcorr(FLAT,B,C,20)", "avgcorr(A,B,C,2)", "avgcorr(A,B,C,D,300)",
    "avgcorr(ret(A),ret(GAPPY),diff(YLD),ret(B),20)",
]

# Where pandas' own arithmetic is known to be unsound, and why. Disagreements in
# these cases are reported, not fatal; anywhere else they stop the script.
PANDAS_UNSOUND = {
    "std(PX,20)": "rolling variance of values near 5000 moving by 0.01 (cancellation)",
    "std(PX,5)": "rolling variance of values near 5000 moving by 0.01 (cancellation)",
    "zscore(PX,20)": "rolling variance of values near 5000 moving by 0.01 (cancellation)",
    # pandas 3.1 leaves a residue of ~1e-13 in the variance of FLAT's April run of
    # equal values (it returns 0 on the December run): std 4e-7 instead of 0.
    "std(FLAT,5)": "rolling variance of a run of equal values entered after a move",
}


# ---------------------------------------------------------------------------
# Comparison and report
# ---------------------------------------------------------------------------

def close(a, e):
    return abs(a - e) <= max(REL_TOL * abs(e), ABS_TOL)


def compare(expr, careful: S, pandas_series: pd.Series, degenerate: set):
    """(a) pandas against (b) careful: returns (fatal problems, reported notes).

    `degenerate` holds the dates where (b) is absent because a window has zero
    variance; pandas may still give a value there (0, or rounding noise)."""
    want = dict(zip(careful.dates, careful.vals))
    got = {d: float(v) for d, v in pandas_series.items()}
    problems, notes = [], []
    only_b = sorted(set(want) - set(got))
    only_a = sorted(set(got) - set(want))
    if only_b:
        problems.append(f"{len(only_b)} dates only in (b), first {only_b[0]}")
    if only_a and set(only_a) <= degenerate:
        notes.append(f"{len(only_a)} dates with a pandas value where the exact window has zero variance, "
                     f"e.g. {only_a[0]} = {got[only_a[0]]!r}")
    elif only_a:
        problems.append(f"{len(only_a)} dates only in (a), first {only_a[0]}")
    bad = [(d, got[d], want[d]) for d in want if d in got and not close(got[d], want[d])]
    if bad:
        worst = max(bad, key=lambda b: abs(b[1] - b[2]) / max(abs(b[2]), ABS_TOL))
        rel = abs(worst[1] - worst[2]) / max(abs(worst[2]), ABS_TOL)
        msg = (f"{len(bad)} of {len(want)} values differ; worst {worst[0]}: pandas {worst[1]!r} "
               f"vs exact {worst[2]!r} (relative {rel:.1e})")
        (notes if expr in PANDAS_UNSOUND else problems).append(msg)
    return problems, notes


def zero_variance_dates(careful_eval, expr):
    """Dates where (b) is absent because a window has zero variance: recomputed with
    the window statistic itself, so the allowance is exactly that and nothing more."""
    tree = parse(expr)
    name, args = tree[1], tree[2]
    if name == "zscore":
        x, n = careful_eval.eval(args[0]), int(args[1][1])
        w = Windows(x.vals, n)
        return {x.dates[t] for t in w.rows() if w.var(t) == 0}
    if name in ("corr", "beta"):
        a, b, n = careful_eval.eval(args[0]), careful_eval.eval(args[1]), int(args[2][1])
        dates, wa, wb, _ = careful_eval._pairs(a, b, n)
        return {dates[t] for t in wa.rows() if wb.sxx(t) == 0 or (name == "corr" and wa.sxx(t) == 0)}
    if name == "avgcorr":
        cols = join(*[careful_eval.eval(a) for a in args[:-1]])
        n = int(args[-1][1])
        windows = [Windows(c, n) for c in cols[1]]
        return {cols[0][t] for t in windows[0].rows() if any(w.sxx(t) == 0 for w in windows)}
    return set()


def delicate_points(careful_eval, symbols, universes):
    """Points where the contract, not pandas, is sensitive to the last bit."""
    lines = []
    # zscore: the error of a mean rounded to a double, divided by the std, against the
    # tolerance of the z value itself. Above 1 the value needs x_t - mean computed
    # with more than double precision of the mean (e.g. from shifted sums).
    for expr in [c for c in CASES if c.startswith("zscore(")]:
        tree = parse(expr)
        x, n = careful_eval.eval(tree[2][0]), int(tree[2][1][1])
        w = Windows(x.vals, n)
        worst, count = 0.0, 0
        for t in w.rows():
            var = w.var(t)
            if var == 0:
                continue
            mean = float(w.mean(t))
            z = abs(float(w.q[t] - w.mean(t))) / math.sqrt(var)
            ratio = (0.5 * math.ulp(mean) / math.sqrt(var)) / max(REL_TOL * z, ABS_TOL)
            worst = max(worst, ratio)
            count += ratio > 1
        if count:
            lines.append(f"{expr}: {count} values where a double-rounded mean alone would exceed the "
                         f"tolerance (worst x{worst:.2g})")
    # PX windows whose decimal mean equals the decimal price: the exact z there is
    # only the representation error of the doubles.
    ks = [round(v * 100) - 500000 for v in symbols["PX"].vals]
    hits = [symbols["PX"].dates[t] for t in range(19, len(ks)) if sum(ks[t - 19:t + 1]) == 20 * ks[t]]
    if hits:
        lines.append(f"zscore(PX,20): {len(hits)} dates where the decimal z is exactly 0 and the value is "
                     f"the doubles' representation error (|z| ~ 1e-11), e.g. {hits[:3]}")
    # mi: values whose (v - lo) / (hi - lo) * bins is a whole number land exactly on a
    # bin edge (and go to the upper bin); check the float bins against exact rationals.
    for expr in [c for c in CASES if c.startswith("mi(")]:
        tree = parse(expr)
        a, b = careful_eval.eval(tree[2][0]), careful_eval.eval(tree[2][1])
        n, bins = int(tree[2][2][1]), int(tree[2][3][1])
        dates, cols = join(a, b)
        edges = inexact = 0
        for col in cols:
            for t in range(n - 1, len(dates)):
                window = col[t - n + 1:t + 1]
                lo, hi = min(window), max(window)
                if hi == lo:
                    continue
                for v in window:
                    x = (v - lo) / (hi - lo) * bins
                    edges += 0 < x < bins and x == math.floor(x)
                    exact = (Fraction(v) - Fraction(lo)) * bins / (Fraction(hi) - Fraction(lo))
                    inexact += min(bins - 1, math.floor(x)) != min(bins - 1, math.floor(exact))
        if edges or inexact:
            lines.append(f"{expr}: {edges} values land exactly on an inner bin edge; "
                         f"{inexact} float bins differ from exact-rational bins")
    # above: members whose close equals its n-row mean exactly (not above).
    for n in (5, 20, 50):
        ties = []
        for name, m in universes["U"].items():
            if len(m.vals) < n:
                continue
            w = Windows(m.vals, n)
            ties += [f"{name} {m.dates[t]}" for t in w.rows() if w.q[t] * n == w.total(t)]
        if ties:
            lines.append(f"above(@U,{n}): close == sma exactly (counts as not above) for {', '.join(ties)}")
    # rvol: the logs' rounding against returns of 2e-6 (PX). rotor and this script
    # both take ln x_t - ln x_{t-1} with the C library's log; ln(x_t / x_{t-1}) or a
    # different libm moves the values by up to this much.
    for expr in [c for c in CASES if c.startswith("rvol(")]:
        tree = parse(expr)
        x, n = careful_eval.eval(tree[2][0]), int(tree[2][1][1])
        ours = careful_eval.rvol(x, n)
        ratio_logs = [math.log(x.vals[t] / x.vals[t - 1]) for t in range(1, len(x.vals))]
        w = Windows(ratio_logs, n)
        alt = [sqrt_q(w.var(t) * 252 * 10000) for t in w.rows()]
        worst = max(abs(p - q) / q for p, q in zip(alt, ours.vals) if q)
        if worst > 1e-12:
            lines.append(f"{expr}: ln(x_t/x_(t-1)) instead of ln x_t - ln x_(t-1) changes values by up to "
                         f"{worst:.1e} relative")
    values = [v for s in symbols.values() for v in s.vals]
    values += [v for m in universes["U"].values() for v in m.vals]
    differ = sum(float(np.log(v)) != math.log(v) for v in values)
    lines.append(f"numpy log vs C library log: {differ} of {len(values)} input values differ in the last bit")
    return lines


def main():
    dates, generated, generated_universes = make_inputs()
    write_inputs(dates, generated, generated_universes)
    symbols, universes = read_inputs()
    for name, (ds, vs) in generated.items():
        assert symbols[name].dates == ds and symbols[name].vals == vs, f"{name} does not round-trip"
    for uname, members in generated_universes.items():
        for name, (ds, vs) in members.items():
            m = universes[uname][name]
            assert m.dates == ds and m.vals == vs, f"{uname}/{name} does not round-trip"

    careful, pandas_eval = Careful(symbols, universes), Pandas(symbols, universes)
    assert len(set(CASES)) == len(CASES), "duplicate case"
    used = {name for c in CASES for name in re.findall(r"([a-z]+)\(", c)}
    assert used == set(SIGNATURES), f"functions without a case: {set(SIGNATURES) - used}"

    if EXPECTED.exists():
        shutil.rmtree(EXPECTED)
    EXPECTED.mkdir(parents=True)
    fatal, report = [], []
    with open(EXPECTED / "cases.csv", "w", newline="") as f:
        table = csv.writer(f, lineterminator="\n")
        table.writerow(["id", "expression"])
        for number, expr in enumerate(CASES, start=1):
            case_id = f"{number:03d}"
            b = careful.evaluate(expr)
            a = pandas_eval.evaluate(expr)
            assert b.dates, f"{expr} has no values"
            assert b.dates == sorted(b.dates) and all(math.isfinite(v) for v in b.vals)
            problems, notes = compare(expr, b, a, zero_variance_dates(careful, expr))
            fatal += [f"{case_id} {expr}: {p}" for p in problems]
            report += [f"{case_id} {expr}: {n}" for n in notes]
            table.writerow([case_id, expr])
            with open(EXPECTED / f"{case_id}.csv", "w", newline="") as out:
                out.write("date,value\n")
                for d, v in zip(b.dates, b.vals):
                    out.write(f"{d},{fmt(v)}\n")

    print(f"wrote {len(CASES)} cases to {EXPECTED}")
    print("\npandas against the exact values (reported, not fatal):")
    for line in report or ["(none)"]:
        print("  " + line)
    print("\ndelicate points of the contract itself:")
    for line in delicate_points(careful, symbols, universes) or ["(none)"]:
        print("  " + line)
    if fatal:
        print("\nFATAL: pandas and the exact computation disagree where pandas is sound:")
        for line in fatal:
            print("  " + line)
        sys.exit(1)


if __name__ == "__main__":
    main()
