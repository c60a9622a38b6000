-- wrk script of bench/side_by_side.py: the request (URL and Accept header)
-- comes from wrk's command line; done() prints the cell's figures as one JSON
-- line (prefixed "SIDE_BY_SIDE ") so the driver does not parse wrk's text.
-- Latencies are in microseconds; "status" counts answers with status > 399,
-- "timeout" requests that took longer than wrk's --timeout.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'SIDE_BY_SIDE {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
    '"p50_us":%d,"p99_us":%d,"mean_us":%.1f,"max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.mean, latency.max))
end
