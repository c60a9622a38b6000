#!/usr/bin/python3
"""kg side by side with OpenLink Virtuoso, and the machine's ceiling (nginx).

For every data set (kg's built-in graph, the UNESCO education subset, the
UNESCO Thesaurus, gen-skos.py synthetic sets of 100k and 1M triples):

  1. kg: `kg serve --data FILE` on 127.0.0.1 and a free port; load time is
     process start to the first 200 from /healthz.
  2. Virtuoso 7.2.5 (Debian virtuoso-opensource): a fresh database in a temp
     dir with its own virtuoso.ini (SQL and HTTP port on 127.0.0.1 only),
     the same triples (N-Triples) loaded into one graph with ld_dir +
     rdf_loader_run + checkpoint; queries name that graph as the default graph
     (default-graph-uri), so Virtuoso's own system graphs are not in them.
  3. nginx: a static file of the same size as kg's answer, same load tool, as
     the ceiling of this machine's HTTP path.

Each workload query (../shared/datasets/queries/*.rq and queries-sparql11/,
%%KEY%% filled from params/<data set>.params as bench/workload.py does) is sent
as HTTP GET /sparql?query=... with Accept application/sparql-results+json
(application/n-triples for CONSTRUCT/DESCRIBE, which have no results+json
form in kg) once as a check (status, answer size, rows), then driven by wrk
(bench/side_by_side.lua) for --seconds at concurrency 1 and 16. A query whose
single request takes longer than the cell is not driven (its one request is
reported). Printed and written as Markdown (--out): requests/s, p50, p99,
errors per system / data set / query / concurrency, the ratio kg / Virtuoso,
load time and resident memory (VmRSS after loading, VmHWM at the end) per
system and data set, and the issue's targets checked against the figures.

  bench/side_by_side.py [--seconds 3] [--ceiling-seconds 1]
                        [--datasets builtin,unesco-education,...]
                        [--queries q01,q02] [--concurrency 1,16]
                        [--systems kg,virtuoso,nginx] [--out bench/RESULTS.md]
                        [--kg-args '--engine rasqal'] [--json out.json]

Needs: a build (scripts/setup.sh build) and bench/setup.sh (wrk, nginx,
virtuoso-opensource, raptor2-utils). Data sets are unpacked (and gen-1m made
with gen-skos.py, ~15 s) into --cache (default $TMPDIR/kg-side-by-side).
"""
import argparse
import datetime
import gzip
import json
import os
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from workload import free_port, read_params, shared_dir  # noqa: E402

DATASETS = ['builtin', 'unesco-education', 'unesco-thesaurus', 'gen-100k', 'gen-1m']
GRAPH = 'urn:kg-bench:data'
JSON_RESULTS = 'application/sparql-results+json'
NTRIPLES = 'application/n-triples'
PAGE_QUERIES = ['q01', 'q02', 'q03', 'q04', 'q05', 'q06']
TARGET_DATASETS = ['builtin', 'unesco-education']


def log(msg):
    print('[%s] %s' % (time.strftime('%H:%M:%S'), msg), file=sys.stderr, flush=True)


# ---------------------------------------------------------------- data sets

def prepare_dataset(shared, cache, name):
    """Returns (kg --data path, N-Triples file (or directory/pattern) for Virtuoso, params)."""
    os.makedirs(cache, exist_ok=True)
    if name == 'builtin':
        onto = os.path.join(REPO, 'ontology')
        # one N-Triples file per Turtle file: blank node labels are per file,
        # Virtuoso loads each file of the directory on its own
        out_dir = os.path.join(cache, 'builtin')
        shutil.rmtree(out_dir, ignore_errors=True)
        os.makedirs(out_dir)
        for f in sorted(f for f in os.listdir(onto) if f.endswith('.ttl')):
            with open(os.path.join(out_dir, f[:-4] + '.nt'), 'wb') as out:
                subprocess.run(['rapper', '-q', '-i', 'turtle', '-o', 'ntriples', os.path.join(onto, f)],
                               stdout=out, check=True)
        nt = os.path.join(out_dir, '*.nt')  # a directory and an ld_dir pattern
        return onto, nt, read_params(os.path.join(HERE, 'params', 'builtin.params'))
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
        elif name.startswith('gen-'):
            triples = {'gen-1m': 1000000, 'gen-3m': 3000000, 'gen-100k': 100000, 'gen-10k': 10000}[name]
            log('generating %s with gen-skos.py' % name)
            subprocess.run([sys.executable, os.path.join(shared, 'tools', 'gen-skos.py'),
                            '--triples', str(triples), '-o', nt + '.tmp'], check=True,
                           stdout=subprocess.DEVNULL)
        else:
            raise RuntimeError('no data for ' + name)
        os.replace(nt + '.tmp', nt)
    return nt, nt, params


