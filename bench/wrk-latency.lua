-- wrk report: one line with requests/s, p50/p95/p99 (ms) and the non-2xx answers, read by bench/web.sh.
local non2xx = 0
response = function(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests=%d seconds=%.1f rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
