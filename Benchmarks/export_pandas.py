"""The pandas side of the export benchmark: the same pane expressions that
`rotor export` evaluates (METRICS.md "Built-in names"), computed with the pandas
forms METRICS.md names, on a folder written by `rotor bench --write-data DIR`, and
written as one CSV to stdout. Used only to time pandas; see export-vs-pandas.sh.
"""
import sys
import time

import numpy as np
import pandas as pd

t0 = time.perf_counter()
folder = sys.argv[1]
S = {}
for name in ["ES", "RTY", "NQ", "SPX", "AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA",
             "VIX", "VXN", "RVX", "US2Y", "US10Y"]:
    S[name] = pd.read_csv(f"{folder}/{name}.csv", index_col=0, parse_dates=True)["Close"]
U = pd.read_csv(f"{folder}/universe.csv", index_col=0, parse_dates=True)
MAG7 = ["AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA"]


def join(*xs):
    return pd.concat(xs, axis=1, join="inner")


def zscore(x, n):
    return (x - x.rolling(n).mean()) / x.rolling(n).std()


def pctrank(x, n):
    return 100 * x.rolling(n).rank(pct=True, method="max")


def rvol(x, n):
    return np.log(x).diff().rolling(n).std() * np.sqrt(252) * 100


def ema(x, span):
    return x.ewm(span=span, adjust=False).mean()


def mi(a, b, n, bins):
    j = join(a, b).to_numpy()
    out = np.full(len(j), np.nan)
    for t in range(n - 1, len(j)):
        w = j[t - n + 1:t + 1]
        idx = []
        for k in range(2):
            lo, hi = w[:, k].min(), w[:, k].max()
            idx.append(np.zeros(n, int) if hi == lo else
                       np.minimum(bins - 1, np.floor((w[:, k] - lo) / (hi - lo) * bins).astype(int)))
        c = np.zeros((bins, bins))
        np.add.at(c, (idx[0], idx[1]), 1)
        p = c / n
        pa, pb = p.sum(1, keepdims=True), p.sum(0, keepdims=True)
        nz = p > 0
        out[t] = (p[nz] * np.log(p[nz] / (pa @ pb)[nz])).sum()
    return pd.Series(out, index=join(a, b).index)


cols = {}
ratio = S["RTY"] / S["ES"]
ratio = ratio.dropna()
cols["ratio"] = ratio
cols["sma"] = ratio.rolling(50).mean()
for n in (1, 5, 20):
    cols[f"chg{n}"] = ratio.pct_change(n)
j = join(S["RTY"], S["ES"])
spread = 10000 * (j.iloc[:, 0].pct_change(10) - j.iloc[:, 1].pct_change(10))
cols["spread"] = spread
cols["z"] = zscore(ratio, 252)
cols["pct"] = pctrank(ratio, 252)
cols["zspread"] = zscore(spread, 252)

m = join(*[S[s] for s in MAG7])
rets = m.pct_change()
basket = 100 * (1 + rets.mean(axis=1).fillna(0)).cumprod()
rel = (basket / S["SPX"]).dropna()
cols["basket"], cols["rel"] = basket, rel
for s in MAG7:
    for n in (1, 5, 20):
        cols[f"{s}{n}"] = S[s].pct_change(n)
cols["disp"] = 100 * rets.std(axis=1)
cols["zrel"] = zscore(rel, 252)

for iv, und in (("VIX", "ES"), ("VXN", "NQ"), ("RVX", "RTY")):
    rv = rvol(S[und], 20)
    prem = (S[iv] - rv).dropna()
    cols[f"rv{und}"], cols[f"prem{iv}"] = rv, prem
    cols[f"ratio{iv}"] = S[iv] / rv
    cols[f"pprem{iv}"] = pctrank(prem, 252)

# Breadth, vectorized over the wide frame. The benchmark's members only start late
# (no holes inside), so column-wise rolling equals each member on its own rows.
above = {}
for n in (20, 50, 200):
    sma = U.rolling(n).mean()
    voters = sma.notna().sum(axis=1)
    above[n] = (100 * (U > sma).sum(axis=1) / voters.where(voters > 0)).dropna()
    cols[f"above{n}"] = above[n]
cols["pabove"] = pctrank(above[50], 252)
r = U.pct_change(fill_method=None)
vot = r.notna().sum(axis=1)
adv, dec = (r > 0).sum(axis=1), (r < 0).sum(axis=1)
net = (adv - dec).where(vot > 0).dropna()
cols["netadv"] = net
cols["adline"] = net.cumsum()
a, d = adv[net.index], dec[net.index]
rana = (1000 * (a - d) / (a + d).where(a + d > 0)).fillna(0.0)
cols["mcclellan"] = ema(rana, 19) - ema(rana, 39)
hi, lo = U.rolling(252).max(), U.rolling(252).min()
nv = hi.notna().sum(axis=1)
cols["nhnl"] = ((U >= hi).sum(axis=1) - (U <= lo).sum(axis=1)).where(nv > 0).dropna()

d2 = S["US2Y"].diff()
cols["d2"] = d2
jr = join(S["RTY"].pct_change(), d2)
cols["c20"] = jr.iloc[:, 0].rolling(20).corr(jr.iloc[:, 1])
for s in ("RTY", "ES", "NQ"):
    jj = join(S[s].pct_change(), d2)
    cols[f"c60{s}"] = jj.iloc[:, 0].rolling(60).corr(jj.iloc[:, 1])
cols["beta"] = jr.iloc[:, 0].rolling(60).cov(jr.iloc[:, 1]) / jr.iloc[:, 1].rolling(60).var()
cols["mi"] = mi(S["RTY"].pct_change().dropna(), d2.dropna(), 60, 8)
cols["curve"] = (S["US10Y"] - S["US2Y"]).dropna()

frame = pd.concat(cols, axis=1, join="outer").sort_index()
frame.to_csv(sys.stdout, float_format=None)
print(f"pandas compute+write: {1e3 * (time.perf_counter() - t0):.1f} ms", file=sys.stderr)
