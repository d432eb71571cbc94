-- wrk script for BAR: wrong-password sign-ins, one connection per wrk thread (run with -t N -c N).
-- Used by wrk-isolation.sh to flood /api/auth/login while the round trips run beside it.
--   args: -- <email>
local email = "flood@example.test"
local json = { ["Content-Type"] = "application/json" }
hashed, refused, other = 0, 0, 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) email = args[1] or email end
function request()
  return wrk.format("POST", "/api/auth/login", json,
    '{"email":"' .. email .. '","password":"not the password at all"}')
end
function response(status, headers, body)
  if status == 401 then hashed = hashed + 1 -- the password was hashed and found wrong
  elseif status == 503 or status == 429 then refused = refused + 1 -- the hashing pool (or a limit) was full
  else other = other + 1 end
end
function done(summary, latency, requests)
  local h, r, o = 0, 0, 0
  for _, t in ipairs(threads) do h = h + t:get("hashed"); r = r + t:get("refused"); o = o + t:get("other") end
  local secs = summary.duration / 1e6
  print(string.format("RESULT mode=login-flood sign_ins_per_s=%.1f hashed=%d refused=%d other=%d p50=%.2f p99=%.2f max=%.2f",
    summary.requests / secs, h, r, o, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
