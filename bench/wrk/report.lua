-- Shared by the wrk scripts: counts answers that are not 200 in every thread and prints one JSON line
-- ("BENCH_JSON {...}") that bench/run.sh collects. A benchmark of error responses is worthless, so the
-- report always says how many there were.
local report = {}
local threads = {}

function report.setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function report.done(name, summary, latency)
  local non200 = 0
  for _, thread in ipairs(threads) do
    non200 = non200 + (thread:get("non200") or 0)
  end
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_JSON {"name":"%s","requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"non200":%d,"socket_errors":%d}\n',
    name, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, non200,
    errors.connect + errors.read + errors.write + errors.timeout))
end

return report
