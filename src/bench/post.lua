-- wrk script: POST the JSON body in the file named by $BENCH_BODY to the URL given on the command line.
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
