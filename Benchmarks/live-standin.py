#!/usr/bin/env python3
"""A local stand-in for Yahoo's chart API and FRED's CSV download, on 127.0.0.1 only,
for measuring the live dashboard over a long run (Benchmarks/live-memory.sh).

Every ticker gets a deterministic random walk of daily bars ending today whose last bar
moves on every request (as today's live bar does). A few tickers misbehave the way the
real services do, so the failure paths run too: NVDA answers 404, TSLA 429 with a
Retry-After on every 4th request, META an HTML 500 every other request, and GOOGL stalls for 30 s before
its headers (the client's deadline must cut it). Cboe's index history files are
served too (DATE,OPEN,HIGH,LOW,CLOSE).

With --steady every ticker answers (no failures: for counting one collector's
requests, Benchmarks/collect-scale.sh); GET /_hits answers the number of requests
served so far (itself not counted).

usage: live-standin.py PORT [--steady]
"""
import hashlib
import http.server
import random
import sys
import threading
import time
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlparse, parse_qs, unquote

counts = {}
lock = threading.Lock()
steady = "--steady" in sys.argv[2:]


def sessions(n):
    """Business days ending today, as epoch seconds of 09:30 New York (14:30 UTC)."""
    out, d = [], date.today()
    while len(out) < n:
        if d.weekday() < 5:
            out.append(int(datetime(d.year, d.month, d.day, 14, 30, tzinfo=timezone.utc).timestamp()))
        d -= timedelta(days=1)
    return out[::-1]


def walk(name, n, start, step, bump):
    rng = random.Random(int(hashlib.sha1(name.encode()).hexdigest()[:12], 16))
    x, out = start, []
    for _ in range(n):
        x = max(0.01, x * (1 + step * (rng.random() - 0.5)))
        out.append(round(x, 2))
    out[-1] = round(out[-1] * (1 + 0.001 * ((bump % 7) - 3)), 2)
    return out


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, ctype="application/json", extra=None):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/_hits":
            with lock:
                total = sum(counts.values())
            return self.reply(200, "%d\n" % total, "text/plain")
        with lock:
            counts[url.path] = counts.get(url.path, 0) + 1
            n = counts[url.path]
        if url.path.startswith("/v8/finance/chart/"):
            ticker = unquote(url.path[len("/v8/finance/chart/"):])
            if not steady:
                if ticker == "NVDA":
                    return self.reply(404, '{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}')
                if ticker == "TSLA" and n % 4 == 0:
                    return self.reply(429, "Too Many Requests", "text/plain", {"Retry-After": "60"})
                if ticker == "META" and n % 2 == 0:
                    return self.reply(500, "<html><body>Internal Server Error</body></html>", "text/html")
                if ticker == "GOOGL" and n % 3 == 0:
                    time.sleep(30)
            stamps = sessions(320)
            closes = walk(ticker, len(stamps), 18 if ticker.startswith("^V") else 150, 0.04, n)
            body = ('{"chart":{"result":[{"meta":{"symbol":"%s","exchangeTimezoneName":"America/New_York"},'
                    '"timestamp":[%s],"indicators":{"quote":[{"close":[%s]}]}}],"error":null}}'
                    % (ticker, ",".join(map(str, stamps)), ",".join(map(str, closes))))
            return self.reply(200, body)
        if url.path == "/graph/fredgraph.csv":
            sid = parse_qs(url.query).get("id", [""])[0]
            stamps = sessions(320)
            values = walk(sid, len(stamps), 4 if sid == "DGS2" else 4.3, 0.02, n)
            lines = ["observation_date," + sid]
            for t, v in zip(stamps, values):
                lines.append("%s,%s" % (datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%d"), v))
            return self.reply(200, "\n".join(lines) + "\n", "text/csv")
        cboe = ("/api/global/us_indices/daily_prices/", "_History.csv")
        if url.path.startswith(cboe[0]) and url.path.endswith(cboe[1]):
            symbol = url.path[len(cboe[0]):-len(cboe[1])]
            stamps = sessions(320)
            closes = walk(symbol, len(stamps), 20, 0.05, n)
            lines = ["DATE,OPEN,HIGH,LOW,CLOSE"]
            for t, c in zip(stamps, closes):
                d = datetime.fromtimestamp(t, timezone.utc).strftime("%m/%d/%Y")
                lines.append("%s,%s,%s,%s,%s" % (d, c, c, c, c))
            return self.reply(200, "\n".join(lines) + "\n", "text/csv")
        self.reply(404, "no route", "text/plain")


if __name__ == "__main__":
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
    server.daemon_threads = True
    server.serve_forever()
