-- POST /connect/token with grant_type=refresh_token. Refresh tokens rotate and are single use, so each
-- thread keeps a pool: a request takes a token out, its answer puts the new refresh token back. The pool
-- starts with this thread's share of BENCH_REFRESH_TOKENS (one token a line, from real sign-ins) and must
-- hold at least as many tokens as the thread has connections. An answer without a new token loses one;
-- an empty pool sends a dead token, which the server refuses and the report counts.
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local report = require("report")

function setup(thread) report.setup(thread) end

function init(args)
  non200 = 0
  pool = {}
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  local index = 0
  for line in io.lines(os.getenv("BENCH_REFRESH_TOKENS")) do
    if line ~= "" and index % threads == id then table.insert(pool, line) end
    index = index + 1
  end
  prefix = "grant_type=refresh_token&client_id=" .. os.getenv("BENCH_CLIENT_ID")
    .. "&client_secret=" .. os.getenv("BENCH_CLIENT_SECRET") .. "&refresh_token="
  headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
end

function request()
  local token = table.remove(pool, 1) or "pool-exhausted"
  return wrk.format("POST", nil, headers, prefix .. token)
end

function response(status, headers, body)
  local token = status == 200 and body:match('"refresh_token"%s*:%s*"([^"]+)"')
  if token then
    table.insert(pool, token)
  else
    non200 = non200 + 1
  end
end

function done(summary, latency, requests) report.done("refresh_token", summary, latency) end
