-- wrk script: each connection is one young person (one thread, one connection), sending "bonjour"
-- again and again to the web chat endpoint, each message answered before the next (closed loop).
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  session = string.format("wrkbench%02d%06d", id, math.random(0, 999999))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"text":"bonjour"}'
  wrk.path = "/api/chat/" .. session .. "/messages"
end
statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  io.write(string.format("answered %d, errors: connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