def load_queries(shared, params, only):
    out = []
    for folder in ('queries', 'queries-sparql11'):
        d = os.path.join(shared, 'datasets', folder)
        for f in sorted(os.listdir(d)):
            if not f.endswith('.rq'):
                continue
            name = f[:-3]
            if only and not any(name.startswith(o) for o in only):
                continue
            with open(os.path.join(d, f), encoding='utf-8') as fh:
                text = fh.read()
            for k, v in params.items():
                text = text.replace('%%' + k + '%%', v)
            body = '\n'.join(l for l in text.split('\n') if not l.lstrip().startswith('#'))
            graph = any(w in body.upper().split() for w in ('CONSTRUCT', 'DESCRIBE'))
            out.append({'name': name, 'text': text, 'accept': NTRIPLES if graph else JSON_RESULTS})
    return out


# ---------------------------------------------------------------- processes

def rss_kb(pid, field='VmRSS'):
    try:
        with open('/proc/%d/status' % pid) as f:
            for line in f:
                if line.startswith(field + ':'):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def cpu_ticks(pid):
    try:
        with open('/proc/%d/stat' % pid) as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except OSError:
        return None


def wait_idle(pid, limit=20.0):
    """Waits until the server stops using CPU (requests wrk left in flight at
    the end of a cell are finished) so they do not slow the next cell."""
    end = time.time() + limit
    last = cpu_ticks(pid)
    while time.time() < end:
        time.sleep(0.1)
        now = cpu_ticks(pid)
        if now is None or now - last <= 1:
            return
        last = now


def http_get(url, accept, timeout):
    req = urllib.request.Request(url, headers={'Accept': accept})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            body = r.read()
            return {'status': r.status, 'body': body, 'ctype': r.headers.get('Content-Type', ''),
                    'sql_state': r.headers.get('X-SQL-State', ''), 'seconds': time.perf_counter() - start}
    except urllib.error.HTTPError as e:
        body = e.read()
        return {'status': e.code, 'body': body, 'ctype': e.headers.get('Content-Type', ''),
                'sql_state': '', 'seconds': time.perf_counter() - start}
    except OSError as e:
        return {'status': 0, 'body': str(e).encode(), 'ctype': '', 'sql_state': '',
                'seconds': time.perf_counter() - start}


def count_answer(ctype, body):
    try:
        if ctype.startswith(JSON_RESULTS) or ctype.startswith('application/json'):
            doc = json.loads(body)
            if 'boolean' in doc:
                return 'true' if doc['boolean'] else 'false'
            return str(len(doc['results']['bindings']))
        return str(sum(1 for line in body.decode('utf-8', 'replace').split('\n') if line.strip()))
    except (ValueError, KeyError, TypeError):
        return '?'


