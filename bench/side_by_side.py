#!/usr/bin/python3
"""Side-by-side benchmark: kg and OpenLink Virtuoso (Debian virtuoso-opensource
7.2.5) on the same data and the same SKOS workload over HTTP, driven by wrk,
plus the machine's ceiling (nginx serving a static file of the size of kg's
q01 answer). Apache Jena Fuseki is not included: Debian 12 has no package
for it (and nothing may be downloaded outside Debian and npm).

    bench/side_by_side.py [--kg build/service/kg] [--seconds 5]
        [--datasets builtin,unesco-education,unesco-thesaurus,gen-100k,gen-1m]
        [--queries q01,q02,...] [--systems kg,kg-1w,virtuoso] [--out FILE]

Per system, data set, query and concurrency (1 and 16 connections; wrk
-t1/-t2, --timeout 30s, a --seconds run per cell after one untimed request):
requests/s, p50 and p99 latency, errors (non-2xx answers and socket errors),
and per system and data set the load time (start until the first answer,
loading included; wall clock and the server's CPU time, which does not depend
on what else the machine runs) and resident memory after the run. "kg-1w" is kg with one
worker (the 1-core reference for the multi-core figures). Every server
listens on 127.0.0.1 only. Needs: wrk, virtuoso-opensource, nginx (Debian).
Data: ../shared/datasets (or KG_SHARED); gen-1m is generated once with
shared/tools/gen-skos.py into the cache directory (--cache, /tmp/kg-bench).
"""
import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SELECT_ACCEPT = 'application/sparql-results+json'
GRAPH_ACCEPT = 'text/turtle'


def shared_dir():
    for c in (os.environ.get('KG_SHARED'), os.path.join(REPO, '..', 'shared'), '/work/shared'):
        if c and os.path.isdir(os.path.join(c, 'datasets')):
            return os.path.normpath(c)
    sys.exit('shared/datasets not found (set KG_SHARED)')


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def read_params(path):
    params = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#') and '=' in line:
                k, v = line.split('=', 1)
                params[k.strip()] = v.strip()
    return params


def rss_mb(pid):
    try:
        with open('/proc/%d/status' % pid) as f:
            for line in f:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float('nan')


def cpu_s(pid):
    """CPU time (user + system, all threads) a process has used so far: the
    load cost that does not depend on what else the machine is running."""
    try:
        with open('/proc/%d/stat' % pid) as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')
    except OSError:
        return float('nan')


def wait_http(url, deadline_s, proc=None, accept=SELECT_ACCEPT):
    deadline = time.time() + deadline_s
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError('server exited while starting')
        try:
            req = urllib.request.Request(url, headers={'Accept': accept})
            with urllib.request.urlopen(req, timeout=5) as r:
                r.read()
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError('no answer from ' + url)


# ---- data ----------------------------------------------------------------

def prepare_data(shared, name, cache):
    """Returns (list of files for kg, one N-Triples file for Virtuoso, params)."""
    os.makedirs(cache, exist_ok=True)
    if name == 'builtin':
        ttl = sorted(os.path.join(REPO, 'ontology', f) for f in os.listdir(os.path.join(REPO, 'ontology'))
                     if f.endswith('.ttl'))
        nt = os.path.join(cache, 'builtin.nt')
        if not os.path.exists(nt):
            with open(nt, 'wb') as out:
                for f in ttl:
                    out.write(subprocess.run(['rapper', '-q', '-i', 'turtle', '-o', 'ntriples', f],
                                             check=True, stdout=subprocess.PIPE).stdout)
        return ttl, nt, read_params(os.path.join(HERE, 'params', 'builtin.params'))
    params = read_params(os.path.join(shared, 'datasets', 'params', name + '.params'))
    nt = os.path.join(cache, name + '.nt')
    if not os.path.exists(nt):
        gz = None
        for sub in (name, 'synthetic'):
            p = os.path.join(shared, 'datasets', sub, name + '.nt.gz')
            if os.path.exists(p):
                gz = p
        if gz:
            with gzip.open(gz, 'rb') as src, open(nt + '.tmp', 'wb') as dst:
                shutil.copyfileobj(src, dst)
            os.rename(nt + '.tmp', nt)
        elif name.startswith('gen-'):
            n = {'gen-1m': 1000000, 'gen-3m': 3000000}[name]
            subprocess.run([sys.executable, os.path.join(shared, 'tools', 'gen-skos.py'),
                            '--triples', str(n), '-o', nt + '.tmp.nt'], check=True,
                           stdout=subprocess.DEVNULL)
            os.rename(nt + '.tmp.nt', nt)
        else:
            sys.exit('no data for ' + name)
    return [nt], nt, params


