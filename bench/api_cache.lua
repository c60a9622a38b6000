-- wrk script for bench/api_cache.sh. MODE=warm repeats one request, so every
-- answer after the first comes from kg's /api cache. MODE=cold makes every
-- request's cache key new by adding a never-repeated, never-chosen media range
-- to Accept (x-bench/<thread>-<n>;q=0.1): the answer is still JSON, but the
-- cache (keyed on path, parameters and Accept) misses each time, so kg does
-- the whole work: dispatch, vocabulary reads through the SPARQL engine, JSON.
local mode = os.getenv("MODE") or "warm"
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function request()
  if mode == "cold" then
    counter = counter + 1
    local accept = "application/json, x-bench/" .. tid .. "-" .. counter .. ";q=0.1"
    return wrk.format("GET", nil, { ["Accept"] = accept })
  end
  return wrk.format("GET", nil, { ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.mean / 1000,
    summary.errors.status, summary.requests))
end