class Kg:
    name = 'kg'

    def __init__(self, args):
        self.args = args
        self.proc = None

    def start(self, data, _nt, tmp):
        self.port = free_port()
        self.base = 'http://127.0.0.1:%d' % self.port
        cmd = [self.args.kg, 'serve', '--quiet', '--host', '127.0.0.1', '--port', str(self.port),
               '--data', data] + shlex.split(self.args.kg_args)
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(tmp, 'kg.log'), 'wb'))
        while True:
            r = http_get(self.base + '/healthz', 'application/json', 2)
            if r['status'] == 200:
                break
            if self.proc.poll() is not None:
                raise RuntimeError('kg serve exited: ' + open(os.path.join(tmp, 'kg.log')).read())
            time.sleep(0.02)
        load = time.perf_counter() - t0
        return {'start_s': None, 'load_s': load}

    @property
    def pid(self):
        return self.proc.pid

    def url(self, query):
        return self.base + '/sparql?' + urllib.parse.urlencode({'query': query})

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def split_ntriples(nt, n):
    """Splits an N-Triples file without blank nodes into n parts of whole
    lines in <nt>.parts/ (kept as a cache); None when it has blank nodes."""
    d = nt + '.parts'
    if os.path.isdir(d) and len([f for f in os.listdir(d) if f.startswith('part-')]) == n:
        return d
    with open(nt, 'rb') as f:
        data = f.read()
    if b'_:' in data:
        return None
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    start = 0
    for i in range(n):
        end = len(data) if i == n - 1 else data.find(b'\n', (len(data) * (i + 1)) // n) + 1
        with open(os.path.join(d, 'part-%02d.nt' % i), 'wb') as out:
            out.write(data[start:end])
        start = end
    return d


VIRTUOSO_INI = """\
; bench/side_by_side.py: a throw-away Virtuoso for one data set, 127.0.0.1 only
[Database]
DatabaseFile       = {d}/virtuoso.db
ErrorLogFile       = {d}/virtuoso.log
LockFile           = {d}/virtuoso.lck
TransactionFile    = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = {d}/virtuoso-temp.db
TransactionFile    = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0
[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
DisableUnixSocket    = 1
MaxClientConnections = 32
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., {data_dir}, {data_dir}/{parts}
; the Debian ini's advice for 2 GB of buffers (this machine has more)
NumberOfBuffers      = 170000
MaxDirtyBuffers      = 130000
MaxQueryMem          = 2G
ThreadsPerQuery      = {cores}
AsyncQueueMaxThreads = 10
[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {d}/vsp
; one HTTP thread per client connection of the c16 cells (the Debian ini has 10)
MaxClientConnections = 32
ServerThreads        = 32
MaxKeepAlives        = 32
KeepAliveTimeout     = 10
EnabledGzipContent   = 0
[SPARQL]
; no silent cap at 10,000 rows (the Debian default), so answers equal kg's
ResultSetMaxRows           = 10000000
MaxQueryCostEstimationTime = 400
; the same limit as kg's --query-timeout default (10 s); past it Virtuoso
; answers 200 with a partial result and X-SQL-State S1TAT, reported as an error
MaxQueryExecutionTime      = {timeout}
"""


class Virtuoso:
    name = 'virtuoso'

    def __init__(self, args):
        self.args = args
        self.proc = None

    def isql(self, sql, timeout=900):
        r = subprocess.run(['isql-vt', '127.0.0.1:%d' % self.sql_port, 'dba', 'dba', 'exec=' + sql],
                           capture_output=True, text=True, timeout=timeout)
        if r.returncode != 0 or '*** Error' in r.stdout + r.stderr:
            raise RuntimeError('isql: %s\n%s%s' % (sql, r.stdout[-2000:], r.stderr[-2000:]))
        return r.stdout

    def start(self, _data, nt, tmp):
        d = os.path.join(tmp, 'virtuoso')
        os.makedirs(os.path.join(d, 'vsp'))
        self.sql_port, self.http_port = free_port(), free_port()
        while self.http_port == self.sql_port:
            self.http_port = free_port()
        self.base = 'http://127.0.0.1:%d' % self.http_port
        ini = os.path.join(d, 'virtuoso.ini')
        with open(ini, 'w') as f:
            f.write(VIRTUOSO_INI.format(d=d, sql_port=self.sql_port, http_port=self.http_port,
                                        data_dir=os.path.dirname(nt), parts=os.path.basename(nt) + '.parts', cores=os.cpu_count() or 1,
                                        timeout=int(self.args.query_timeout)))
        # An empty database is made once per run (virtuoso-t needs ~10 s to create
        # one) and copied for each data set.
        template = os.path.join(os.path.dirname(tmp), 'virtuoso-empty.db')
        if not os.path.exists(template):
            self.launch(d, ini)
            self.shutdown()
            shutil.copyfile(os.path.join(d, 'virtuoso.db'), template + '.tmp')
            os.replace(template + '.tmp', template)
            for f in os.listdir(d):
                if f.startswith('virtuoso') and not f.endswith('.ini'):
                    os.remove(os.path.join(d, f))
        shutil.copyfile(template, os.path.join(d, 'virtuoso.db'))
        t0 = time.perf_counter()
        self.launch(d, ini)
        start_s = time.perf_counter() - t0
        # Virtuoso's bulk-load recipe: one rdf_loader_run() per core, each taking
        # files from the load list; a big file is split into one part per core
        # beforehand (only without blank nodes, whose labels are per file).
        src_dir, pattern = os.path.dirname(nt), os.path.basename(nt)
        loaders = os.cpu_count() or 1
        parts = (split_ntriples(nt, loaders) if loaders > 1 and os.path.isfile(nt) and os.path.getsize(nt) > 8 << 20
                 else None)
        if parts:
            src_dir, pattern = parts, 'part-*.nt'
        t1 = time.perf_counter()
        self.isql("ld_dir('%s', '%s', '%s');" % (src_dir, pattern, GRAPH))
        runs = [subprocess.Popen(['isql-vt', '127.0.0.1:%d' % self.sql_port, 'dba', 'dba', 'exec=rdf_loader_run();'],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                for _ in range(loaders if parts else 1)]
        for r in runs:
            text = r.communicate(timeout=1800)[0]
            if r.returncode != 0 or '*** Error' in text:
                raise RuntimeError('rdf_loader_run: ' + text[-1000:])
        out = self.isql("checkpoint; select count(*) from DB.DBA.LOAD_LIST where ll_error is not null;")
        load_s = time.perf_counter() - t1
        failed = [l for l in out.split('\n') if l.strip().isdigit()]
        if failed and failed[-1].strip() != '0':
            raise RuntimeError('Virtuoso load errors: ' + out[-1000:])
        return {'start_s': start_s, 'load_s': load_s}

    def launch(self, d, ini):
        self.proc = subprocess.Popen(['virtuoso-t', '-f', '-c', ini], cwd=d, stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(d, 'stderr.log'), 'ab'))
        while True:
            try:
                self.isql('select 1;', timeout=10)
                break
            except (RuntimeError, subprocess.TimeoutExpired):
                if self.proc.poll() is not None:
                    raise RuntimeError('virtuoso-t exited: ' + open(os.path.join(d, 'virtuoso.log')).read()[-2000:])
                time.sleep(0.2)
        while http_get(self.base + '/sparql?query=ASK%7B%7D', JSON_RESULTS, 5)['status'] != 200:
            time.sleep(0.2)

    def shutdown(self):
        try:
            self.isql('shutdown;', timeout=60)
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    @property
    def pid(self):
        return self.proc.pid

    def url(self, query):
        return self.base + '/sparql?' + urllib.parse.urlencode({'default-graph-uri': GRAPH, 'query': query})

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.shutdown()


NGINX_CONF = """\
# bench/side_by_side.py: static files of the answers' sizes, 127.0.0.1 only
worker_processes auto;
daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000000;
  keepalive_timeout 60;
  client_body_temp_path {d}/tmp;
  proxy_temp_path {d}/tmp;
  fastcgi_temp_path {d}/tmp;
  uwsgi_temp_path {d}/tmp;
  scgi_temp_path {d}/tmp;
  default_type application/sparql-results+json;
  server {{
    listen 127.0.0.1:{port};
    root {d}/www;
  }}
}}
"""


class Nginx:
    name = 'nginx'

    def start(self, tmp):
        self.dir = os.path.join(tmp, 'nginx')
        os.makedirs(os.path.join(self.dir, 'www'))
        os.makedirs(os.path.join(self.dir, 'tmp'))
        for p in (tmp, self.dir, os.path.join(self.dir, 'www')):
            os.chmod(p, 0o755)  # workers run as an unprivileged user when started as root
        self.port = free_port()
        conf = os.path.join(self.dir, 'nginx.conf')
        with open(conf, 'w') as f:
            f.write(NGINX_CONF.format(d=self.dir, port=self.port))
        self.proc = subprocess.Popen(['nginx', '-c', conf, '-p', self.dir], stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(self.dir, 'stderr.log'), 'wb'))
        self.put('ping', b'ok')
        while http_get(self.url('ping'), '*/*', 2)['status'] != 200:
            if self.proc.poll() is not None:
                raise RuntimeError('nginx exited: ' + open(os.path.join(self.dir, 'stderr.log')).read())
            time.sleep(0.05)

    def put(self, name, body):
        p = os.path.join(self.dir, 'www', name)
        with open(p, 'wb') as f:
            f.write(body)
        os.chmod(p, 0o644)

    def url(self, name):
        return 'http://127.0.0.1:%d/%s' % (self.port, name)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


# ---------------------------------------------------------------- load tool

def wrk(url, accept, conns, seconds, timeout):
    threads = 1 if conns == 1 else min(conns, os.cpu_count() or 2)
    cmd = ['wrk', '-t', str(threads), '-c', str(conns), '-d', '%ss' % seconds, '--timeout', '%ss' % timeout,
           '-s', os.path.join(HERE, 'side_by_side.lua'), '-H', 'Accept: ' + accept, url]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + timeout + 30)
    for line in r.stdout.split('\n'):
        if line.startswith('SIDE_BY_SIDE '):
            s = json.loads(line[len('SIDE_BY_SIDE '):])
            dur = s['duration_us'] / 1e6
            s['rps'] = s['requests'] / dur if dur > 0 else 0.0
            s['errors'] = s['status'] + s['timeout'] + s['connect'] + s['read'] + s['write']
            return s
    raise RuntimeError('wrk gave no figures: %s %s' % (r.stdout[-500:], r.stderr[-500:]))


def check(system, q, timeout):
    r = http_get(system.url(q['text']), q['accept'], timeout)
    ok = 200 <= r['status'] < 300 and r['sql_state'] != 'S1TAT'
    if r['status'] == 0:
        err = 'no answer in %ds' % timeout
    elif r['sql_state'] == 'S1TAT':
        err = 'partial answer (time limit, S1TAT)'
    elif not ok:
        err = 'HTTP %d: %s' % (r['status'], r['body'][:160].decode('utf-8', 'replace').replace('\n', ' '))
    else:
        err = ''
    return {'ok': ok, 'error': err, 'seconds': r['seconds'], 'bytes': len(r['body']), 'body': r['body'],
            'rows': count_answer(r['ctype'], r['body']) if ok else ''}


def count_triples(system):
    """The triples the system holds (its default graph), as a check that both got the same data."""
    r = http_get(system.url('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'), JSON_RESULTS, 120)
    try:
        return int(json.loads(r['body'])['results']['bindings'][0]['n']['value'])
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def run_cells(args, system_name, url_of, q, pid, single, out, dataset):
    for conns in args.concurrency:
        if system_name == 'nginx' and conns not in args.ceiling_concurrency:
            continue
        cell = {'system': system_name, 'dataset': dataset, 'query': q['name'], 'conns': conns}
        cell.update({k: single[k] for k in ('ok', 'error', 'seconds', 'bytes', 'rows')} if single else {})
        seconds = args.ceiling_seconds if system_name == 'nginx' else args.seconds
        if single is not None and not single['ok']:
            cell['skipped'] = 'error'
        elif single is not None and single['seconds'] > seconds:
            cell['skipped'] = 'slow'  # one request takes longer than the cell: report it, do not drive it
        else:
            s = wrk(url_of, q['accept'], conns, seconds, args.wrk_timeout)
            cell.update(s)
            if pid:
                wait_idle(pid)
        out.append(cell)
        log('  %-8s %-32s c%-2d %s' % (system_name, q['name'], conns, fmt_cell(cell)))


def fmt_cell(c):
    if c.get('skipped') == 'error':
        return 'ERROR ' + c['error'][:60]
    if c.get('skipped') == 'slow':
        return 'one request %.2f s' % c['seconds']
    return '%.0f req/s p50 %.2f ms p99 %.2f ms errors %d' % (c['rps'], c['p50_us'] / 1000, c['p99_us'] / 1000,
                                                            c['errors'])


def run_system(args, system, dataset, data, nt, queries, tmp, cells, loads, nginx_bodies):
    log('%s: start and load %s' % (system.name, dataset))
    try:
        load = system.start(data, nt, tmp)
    except Exception as e:  # a system that cannot load a data set is reported, the run goes on
        log('%s failed on %s: %s' % (system.name, dataset, e))
        system.stop()
        loads.append({'system': system.name, 'dataset': dataset, 'error': str(e)[:200]})
        return
    load.update({'system': system.name, 'dataset': dataset, 'rss_kb': rss_kb(system.pid),
                 'triples': count_triples(system)})
    log('%s: %s loaded in %.2f s, %s triples, RSS %s kB' % (system.name, dataset, load['load_s'], load['triples'],
                                                            load['rss_kb']))
    try:
        for q in queries:
            single = check(system, q, args.check_timeout)
            if single['ok'] and (system.name == 'kg' or q['name'] not in nginx_bodies):
                nginx_bodies[q['name']] = single['body']
            wait_idle(system.pid)
            run_cells(args, system.name, system.url(q['text']), q, system.pid, single, cells, dataset)
        load['hwm_kb'] = rss_kb(system.pid, 'VmHWM')
        load['rss_end_kb'] = rss_kb(system.pid)
    finally:
        system.stop()
    loads.append(load)


# ---------------------------------------------------------------- report

def ms(us):
    return '%.2f' % (us / 1000.0)


def cell_text(c):
    if c is None:
        return ['', '', '', '']
    if c.get('skipped') == 'error':
        return ['error', '', '', 'check: ' + c['error'][:70].replace('|', '/')]
    if c.get('skipped') == 'slow':
        return ['%.2f' % (1 / c['seconds']), '%.0f' % (c['seconds'] * 1000), '', '1 request']
    if not c['requests']:
        return ['0', '', '', 'none done in cell' + (' (%d errors)' % c['errors'] if c['errors'] else '')]
    return ['%.0f' % c['rps'], ms(c['p50_us']), ms(c['p99_us']), str(c['errors']) if c['errors'] else '0']


def rps_of(c):
    if c is None or c.get('skipped') == 'error':
        return None
    if c.get('skipped') == 'slow':
        return 1 / c['seconds']
    return c['rps'] if c['requests'] else None


def latency_ms(c, key):
    """A cell's p50_us / p99_us in ms; a query too slow to drive counts its
    one request's time."""
    if c is None or c.get('skipped') == 'error':
        return None
    if c.get('skipped') == 'slow':
        return c['seconds'] * 1000
    return c[key] / 1000 if c['requests'] else None


def p50_ms(c):
    return latency_ms(c, 'p50_us')


def p99_ms(c):
    return latency_ms(c, 'p99_us')


def has_errors(c):
    return c is not None and (c.get('skipped') == 'error' or c.get('errors', 0) > 0)


def report(args, cells, loads, meta):
    idx = {(c['system'], c['dataset'], c['query'], c['conns']): c for c in cells}
    datasets = [d for d in args.datasets if any(c['dataset'] == d for c in cells)]
    lines = []
    w = lines.append
    w('## Load time and memory')
    w('')
    w('kg: `kg serve --data` process start to the first 200 from /healthz. Virtuoso: server start on an '
      'empty database (start), then ld_dir + rdf_loader_run + checkpoint (load). RSS: VmRSS after loading; '
      'peak: VmHWM at the end of the data set\'s cells.')
    w('')
    w('| data set | system | triples | start s | load s | RSS after load MB | peak RSS MB |')
    w('|---|---|---:|---:|---:|---:|---:|')
    for d in datasets:
        for l in loads:
            if l['dataset'] != d:
                continue
            if 'error' in l:
                w('| %s | %s | | | failed: %s | | |' % (d, l['system'], l['error'][:80].replace('|', '/')))
                continue
            mb = lambda kb: '' if kb is None else '%.0f' % (kb / 1024)
            w('| %s | %s | %s | %s | %.2f | %s | %s |' % (d, l['system'],
                                                      '' if l.get('triples') is None else '{:,}'.format(l['triples']),
                                                      '' if l['start_s'] is None else '%.1f' % l['start_s'],
                                                 l['load_s'], mb(l['rss_kb']), mb(l.get('hwm_kb'))))
    w('')
    w('## Queries')
    w('')
    w('req/s, p50 and p99 in ms, errors (non-2xx, timeouts, socket errors) per cell of %s s '
      '(nginx: %s s, a static file of kg\'s answer size); "1 request": the query\'s one checking request '
      'took longer than a cell, so it was not driven and its time is shown as p50. '
      '×V: kg req/s / Virtuoso req/s. rows: answer rows (or triples) kg / Virtuoso.'
      % (args.seconds, args.ceiling_seconds))
    for conns in args.concurrency:
        w('')
        w('### Concurrency %d' % conns)
        w('')
        w('| data set | query | rows kg / V | kg req/s | kg p50 | kg p99 | kg err | V req/s | V p50 | V p99 | V err '
          '| ×V | nginx req/s | nginx p50 | nginx p99 |')
        w('|---|---|---|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|')
        for d in datasets:
            qnames = []
            for c in cells:
                if c['dataset'] == d and c['query'] not in qnames:
                    qnames.append(c['query'])
            for qn in qnames:
                k = idx.get(('kg', d, qn, conns))
                v = idx.get(('virtuoso', d, qn, conns))
                n = idx.get(('nginx', d, qn, conns))
                if not (k or v):
                    continue
                rows = '%s / %s' % (k.get('rows', '') if k else '', v.get('rows', '') if v else '')
                if k and v and k.get('rows') and v.get('rows') and k['rows'] != v['rows']:
                    rows += ' ≠'
                rk, rv = rps_of(k), rps_of(v)
                ratio = '%.1f' % (rk / rv) if rk and rv else ''
                nt = cell_text(n)[:3]
                w('| %s | %s | %s | %s | %s | %s | %s |' % (d, qn.split('-')[0], rows, ' | '.join(cell_text(k)),
                                                         ' | '.join(cell_text(v)), ratio, ' | '.join(nt)))
    w('')
    w('## Targets (issue 7)')
    w('')
    for t in targets(args, idx, loads, cells):
        w('- ' + t)
    return '\n'.join(lines) + '\n'


def targets(args, idx, loads, cells):
    out = []
    have_v = any(c['system'] == 'virtuoso' for c in cells)
    if 16 in args.concurrency and have_v:
        worst_ratio, fails_ratio, fails_p99, n = None, [], [], 0
        for d in TARGET_DATASETS:
            for qp in PAGE_QUERIES:
                for (s, dd, qn, c), cell in idx.items():
                    if s != 'kg' or dd != d or c != 16 or not qn.startswith(qp):
                        continue
                    v = idx.get(('virtuoso', d, qn, 16))
                    rk, rv = rps_of(cell), rps_of(v)
                    n += 1
                    if rk and rv:
                        r = rk / rv
                        worst_ratio = r if worst_ratio is None else min(worst_ratio, r)
                        if r < 10:
                            fails_ratio.append('%s %s %.1f×' % (d, qp, r))
                    else:
                        fails_ratio.append('%s %s (no figure)' % (d, qp))
                    kp99, vp50 = p99_ms(cell), p50_ms(v)
                    if kp99 is None or vp50 is None or kp99 >= vp50:
                        fails_p99.append('%s %s kg p99 %s ms vs Virtuoso p50 %s ms' %
                                         (d, qp, '-' if kp99 is None else '%.2f' % kp99,
                                          '-' if vp50 is None else '%.2f' % vp50))
        if n:
            out.append('kg ≥ 10× Virtuoso req/s at c16 on q01–q06, built-in graph and UNESCO education (%d cells): '
                       '%s; lowest ratio %s%s' % (n, 'MET' if not fails_ratio else 'NOT MET',
                                                  '-' if worst_ratio is None else '%.1f×' % worst_ratio,
                                                  '' if not fails_ratio else ' (below: ' + ', '.join(fails_ratio) + ')'))
            out.append('kg p99 below Virtuoso p50 at c16 there: %s%s' % (
                'MET' if not fails_p99 else 'NOT MET', '' if not fails_p99 else ' (' + '; '.join(fails_p99) + ')'))
    if have_v:
        bad = []
        for (s, d, qn, c), cell in idx.items():
            if s != 'kg':
                continue
            v = idx.get(('virtuoso', d, qn, c))
            if has_errors(cell) and not has_errors(v):
                bad.append('%s %s c%d (%s)' % (d, qn, c, cell.get('error') or '%d errors' % cell.get('errors', 0)))
        out.append('no workload query errors on kg but not on Virtuoso: %s%s' % (
            'MET' if not bad else 'NOT MET', '' if not bad else ' (' + '; '.join(bad) + ')'))
        vbad = sorted({'%s %s' % (d, qn) for (s, d, qn, c), cell in idx.items() if s == 'virtuoso' and has_errors(cell)})
        if vbad:
            out.append('errors on Virtuoso (for the record): ' + ', '.join(vbad))
    for l in loads:
        if l['system'] == 'kg' and l['dataset'] == 'gen-1m' and 'error' not in l:
            out.append('kg loads 1M triples (gen-1m, 1,011,945) under 30 s, serve start to /healthz: %s (%.1f s)'
                       % ('MET' if l['load_s'] < 30 else 'NOT MET', l['load_s']))
    return out


def machine_info():
    model = ''
    with open('/proc/cpuinfo') as f:
        for line in f:
            if line.startswith('model name'):
                model = line.split(':', 1)[1].strip()
                break
    mem = ''
    with open('/proc/meminfo') as f:
        for line in f:
            if line.startswith('MemTotal'):
                mem = '%.1f GiB' % (int(line.split()[1]) / 1024 / 1024)
    return {'nproc': os.cpu_count(), 'cpu': model, 'ram': mem}


def loadavg():
    with open('/proc/loadavg') as f:
        return ' '.join(f.read().split()[:3])


def versions(args):
    def cmd_out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip()
        except OSError:
            return ''
    commit = cmd_out(['git', '-C', REPO, 'rev-parse', '--short', 'HEAD'])
    dirty = cmd_out(['git', '-C', REPO, 'status', '--porcelain', '--untracked-files=no', 'service'])
    v = cmd_out(['virtuoso-t', '-?']) or ''
    vline = next((l for l in (v + '\n').split('\n') if 'Version' in l), '')
    dpkg = cmd_out(['dpkg-query', '-W', '-f', '${Version}', 'virtuoso-opensource-7'])
    service = cmd_out(['git', '-C', REPO, 'log', '-1', '--format=%h %cs', '--', 'service'])
    return {'kg_commit': 'checkout %s, service/ at %s%s' % (commit, service,
                                                          ' (plus uncommitted changes)' if dirty else ''),
            'virtuoso': ('virtuoso-opensource-7 ' + dpkg + ' ' + vline).strip(),
            'nginx': cmd_out(['dpkg-query', '-W', '-f', '${Version}', 'nginx-core']) or
            cmd_out(['dpkg-query', '-W', '-f', '${Version}', 'nginx']),
            'wrk': cmd_out(['dpkg-query', '-W', '-f', '${Version}', 'wrk']),
            'fuseki': fuseki_note()}


def fuseki_note():
    try:
        r = subprocess.run(['apt-cache', 'search', 'fuseki'], capture_output=True, text=True, timeout=30)
        hits = [l for l in r.stdout.split('\n') if l.strip()]
    except OSError:
        hits = None
    if hits:
        return 'apt-cache search fuseki: ' + '; '.join(hits)
    return ('not run: no Debian package provides Apache Jena Fuseki (`apt-cache search fuseki` finds nothing; '
            '`apt-cache search jena` finds only libapache-jena-java, the Jena library without the Fuseki server)')


def emit(args, cells, loads, meta, final):
    """Prints (final) and writes the report; called after every data set too, so
    a run cut short still leaves the figures of the data sets it finished."""
    ended = datetime.datetime.now(datetime.timezone.utc)
    meta['ended'] = ended.strftime('%Y-%m-%d %H:%M:%S UTC')
    lavg = meta['loadavg'] + ([('end', loadavg())] if final else [])
    body = report(args, cells, loads, meta)
    m, v = meta['machine'], meta['versions']
    head = ['# kg side by side with Virtuoso (bench/side_by_side.py)', '',
            '- run: %s – %s%s' % (meta['started'], meta['ended'].split(' ', 1)[1],
                                 '' if final else ' (PARTIAL: still running or cut short)'),
            '- machine: %s cores (nproc), %s, RAM %s' % (m['nproc'], m['cpu'], m['ram']),
            '- load average (1/5/15 min) during the run: ' + '; '.join('%s %s' % x for x in lavg),
            '- kg: %s, `kg serve %s` (engine: %s)' % (
                v['kg_commit'], args.kg_args or '(defaults)',
                'rasqal' if 'rasqal' in args.kg_args else "kg's own SPARQL engine, the default"),
            '- Virtuoso: %s; nginx %s; wrk %s (-t1 at c1, -t%d above; bench/side_by_side.lua)' % (
                v['virtuoso'], v['nginx'], v['wrk'], min(16, os.cpu_count() or 2)),
            '- Apache Jena Fuseki: ' + v['fuseki'],
            '- command: `bench/side_by_side.py %s`' % ' '.join(shlex.quote(a) for a in sys.argv[1:]), '']
    text = '\n'.join(head) + '\n' + body
    if final:
        print(text)
    if args.out:
        with open(args.out + '.tmp', 'w', encoding='utf-8') as f:
            f.write(text)
        os.replace(args.out + '.tmp', args.out)
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'meta': meta, 'loads': loads,
                       'cells': [{k: v for k, v in c.items() if k != 'body'} for c in cells]}, f, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--kg', default=os.path.join(REPO, 'build', 'service', 'kg'))
    ap.add_argument('--kg-args', default='', help='extra kg serve options, e.g. "--engine rasqal"')
    ap.add_argument('--datasets', default=','.join(DATASETS))
    ap.add_argument('--queries', default='', help='comma-separated query name prefixes (default: all)')
    ap.add_argument('--concurrency', default='1,16')
    ap.add_argument('--systems', default='kg,virtuoso,nginx')
    ap.add_argument('--seconds', type=int, default=3, help='wrk duration of one cell')
    ap.add_argument('--ceiling-seconds', type=int, default=1, help='wrk duration of one nginx cell')
    ap.add_argument('--ceiling-concurrency', default='',
                    help='concurrencies of the nginx cells (default: those of --concurrency)')
    ap.add_argument('--wrk-timeout', type=int, default=15, help="wrk's --timeout (s)")
    ap.add_argument('--query-timeout', type=float, default=10,
                    help="Virtuoso's MaxQueryExecutionTime (s), like kg's --query-timeout default")
    ap.add_argument('--check-timeout', type=float, default=15, help='timeout of the checking request (s)')
    ap.add_argument('--skip-c1', default='', help='data sets run at concurrency 16 only (time budget)')
    ap.add_argument('--cache', default=os.path.join(tempfile.gettempdir(), 'kg-side-by-side'))
    ap.add_argument('--out', default='', help='write the Markdown report to this file')
    ap.add_argument('--json', default='', help='write the raw cells to this file')
    args = ap.parse_args()
    args.datasets = [d for d in args.datasets.split(',') if d]
    args.concurrency = [int(c) for c in args.concurrency.split(',') if c]
    args.ceiling_concurrency = [int(c) for c in args.ceiling_concurrency.split(',') if c] or args.concurrency
    systems = [s for s in args.systems.split(',') if s]
    skip_c1 = set(d for d in args.skip_c1.split(',') if d)
    only = [q for q in args.queries.split(',') if q]
    for tool in ['wrk', 'rapper'] + (['virtuoso-t', 'isql-vt'] if 'virtuoso' in systems else []) + \
            (['nginx'] if 'nginx' in systems else []):
        if not shutil.which(tool):
            sys.exit('%s not found: run bench/setup.sh' % tool)
    if 'kg' in systems and not os.access(args.kg, os.X_OK):
        sys.exit('%s not found: build first (scripts/setup.sh build)' % args.kg)
    shared = shared_dir()
    started = datetime.datetime.now(datetime.timezone.utc)
    meta = {'started': started.strftime('%Y-%m-%d %H:%M:%S UTC'), 'machine': machine_info(),
            'versions': versions(args), 'loadavg': [('start', loadavg())]}
    cells, loads = [], []
    tmp_root = tempfile.mkdtemp(prefix='kg-side-by-side-')
    nginx = None
    try:
        if 'nginx' in systems:
            nginx = Nginx()
            nginx.start(tmp_root)
        conc_all = args.concurrency
        for d in args.datasets:
            data, nt, params = prepare_dataset(shared, args.cache, d)
            queries = load_queries(shared, params, only)
            args.concurrency = [c for c in conc_all if not (c == 1 and d in skip_c1)]
            bodies = {}
            for sname in systems:
                if sname == 'nginx':
                    continue
                system = Kg(args) if sname == 'kg' else Virtuoso(args)
                tmp = tempfile.mkdtemp(dir=tmp_root)
                run_system(args, system, d, data, nt, queries, tmp, cells, loads, bodies)
                meta['loadavg'].append(('after %s %s' % (sname, d), loadavg()))
            if nginx:
                for q in queries:
                    if q['name'] not in bodies:
                        continue
                    nginx.put(q['name'], bodies[q['name']])
                    run_cells(args, 'nginx', nginx.url(q['name']), q, None, None, cells, d)
            args.concurrency = conc_all
            emit(args, cells, loads, meta, final=False)
    finally:
        if nginx:
            nginx.stop()
        shutil.rmtree(tmp_root, ignore_errors=True)
    emit(args, cells, loads, meta, final=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