def load_queries(shared, params, only):
    qdir = os.path.join(shared, 'datasets', 'queries')
    out = []
    for f in sorted(os.listdir(qdir)):
        if not f.endswith('.rq') or (only and f[:3] not in only):
            continue
        text = open(os.path.join(qdir, f), encoding='utf-8').read()
        text = re.sub(r'%%([A-Z0-9]+)%%', lambda m: params.get(m.group(1), m.group(0)), text)
        graph = bool(re.search(r'^\s*(CONSTRUCT|DESCRIBE)\b', re.sub(r'#.*', '', text), re.M | re.I))
        out.append((f[:-3], text, GRAPH_ACCEPT if graph else SELECT_ACCEPT))
    return out


# ---- servers -------------------------------------------------------------

class Kg:
    def __init__(self, binary, workers=None):
        self.binary = binary
        self.workers = workers
        self.name = 'kg' if workers is None else 'kg-%dw' % workers

    def start(self, files, nt, tmp):
        self.port = free_port()
        cmd = [self.binary, 'serve', '--host', '127.0.0.1', '--port', str(self.port), '--quiet',
               '--max-results', '0', '--max-queue', '1024', '--query-timeout', '60']
        if self.workers:
            cmd += ['--workers', str(self.workers)]
        for f in files:
            cmd += ['--data', f]
        t0 = time.time()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_http(self.url('ASK{}'), 600, self.proc)
        return time.time() - t0

    def url(self, query):
        return 'http://127.0.0.1:%d/sparql?query=%s' % (self.port, urllib.parse.quote(query))

    def pid(self):
        return self.proc.pid

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{isql}
DisableUnixSocket = 1
DisableTcpSocket = 0
ServerThreads = 20
CheckpointInterval = 60
NumberOfBuffers = 340000
MaxDirtyBuffers = 250000
MaxStaticCursorRows = 5000
DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, {data}
ThreadCleanupInterval = 0
ResourcesCleanupInterval = 0
Charset = UTF-8

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 20
MaxKeepAlives = 20
KeepAliveTimeout = 10
MaxClientConnections = 20
EnabledDavVSP = 0
HTTPProxyEnabled = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 60
DefaultQuery = select distinct ?Concept where {{[] a ?Concept}} LIMIT 100
DeferInferenceRulesInit = 0
"""


class Virtuoso:
    name = 'virtuoso'

    def start(self, files, nt, tmp):
        self.dir = os.path.join(tmp, 'virtuoso-db')
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.isql, self.http = free_port(), free_port()
        ini = os.path.join(self.dir, 'virtuoso.ini')
        with open(ini, 'w') as f:
            f.write(VIRTUOSO_INI.format(d=self.dir, isql=self.isql, http=self.http,
                                        data=os.path.dirname(nt)))
        t0 = time.time()
        self.proc = subprocess.Popen(['virtuoso-t', '-f', '-c', ini], cwd=self.dir,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        while subprocess.run(['isql-vt', '127.0.0.1:%d' % self.isql, 'dba', 'dba',
                              'exec=select 1;'], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL).returncode != 0:
            if time.time() > deadline or self.proc.poll() is not None:
                raise RuntimeError('virtuoso did not start: see ' + self.dir + '/virtuoso.log')
            time.sleep(0.2)
        # The bulk loader (the documented fast path), one graph per data set;
        # queries without FROM see every graph, like kg's union default graph.
        sql = ("ld_dir('%s', '%s', 'http://bench.example/graph'); rdf_loader_run(); checkpoint;"
               % (os.path.dirname(nt), os.path.basename(nt)))
        subprocess.run(['isql-vt', '127.0.0.1:%d' % self.isql, 'dba', 'dba', 'exec=' + sql],
                       check=True, stdout=subprocess.DEVNULL)
        wait_http(self.url('ASK{}'), 60, self.proc)
        return time.time() - t0

    def url(self, query):
        return 'http://127.0.0.1:%d/sparql?query=%s' % (self.http, urllib.parse.quote(query))

    def pid(self):
        return self.proc.pid

    def stop(self):
        subprocess.run(['isql-vt', '127.0.0.1:%d' % self.isql, 'dba', 'dba', 'exec=shutdown;'],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


class Nginx:
    name = 'nginx (static)'

    def start(self, body, tmp):
        self.dir = os.path.join(tmp, 'nginx')
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(os.path.join(self.dir, 'www'))
        with open(os.path.join(self.dir, 'www', 'answer.json'), 'wb') as f:
            f.write(body)
        self.port = free_port()
        conf = os.path.join(self.dir, 'nginx.conf')
        with open(conf, 'w') as f:
            f.write("""worker_processes auto;
