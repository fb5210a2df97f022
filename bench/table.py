#!/usr/bin/env python3
"""Prints bench/compare.sh's results as one Markdown table with rtmp4j/nginx ratios.

Input: results.tsv rows of  scenario, param, server, cpu_s, peak_rss_kb, loadavg, RESULT line.
Several rows for the same (scenario, param, server) (--repeat) are reduced to the median of each
column.
"""
import statistics
import sys
from collections import OrderedDict


def parse(path):
    groups = OrderedDict()
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 7:
                continue
            scen, param, server, cpu, rss, load, result = parts[:7]
            fields = dict(kv.split("=", 1) for kv in result.split()[1:] if "=" in kv)
            publish = fields.get("mode") == "publish"
            delivered = float(fields.get("bytes_out" if publish else "bytes_in", 0)) / 1e9
            tck = float(fields.get("clk_tck", 100))
            win_gb = float(fields.get("win_bytes", 0)) / 1e9
            win_cpu = float(fields.get("srv_ticks_win", -1)) / tck
            row = {
                "players": float(fields.get("max_keeping_up", fields.get("connections", 0))),
                "receiving": float(fields.get("receiving", 0)),
                "failed": float(fields.get("failed", 0)),
                "lag50": float(fields.get("lag_p50_ms", 0)),
                "lag99": float(fields.get("lag_p99_ms", 0)),
                "lagmax": float(fields.get("lag_max_ms", 0)),
                "gb": delivered,
                "cpu": float(cpu or 0),
                "cpugb": float(cpu or 0) / delivered if delivered > 0 else float("nan"),
                "rss": float(rss or 0) / 1024,
                "wcpu": win_cpu,
                "wgb": win_gb,
                "wcpugb": win_cpu / win_gb if win_gb > 0 and win_cpu >= 0 else float("nan"),
                "ttfk50": float(fields.get("ttfk_p50_ms", 0)),
                "ttfk99": float(fields.get("ttfk_p99_ms", 0)),
                "ttfkmax": float(fields.get("ttfk_max_ms", 0)),
                "load": float(load or 0),
                "lgcpu": float(fields.get("loadgen_cpu_s", 0)),
            }
            groups.setdefault((scen, param), OrderedDict()).setdefault(server, []).append(row)
    return groups


def median(rows, key):
    return statistics.median(r[key] for r in rows)


def ratio(a, b):
    if b == 0 or a != a or b != b:
        return "n/a"
    return "%.2f" % (a / b)


def main():
    groups = parse(sys.argv[1])
    print()
    print("| scenario | server | players | receiving | lag p50 / p99 / max ms | delivered GB | CPU s "
          "| CPU s/GB | window: GB, CPU s, CPU s/GB | peak RSS MB | first keyframe p50 / p99 / max ms | load gen CPU s | runs | load avg |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (scen, param), servers in groups.items():
        label = {"fanout": "fan-out %s" % param, "maxplayers": "max keeping up (from %s)" % param,
                 "ingest": "ingest %s publishers" % param, "latejoin": "late join %s" % param}.get(scen, scen)
        med = {}
        for server, rows in servers.items():
            m = {k: median(rows, k) for k in rows[0]}
            med[server] = m
            who = "receiving" if scen != "ingest" else "on schedule"
            players = ("< %s" % param) if scen == "maxplayers" and m["players"] == 0 else "%d" % m["players"]
            print("| %s | %s | %s | %d (%s) | %.0f / %.0f / %.0f | %.2f | %.1f | %.2f | %.2f, %.1f, **%.2f** | %.0f | %.0f / %.0f / %.0f | %.1f | %d | %.1f |" % (
                label, server, players, m["receiving"], who, m["lag50"], m["lag99"], m["lagmax"], m["gb"],
                m["cpu"], m["cpugb"], m["wgb"], m["wcpu"], m["wcpugb"], m["rss"], m["ttfk50"], m["ttfk99"], m["ttfkmax"], m["lgcpu"], len(rows), m["load"]))
        if "rtmp4j" in med and "nginx" in med:
            a, b = med["rtmp4j"], med["nginx"]
            print("| %s | **rtmp4j / nginx** | %s | %s | %s (p99) | %s | %s | %s | **%s** | **%s** | %s (p99) | | | |" % (
                label, ratio(a["players"], b["players"]), ratio(a["receiving"], b["receiving"]),
                ratio(a["lag99"], b["lag99"]), ratio(a["gb"], b["gb"]), ratio(a["cpu"], b["cpu"]),
                ratio(a["cpugb"], b["cpugb"]), ratio(a["wcpugb"], b["wcpugb"]), ratio(a["rss"], b["rss"]), ratio(a["ttfk99"], b["ttfk99"])))
    print()


if __name__ == "__main__":
    main()
