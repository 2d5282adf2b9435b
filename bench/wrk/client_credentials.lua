-- POST /connect/token with grant_type=client_credentials, the client authenticating with its secret in the
-- form body (client_secret_post). BENCH_CLIENT_ID and BENCH_CLIENT_SECRET come from bench/run.sh.
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local report = require("report")

function setup(thread) report.setup(thread) end

function init(args)
  non200 = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.body = "grant_type=client_credentials&scope=api&client_id=" .. os.getenv("BENCH_CLIENT_ID")
    .. "&client_secret=" .. os.getenv("BENCH_CLIENT_SECRET")
  prepared = wrk.format()
end

function request() return prepared end

function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

function done(summary, latency, requests) report.done("client_credentials", summary, latency) end