pid {d}/nginx.pid;
error_log {d}/error.log;
daemon off;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  keepalive_requests 100000;
  server {{
    listen 127.0.0.1:{port};
    root {d}/www;
    default_type application/sparql-results+json;
  }}
}}
""".format(d=self.dir, port=self.port))
        self.proc = subprocess.Popen(['nginx', '-c', conf, '-p', self.dir],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_http('http://127.0.0.1:%d/answer.json' % self.port, 20, self.proc)

    def url(self):
        return 'http://127.0.0.1:%d/answer.json' % self.port

    def stop(self):
        self.proc.send_signal(signal.SIGQUIT)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# ---- load ----------------------------------------------------------------

def fetch(url, accept):
    req = urllib.request.Request(url, headers={'Accept': accept})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except OSError as e:
        return 0, str(e).encode()


def answer_size(status, body, accept):
    if status != 200:
        return 'HTTP %d' % status
    if accept == SELECT_ACCEPT:
        try:
            d = json.loads(body)
        except ValueError:
            return '?'
        if 'boolean' in d:
            return str(d['boolean']).lower()
        return str(len(d['results']['bindings']))
    return '%d B' % len(body)


def wrk(url, accept, connections, seconds):
    threads = 1 if connections == 1 else 2
    env = dict(os.environ, WRK_ACCEPT=accept)
    r = subprocess.run(['wrk', '-t%d' % threads, '-c%d' % connections, '-d%ds' % seconds,
                        '--timeout', '30s', '-s', os.path.join(HERE, 'wrk_report.lua'), url],
                       env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    m = re.search(r'WRK_JSON (\{.*\})', r.stdout)
    if not m:
        return None
    d = json.loads(m.group(1))
    d['rps'] = d['requests'] / (d['duration_us'] / 1e6) if d['duration_us'] else 0
    d['errors'] = d['connect'] + d['read'] + d['write'] + d['status'] + d['timeout']
    return d


def ms(us):
    return '%.2f' % (us / 1000) if us else '—'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--kg', default=os.path.join(REPO, 'build', 'service', 'kg'))
    ap.add_argument('--seconds', type=int, default=5)
    ap.add_argument('--datasets', default='builtin,unesco-education,unesco-thesaurus,gen-100k,gen-1m')
    ap.add_argument('--queries', default='', help='e.g. q01,q02 (default: all of queries/)')
    ap.add_argument('--systems', default='kg,virtuoso')
    ap.add_argument('--one-worker-queries', default='q01,q02,q03,q04,q05,q06',
                    help='queries also run on kg with one worker (kg-1w) on builtin and '
                         'unesco-education, for the multi-core figure')
    ap.add_argument('--concurrency', default='1,16')
    ap.add_argument('--cache', default='/tmp/kg-bench')
    ap.add_argument('--out', help='also write the table (markdown) here')
    args = ap.parse_args()
    shared = shared_dir()
    only = set(q for q in args.queries.split(',') if q)
    conc = [int(c) for c in args.concurrency.split(',')]
    one_worker = set(q for q in args.one_worker_queries.split(',') if q)
    systems = []
    for s in args.systems.split(','):
        systems.append({'kg': lambda: Kg(os.path.abspath(args.kg)), 'virtuoso': Virtuoso}[s]())
    if one_worker and 'kg' in args.systems.split(','):
        systems.append(Kg(os.path.abspath(args.kg), workers=1))
    tmp = os.path.join(args.cache, 'run')
    os.makedirs(tmp, exist_ok=True)

    results = {}   # (system, dataset, query, c) -> wrk dict
    answers = {}   # (system, dataset, query) -> rows / size
    loads = {}     # (system, dataset) -> (seconds, rss MB, cpu seconds)
    failed_loads = {}
    q01_body = None
    out_lines = []

    def emit(line=''):
        print(line, flush=True)
        out_lines.append(line)

    for ds in args.datasets.split(','):
        files, nt, params = prepare_data(shared, ds, args.cache)
        queries = load_queries(shared, params, only)
        for system in systems:
            qs = queries
            if system.name == 'kg-1w':
                if ds not in ('builtin', 'unesco-education'):
                    continue
                qs = [q for q in queries if q[0][:3] in one_worker]
            try:
                load_s = system.start(files, nt, tmp)
            except Exception as e:  # noqa: BLE001 - reported in the table, the run goes on
                print('%s %s: did not start: %s' % (system.name, ds, e), file=sys.stderr, flush=True)
                failed_loads[(system.name, ds)] = str(e)
                try:
                    system.stop()
                except Exception:  # noqa: BLE001
                    pass
                continue
            try:
                load_cpu = cpu_s(system.pid())
                peak = rss_mb(system.pid())
                for qname, text, accept in qs:
                    url = system.url(text)
                    status, body = fetch(url, accept)  # untimed: warms caches, checks the answer
                    answers[(system.name, ds, qname)] = answer_size(status, body, accept)
                    if system.name == 'kg' and qname.startswith('q01') and ds == 'unesco-education':
                        q01_body = body
                    for c in conc:
                        results[(system.name, ds, qname, c)] = wrk(url, accept, c, args.seconds)
                    peak = max(peak, rss_mb(system.pid()))
                loads[(system.name, ds)] = (load_s, peak, load_cpu)
                print('%s %s: loaded in %.1f s (%.1f s CPU), RSS %.0f MB' %
                      (system.name, ds, load_s, load_cpu, peak), file=sys.stderr, flush=True)
            finally:
                system.stop()

    ceiling = {}
    if q01_body is not None:
        ng = Nginx()
        ng.start(q01_body, tmp)
        try:
            for c in conc:
                ceiling[c] = wrk(ng.url(), SELECT_ACCEPT, c, args.seconds)
        finally:
            ng.stop()

    names = [s.name for s in systems]
    emit('Run: %s, %s, %s, %d cores, %d s per cell, wrk --timeout 30s, load average before: %s' % (
        datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M UTC'), platform.node(),
        platform.platform(), os.cpu_count(), args.seconds, open('/proc/loadavg').read().split()[0]))
    emit()
    emit('### Load time and resident memory')
    emit()
    emit('| data set | ' + ' | '.join('%s load s | load CPU s | RSS MB' % n for n in names) + ' |')
    emit('|---|' + '---:|---:|---:|' * len(names))
    for ds in args.datasets.split(','):
        cells = []
        for n in names:
            if (n, ds) in failed_loads:
                cells += ['failed', '', '']
            elif (n, ds) in loads:
                cells += ['%.1f' % loads[(n, ds)][0], '%.1f' % loads[(n, ds)][2],
                          '%.0f' % loads[(n, ds)][1]]
            else:
                cells += ['', '', '']
        emit('| %s | %s |' % (ds, ' | '.join(cells)))
    if ceiling:
        emit()
        emit('### Ceiling: nginx serving kg\'s q01 answer (unesco-education, %d bytes) as a static file'
             % len(q01_body))
        emit()
        emit('| connections | requests/s | p50 ms | p99 ms | errors |')
        emit('|---:|---:|---:|---:|---:|')
        for c in conc:
            w = ceiling[c]
            if w:
                emit('| %d | %.0f | %s | %s | %d |' % (c, w['rps'], ms(w['p50_us']), ms(w['p99_us']),
                                                      w['errors']))
    for c in conc:
        emit()
        emit('### Concurrency %d' % c)
        emit()
        head = '| data set | query | answer |'
        rule = '|---|---|---|'
        for n in names:
            head += ' %s req/s | p50 ms | p99 ms | err |' % n
            rule += '---:|---:|---:|---:|'
        if 'virtuoso' in names:
            head += ' kg/virtuoso req/s |'
            rule += '---:|'
        emit(head)
        emit(rule)
        for ds in args.datasets.split(','):
            qnames = sorted({k[2] for k in results if k[1] == ds})
            for qn in qnames:
                row = '| %s | %s | %s |' % (ds, qn, answers.get(('kg', ds, qn), ''))
                for n in names:
                    w = results.get((n, ds, qn, c))
                    if w is None:
                        row += ' | | | |' if (n, ds, qn, c) not in results else ' — | | | wrk failed |'
                    else:
                        row += ' %.0f | %s | %s | %d |' % (w['rps'], ms(w['p50_us']), ms(w['p99_us']),
                                                           w['errors'])
                if 'virtuoso' in names:
                    a, b = results.get(('kg', ds, qn, c)), results.get(('virtuoso', ds, qn, c))
                    row += ' %s |' % ('%.1f×' % (a['rps'] / b['rps']) if a and b and b['rps'] > 0 else '—')
                emit(row)
    mismatches = [(k, v, answers.get(('virtuoso',) + k[1:])) for k, v in answers.items()
                  if k[0] == 'kg' and ('virtuoso',) + k[1:] in answers
                  and answers[('virtuoso',) + k[1:]] != v]
    if mismatches:
        emit()
        emit('Answers that differ (kg vs virtuoso; rows, or bytes for graph answers): ' +
             '; '.join('%s %s: %s vs %s' % (k[1], k[2], a, b) for k, a, b in mismatches))
    if args.out:
        with open(args.out, 'w') as f:
            f.write('\n'.join(out_lines) + '\n')


if __name__ == '__main__':
    main()
