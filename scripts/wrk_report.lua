-- wrk's summary as one machine-readable line (scripts/wrk_compare.py reads it).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("WRK requests=%d seconds=%.3f errors=%d non2xx3xx=%d p50=%.3f p95=%.3f p99=%.3f bytes=%d\n",
    summary.requests, summary.duration / 1e6, errors, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.bytes))
end
