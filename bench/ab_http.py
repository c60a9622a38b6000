#!/usr/bin/python3
"""A/B of kg binaries over HTTP: one query, several `kg serve`s, interleaved.

    bench/ab_http.py --data DATA.nt --query Q.rq [--rounds 15] [--reps 9] KG_A KG_B ...

Starts every binary on the same data (each on its own port), then for each
round sends the query --reps times to each server in turn over one kept-alive
connection per server (TCP_NODELAY, as bench/workload.py). Interleaving is
what makes the comparison fair on this machine, whose speed swings by half
within minutes: a slow spell hits every binary alike.

Prints, per binary, the median over all requests of the round trip and of the
server's own time (the sum of its Server-Timing durations), and the median of
the per-round medians, so one slow round cannot decide the outcome.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workload import Client, HttpError, free_port  # noqa: E402


def start(binary, data, timeout):
    port = free_port()
    proc = subprocess.Popen([binary, 'serve', '--quiet', '--port', str(port), '--data', data,
                             '--query-timeout', str(timeout)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen('http://127.0.0.1:%d/healthz' % port, timeout=1).read()
            return proc, port
        except OSError:
            if proc.poll() is not None:
                sys.exit('%s did not start: %s' % (binary, proc.stderr.read().decode()))
            time.sleep(0.05)
    proc.kill()
    sys.exit('%s did not answer /healthz within 600 s' % binary)


def ask(client, query, accept):
    """(round trip ms, server ms, answer bytes) of one query."""
    try:
        seconds, _, body, server = client.post(query, accept)
    except HttpError as e:
        sys.exit('HTTP %d: %s' % (e.code, e.body[:200].decode(errors='replace')))
    return seconds * 1000, server or 0.0, len(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', required=True)
    ap.add_argument('--query', required=True)
    ap.add_argument('--accept', default='application/sparql-results+json')
    ap.add_argument('--rounds', type=int, default=15)
    ap.add_argument('--reps', type=int, default=9)
    ap.add_argument('--warmup', type=int, default=5)
    ap.add_argument('--timeout', type=float, default=120)
    ap.add_argument('binaries', nargs='+')
    args = ap.parse_args()
    with open(args.query, encoding='utf-8') as f:
        query = f.read()
    servers = [start(b, args.data, args.timeout) for b in args.binaries]
    conns = []
    try:
        conns = [Client(port, new_connections=False) for _, port in servers]
        sizes = set()
        for c in conns:
            for _ in range(args.warmup):
                sizes.add(ask(c, query, args.accept)[2])
        if len(sizes) != 1:
            sys.exit('the binaries give answers of different sizes: %s' % sorted(sizes))
        trips = [[] for _ in conns]
        server = [[] for _ in conns]
        round_medians = [[] for _ in conns]
        for _ in range(args.rounds):
            for i, c in enumerate(conns):
                this_round = []
                for _ in range(args.reps):
                    rt, st, _ = ask(c, query, args.accept)
                    trips[i].append(rt)
                    server[i].append(st)
                    this_round.append(rt)
                round_medians[i].append(statistics.median(this_round))
        print('answer: %d bytes; %d rounds x %d requests per binary' %
              (sizes.pop(), args.rounds, args.reps))
        print('| binary | round trip median ms | median of round medians ms | server median ms |')
        print('|---|---:|---:|---:|')
        for i, b in enumerate(args.binaries):
            print('| %s | %.2f | %.2f | %.2f |' % (b, statistics.median(trips[i]),
                                                 statistics.median(round_medians[i]),
                                                 statistics.median(server[i])))
    finally:
        for c in conns:
            c.close()
        for proc, _ in servers:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == '__main__':
    main()
