"""Starts a real `kg serve` on a free loopback port for end-to-end tests."""
import http.client
import os
import signal
import socket
import subprocess
import time
import urllib.request


def request(base, method, path, body=None, headers=None, timeout=30):
    """One HTTP exchange on a fresh connection: (status, lower-case headers, body)."""
    conn = http.client.HTTPConnection('127.0.0.1', int(base.rsplit(':', 1)[1]), timeout=timeout)
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, data


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class KgServer:
    def __init__(self, kg, *args, token=None):
        self.kg = kg
        self.port = free_port()
        self.base = 'http://127.0.0.1:%d' % self.port
        self.token = token
        cmd = [kg, 'serve', '--port', str(self.port)] + list(args)
        if token:
            cmd += ['--write-token', token]
        self.log_path = '/tmp/kg-e2e-%d.log' % self.port
        self.log = open(self.log_path, 'wb')
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT)
        # sanitizer builds start slowly (tests/sanitizers/ci_stages.sh raises this)
        deadline = time.time() + float(os.environ.get("KG_E2E_START_SECONDS", 20))
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError('kg serve exited: ' + self.read_log())
            try:
                with urllib.request.urlopen(self.base + '/healthz', timeout=1):
                    break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError('kg serve did not start: ' + self.read_log())
                time.sleep(0.05)

    def read_log(self):
        self.log.flush()
        with open(self.log_path, 'rb') as f:
            return f.read().decode('utf-8', 'replace')

    def stop(self, sig=signal.SIGTERM, timeout=10):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode
