-- wrk script of bench/side_by_side.py: sets the Accept header (env WRK_ACCEPT)
-- and prints one JSON line with the figures the table needs.
local accept = os.getenv("WRK_ACCEPT") or "application/sparql-results+json"
wrk.headers["Accept"] = accept

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"mean_us":%.1f,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
end
