-- GET of the URL given to wrk (discovery or JWKS); BENCH_NAME names the figure.
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local report = require("report")

function setup(thread) report.setup(thread) end

function init(args) non200 = 0 end

function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

function done(summary, latency, requests) report.done(os.getenv("BENCH_NAME") or "get", summary, latency) end
