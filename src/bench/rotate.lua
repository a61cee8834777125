-- wrk script for the mixed mode: each request takes the next of the URLs/bodies listed in the file
-- named by $BENCH_ROTATION (lines "GET <path>" or "POST <json body>"), so readers rotate over them.
local requests = {}
local n = 0
function init(args)
  local headers = { Host = wrk.host .. ":" .. wrk.port }
  for line in io.lines(os.getenv("BENCH_ROTATION")) do
    local method, rest = line:match("^(%u+) (.*)$")
    if method == "GET" then
      requests[#requests + 1] = wrk.format("GET", rest, headers)
    else
      requests[#requests + 1] = wrk.format("POST", "/graphql",
        { Host = headers.Host, ["Content-Type"] = "application/json" }, rest)
    end
  end
  n = math.random(#requests)
end
function request()
  n = n % #requests + 1
  return requests[n]
end
