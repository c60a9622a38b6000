#!/usr/bin/python3
"""End-to-end tests of the server's limits over real sockets: slow-loris,
connection cap, queue cap, keep-alive idle timeout."""
import argparse
import http.client
import json
import os
import socket
import sys
import threading
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kg_server import KgServer  # noqa: E402

KG = None
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
ONTOLOGY = os.path.join(REPO, 'ontology')
SLOW = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }'


def get(port, path, timeout=10):
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=timeout)
    conn.request('GET', path)
    r = conn.getresponse()
    body = r.read()
    headers = {k.lower(): v for k, v in r.getheaders()}
    conn.close()
    return r.status, headers, body


def closed_by_peer(sock, within):
    """True when the server closes sock (EOF or reset) within `within` s."""
    sock.settimeout(within)
    try:
        while True:
            data = sock.recv(4096)
            if not data:
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False


class LimitsTest(unittest.TestCase):
    def test_slow_loris_is_cut_at_the_read_timeout(self):
        server = KgServer(KG, '--data', ONTOLOGY, '--read-timeout', '2', '--quiet')
        try:
            s = socket.create_connection(('127.0.0.1', server.port))
            start = time.time()
            s.sendall(b'GET /healthz HTTP/1.1\r\n')
            closed = False
            for ch in b'Host: x\r\nX-Slow: ' + b'a' * 20:
                try:
                    s.sendall(bytes([ch]))
                except OSError:
                    closed = True
                    break
                # others are served meanwhile
                self.assertEqual(get(server.port, '/healthz')[0], 200)
                if closed_by_peer(s, 0.3):
                    closed = True
                    break
            elapsed = time.time() - start
            self.assertTrue(closed, 'the slow connection was never closed')
            self.assertLess(elapsed, 6)
            s.close()
        finally:
            server.stop()

    def test_connection_cap_answers_503(self):
        server = KgServer(KG, '--data', ONTOLOGY, '--max-connections', '2', '--quiet')
        try:
            idle = [socket.create_connection(('127.0.0.1', server.port)) for _ in range(2)]
            time.sleep(0.3)
            extra = socket.create_connection(('127.0.0.1', server.port))
            extra.settimeout(5)
            reply = extra.recv(4096)
            self.assertTrue(reply.startswith(b'HTTP/1.1 503'), reply)
            self.assertIn(b'Retry-After: 1', reply)
            extra.close()
            for s in idle:
                s.close()
            time.sleep(0.3)
            self.assertEqual(get(server.port, '/healthz')[0], 200)  # free again
        finally:
            server.stop()

    def test_queue_cap_answers_503_with_retry_after(self):
        server = KgServer(KG, '--data', ONTOLOGY, '--max-queue', '1', '--query-timeout', '2',
                          '--quiet')
        try:
            results = []

            def slow():
                st, h, body = get(server.port, '/sparql?query=' + urllib.parse.quote(SLOW), timeout=30)
                results.append((st, h, body))
            threads = [threading.Thread(target=slow) for _ in range(3)]
            for t in threads:
                t.start()
                time.sleep(0.2)
            for t in threads:
                t.join(60)
            busy = [r for r in results if r[0] == 503 and b'busy' in r[2]]
            self.assertGreaterEqual(len(busy), 1, [r[0] for r in results])
            self.assertEqual(busy[0][1].get('retry-after'), '1')
            # the first one ran until its time limit
            self.assertTrue(any(r[0] == 503 and b'time limit' in r[2] for r in results))
            self.assertEqual(get(server.port, '/healthz')[0], 200)
        finally:
            server.stop()

    def test_idle_keep_alive_is_closed(self):
        server = KgServer(KG, '--data', ONTOLOGY, '--idle-timeout', '1', '--quiet')
        try:
            s = socket.create_connection(('127.0.0.1', server.port))
            s.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')
            s.settimeout(5)
            first = s.recv(4096)
            self.assertTrue(first.startswith(b'HTTP/1.1 200'), first)
            self.assertTrue(closed_by_peer(s, 4), 'idle keep-alive connection stayed open')
            s.close()
        finally:
            server.stop()


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--kg', required=True)
    args, rest = ap.parse_known_args()
    KG = os.path.abspath(args.kg)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
