#!/usr/bin/python3
"""Runs the W3C SPARQL 1.0 + 1.1 query and result-format suites (or, with
--suites update, the SPARQL 1.1 Update suite) against a real `kg serve` over
HTTP (SPARQL Protocol for queries, POST /update for updates, Graph Store
Protocol to load each test's data and read the graphs back) with
../shared/tools/sparql-conformance.py.

Fails when fewer than --min-pass tests pass, or when a test fails that is not in
expected-failures.txt (a regression). Tests listed there that now pass are
reported so the list can shrink. Prints the harness' "conformance: N passed, M
failed" line.
"""
import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..'))


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def wait_healthy(url, proc, seconds=20):
    # sanitizer builds start slowly (tests/sanitizers/ci_stages.sh raises this)
    seconds = max(seconds, float(os.environ.get('KG_E2E_START_SECONDS', 0)))
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError('kg serve exited with %s' % proc.returncode)
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError('kg serve did not become healthy')


def load_expected(path):
    expected = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            # IRIs contain '#': the reason starts at the first ' #'.
            iri, _, why = line.partition(' #')
            iri = iri.strip()
            # The reason is required: an entry without one is a bug in the list.
            if not why.strip():
                sys.exit('expected-failures.txt: no reason given for %s' % iri)
            expected[iri] = why.strip()
    return expected


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kg', required=True, help='path to the kg binary')
    ap.add_argument('--harness', default=None,
                    help='sparql-conformance.py (default: $KG_SHARED/tools/, ../shared/tools/ beside the '
                         'repository, or /work/shared/tools/)')
    ap.add_argument('--min-pass', type=int, default=662)
    ap.add_argument('--engine', default='kg', help='kg serve --engine (kg or rasqal)')
    ap.add_argument('--json', help='also keep the harness report here')
    ap.add_argument('--expected', default=os.path.join(HERE, 'expected-failures.txt'))
    ap.add_argument('--suites', default=None,
                    help='harness --suites (default: its own, the query and result-format suites); '
                         'with "update" the updates go to POST /update')
    args = ap.parse_args()

    candidates = [args.harness] if args.harness else [
        os.path.join(os.environ.get('KG_SHARED', ''), 'tools', 'sparql-conformance.py'),
        os.path.join(REPO, '..', 'shared', 'tools', 'sparql-conformance.py'),
        '/work/shared/tools/sparql-conformance.py']
    found = [os.path.normpath(c) for c in candidates if c and os.path.exists(c)]
    if not found:
        sys.exit('W3C harness not found; tried: %s' % ', '.join(c for c in candidates if c))
    harness = found[0]
    expected = load_expected(args.expected)
    port = free_port()
    token = secrets.token_hex(16)
    base = 'http://127.0.0.1:%d' % port
    suite_args = []
    if args.suites:
        suite_args = ['--suites', args.suites]
        if 'update' in args.suites.split(','):
            suite_args += ['--update', base + '/update']
    server = subprocess.Popen([args.kg, 'serve', '--empty', '--no-union-default-graph', '--quiet',
                               '--engine', args.engine,
                               '--port', str(port), '--write-token', token],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_healthy(base + '/healthz', server)
        with tempfile.TemporaryDirectory() as tmp:
            report = os.path.join(tmp, 'report.json')
            run = subprocess.run(['/usr/bin/python3', harness, '--endpoint', base + '/sparql',
                                  '--store', base + '/rdf-graphs', '--header',
                                  'Authorization: Bearer ' + token, '--json', report,
                                  '--label', 'kg serve', '--timeout', '20'] + suite_args,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                 timeout=1200)
            print(run.stdout)
            with open(report, encoding='utf-8') as f:
                tests = json.load(f)['tests']
            if args.json:
                with open(report, encoding='utf-8') as src, open(args.json, 'w', encoding='utf-8') as dst:
                    dst.write(src.read())
    finally:
        server.terminate()
        try:
            # sanitizer builds stop slowly (LeakSanitizer's exit check; ci_stages.sh
            # raises KG_E2E_START_SECONDS)
            _, err = server.communicate(
                timeout=max(10, float(os.environ.get('KG_E2E_START_SECONDS', 10))))
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
        crashed = server.returncode not in (0, -15)
    passed = sum(1 for t in tests if t['status'] == 'pass')
    failed = [t for t in tests if t['status'] != 'pass']
    unexpected = [t for t in failed if t['iri'] not in expected]
    fixed = [iri for iri in expected if any(t['iri'] == iri and t['status'] == 'pass' for t in tests)]
    ok = True
    if crashed:
        print('kg serve did not exit cleanly (status %s): %s' % (server.returncode, err.decode()[-2000:]))
        ok = False
    for t in unexpected:
        print('UNEXPECTED FAILURE %s: %s' % (t['iri'], t['reason']))
        ok = False
    for iri in fixed:
        print('now passing (remove from expected-failures.txt): %s' % iri)
    if passed < args.min_pass:
        print('only %d passed; at least %d required' % (passed, args.min_pass))
        ok = False
    print('kg W3C conformance through HTTP (%s): %d of %d passed (required >= %d), %d expected failures, '
          '%d unexpected' % (args.suites or 'query, results', passed, len(tests), args.min_pass, len(failed) - len(unexpected), len(unexpected)))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
