"""The benchmark's arithmetic and its Markdown report: medians, ratios, targets, profiles."""

import math
import os
import platform
import statistics
from dataclasses import dataclass
from pathlib import Path

from tests.bench.profiles import PROFILES
from tests.bench.startup import PAGES


@dataclass(frozen=True)
class Target:
    """A limit from the issue; ``strict`` means below, not at most."""

    limit: float
    strict: bool = False

    def met(self, value: float | None) -> bool:
        if value is None:
            return False
        return value < self.limit if self.strict else value <= self.limit

    def __str__(self) -> str:
        return f"{'<' if self.strict else '≤'} {self.limit:g}"


TARGETS = {
    "ready_over_stock_cold": Target(0.40),
    "ready_over_stock_warm": Target(0.40),
    "first_question_over_plain_page": Target(1.2),
    "step_p95_over_stock_cold": Target(0.03),
    "cold_bytes_over_stock": Target(0.85),
    "warm_bytes": Target(50_000, strict=True),
}
# The reader's total wait after submits (median over runs, ms), for the profiles the issue sets a limit for.
WAIT_TARGETS = {
    f"total_wait_{key}": Target(profile.wait_target_ms)
    for key, profile in PROFILES.items()
    if profile.wait_target_ms is not None
}
# The reader's wait for Python (median over runs, ms), for the profiles the issue sets a limit for.
PYTHON_WAIT_TARGETS = {
    f"python_wait_{key}": Target(profile.python_wait_target_ms)
    for key, profile in PROFILES.items()
    if profile.python_wait_target_ms is not None
}


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile of ``values``, interpolating linearly between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: list[float], unit: str) -> dict:
    """Median, p95 and range of one metric's samples."""
    return {
        "unit": unit,
        "n": len(values),
        "median": statistics.median(values),
        "p95": percentile(values, 0.95),
        "min": min(values),
        "max": max(values),
    }


def metrics(runs: list[dict]) -> dict[str, dict]:
    """Every metric's summary of the unthrottled runs, by name (e.g. ``guide_ready_cold``)."""
    def samples(page: str, phase: str, key: str) -> list[float]:
        return [run[key] for run in runs if run["page"] == page and run["phase"] == phase]

    table = {}
    for phase in ("cold", "warm"):
        guide_steps = [s["ms"] for run in runs if run["page"] == "guide" and run["phase"] == phase
                       for s in run["steps"]]
        table.update({
            f"stock_ready_{phase}": summary(samples("stock", phase, "ready_ms"), "ms"),
            f"plain_shown_{phase}": summary(samples("plain", phase, "shown_ms"), "ms"),
            f"guide_first_question_{phase}": summary(samples("guide", phase, "first_question_ms"), "ms"),
            f"guide_ready_{phase}": summary(samples("guide", phase, "ready_ms"), "ms"),
            f"guide_step_{phase}": summary(guide_steps, "ms"),
            f"guide_result_{phase}": summary(samples("guide", phase, "result_ms"), "ms"),
        })
    for phase in ("cold", "warm"):
        for page in PAGES:
            table[f"{page}_bytes_{phase}"] = summary(samples(page, phase, "bytes"), "B")
    return table


RATIOS = (
    "ready_over_stock_cold",
    "ready_over_stock_warm",
    "first_question_over_plain_page",
    "first_question_over_plain_page_warm",
    "step_p95_over_stock_cold",
    "cold_bytes_over_stock",
    "warm_bytes",
)


def ratios(table: dict[str, dict], runs: list[dict]) -> dict[str, float]:
    """The issue's ratios: medians over medians; the step ratio uses the p95 of every step, cold and warm."""
    median = {name: entry["median"] for name, entry in table.items()}
    every_step = [s["ms"] for run in runs if run["page"] == "guide" for s in run["steps"]]
    return {
        "ready_over_stock_cold": median["guide_ready_cold"] / median["stock_ready_cold"],
        "ready_over_stock_warm": median["guide_ready_warm"] / median["stock_ready_warm"],
        "first_question_over_plain_page": median["guide_first_question_cold"] / median["plain_shown_cold"],
        "first_question_over_plain_page_warm": median["guide_first_question_warm"] / median["plain_shown_warm"],
        "step_p95_over_stock_cold": percentile(every_step, 0.95) / median["stock_ready_cold"],
        "cold_bytes_over_stock": median["guide_bytes_cold"] / median["stock_bytes_cold"],
        "warm_bytes": median["guide_bytes_warm"],
    }


def _median(values: list[float | None]) -> float | None:
    """The median, or None when a run has no value (it never reached the result)."""
    return None if not values or None in values else statistics.median(values)


def profile_summary(profile: dict) -> dict:
    """One profile's runs in a few numbers: how many reached the result, fell back, and their medians."""
    runs = profile["runs"]
    return {
        "n": len(runs),
        "reached": sum(run["reached_result"] for run in runs),
        "errors": sum(bool(run.get("error")) for run in runs),
        "fallbacks": sum(run["fallback"] for run in runs),
        "fallback_ms": _median([run["fallback_ms"] for run in runs if run["fallback"]]),
        "result_ms": _median([run["result_ms"] for run in runs]),
        "total_wait_ms": _median([run["total_wait_ms"] for run in runs]),
        "total_wait_max_ms": None if None in (w := [r["total_wait_ms"] for r in runs]) else max(w),
        "python_wait_ms": _median([run.get("python_wait_ms") for run in runs]),
        "longest_wait_ms": _median([run["longest_wait_ms"] for run in runs]),
        "first_question_ms": _median([run["first_question_ms"] for run in runs if run["first_question_ms"]]),
        "ready_ms": _median([run["ready_ms"] for run in runs]),
        "bytes": _median([run["bytes"] for run in runs]),
    }


def profile_targets(profiles: dict) -> dict[str, dict]:
    """Every profile's reader reached the result with no fallback; the total waits within their limits."""
    if not profiles:
        return {}
    summaries = {key: profile_summary(profile) for key, profile in profiles.items()}
    clean = all(s["reached"] == s["n"] and s["fallbacks"] == 0 for s in summaries.values())
    targets = {"result_without_fallback": {"target": "every profile, every run", "value": clean, "met": clean}}
    for prefix, limits in (("total_wait_", WAIT_TARGETS), ("python_wait_", PYTHON_WAIT_TARGETS)):
        for name, target in limits.items():
            key = name.removeprefix(prefix)
            if key in summaries:
                value = summaries[key][f"{prefix}ms"]
                targets[name] = {"target": f"{target} ms", "value": value, "met": target.met(value)}
    return targets


LABELS = {
    "stock_ready": "Stock Pyodide: loadPyodide() resolved",
    "plain_shown": "Front page shown (max of FCP, DOMContentLoaded)",
    "guide_first_question": "Guide: first question answerable (painted, handler attached)",
    "guide_ready": "Guide: ready (engine imported)",
    "guide_step": "Guide: answer → next screen (every step)",
    "guide_result": "Guide: confirm → result screen",
    "stock_bytes": "Stock Pyodide: bytes on the wire",
    "guide_bytes": "Guide: bytes on the wire (whole walk)",
    "plain_bytes": "Front page: bytes on the wire",
}


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "B":
        return f"{value:,.0f} B"
    return f"{value / 1000:,.2f} s" if unit == "s" else f"{value:,.0f} ms"


def render_table(report: dict) -> str:
    """The report as Markdown: metrics, ratios against their targets, the bytes, then the profiles."""
    machine = report["machine"]
    lines = [
        f"Measured {report['date']} on {machine['cpu_model']}, {machine['cpus']} CPUs, "
        f"{machine['memory_gib']} GiB RAM, load average {report['load_average']['before'][0]:.2f} "
        f"(before) / {report['load_average']['after'][0]:.2f} (after); Chromium {report['chromium_version']}, "
        f"Pyodide {report['pyodide_version']}; {report['runs']} cold + {report['runs']} warm runs each.",
        f"Warm guide runs started from the kept snapshot: {_restored(report['raw'])}. "
        f"Compression: {report.get('compression', 'gzip')}.",
        "",
        "| Metric | Run | n | Median | p95 | Min–max |",
        "|---|---|--:|--:|--:|--:|",
    ]
    for name, entry in report["metrics"].items():
        key, _, phase = name.rpartition("_")
        unit = entry["unit"]
        lines.append(
            f"| {LABELS[key]} | {phase} | {entry['n']} | {_number(entry['median'], unit)} | "
            f"{_number(entry['p95'], unit)} | {_number(entry['min'], unit)}–{_number(entry['max'], unit)} |"
        )
    lines += ["", "| Ratio | Value | Target | Met |", "|---|--:|--:|---|"]
    for name in RATIOS:
        value, target = report[name], TARGETS.get(name)
        shown = f"{value:,.0f}" if name == "warm_bytes" else f"{value:.3f}"
        verdict = ("yes" if target.met(value) else "**no**") if target else "–"
        lines.append(f"| `{name}` | {shown} | {target or '–'} | {verdict} |")
    lines += ["", "| Guide, cold: where the bytes go | Median |", "|---|--:|"]
    for path, sent in heaviest(report["raw"], "guide", "cold"):
        lines.append(f"| `{path}` | {_number(sent, 'B')} |")
    if report.get("profiles"):
        lines += ["", *render_profiles(report)]
    return "\n".join(lines)


def render_profiles(report: dict) -> list[str]:
    """The reader's first visits: one row per profile (medians over its runs), then the targets."""
    reached = [run for profile in report["profiles"].values() for run in profile["runs"] if run["reached_result"]]
    reading = (
        f" The path has {len(reached[0]['waits'])} screens to answer, so reading alone takes "
        f"{len(reached[0]['waits']) * report['pace_seconds']:g} s after the first question."
        if reached else ""
    )
    lines = [
        f"A reader's first visit at {report['pace_seconds']:g} s per screen (unless the profile says otherwise), "
        f"{report['profile_runs']} run(s) per profile, medians (– where a run did not reach the result).{reading} "
        "Times from the guide's navigation start.",
        "",
        "| Profile | Network (down/up, latency), compression | CPU | Reading | Reached result | Fallback shown "
        "| First question | Guide ready | Result shown | Total wait after submits (max) | Longest wait "
        "| Waited for Python |",
        "|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for profile in report["profiles"].values():
        s = profile_summary(profile)
        stuck = f" ({s['errors']} stuck)" if s["errors"] else ""
        pace = profile.get("pace_seconds", report["pace_seconds"])
        reading = f"{pace:g} s a screen" + (
            f", {profile['front_page_s']:g} s on the front page first" if profile.get("front_page_s") else ""
        )
        lines.append(
            f"| {profile['label']} | {profile['network']}, {profile.get('compression', 'gzip')} | {profile['cpu']} | "
            f"{reading} | "
            f"{s['reached']} of {s['n']}{stuck} | "
            f"{s['fallbacks']} of {s['n']}{_at(s['fallback_ms'])} | {_number(s['first_question_ms'], 's')} | "
            f"{_number(s['ready_ms'], 's')} | "
            f"{_number(s['result_ms'], 's')} | {_number(s['total_wait_ms'], 's')} "
            f"({_number(s['total_wait_max_ms'], 's')}) | {_number(s['longest_wait_ms'], 's')} | "
            f"{_number(s['python_wait_ms'], 's')} |"
        )
    lines += render_front_page(report)
    lines += ["", "| Reader target | Measured | Target | Met |", "|---|--:|--:|---|"]
    for name, entry in report["profile_targets"].items():
        value = entry["value"]
        shown = ("yes" if value else "no") if isinstance(value, bool) else _number(value, "ms")
        lines.append(f"| `{name}` | {shown} | {entry['target']} | {'yes' if entry['met'] else '**no**'} |")
    return lines


def render_front_page(report: dict) -> list[str]:
    """What the front page costs a reader who never opens the guide, with and without Save-Data."""
    lines = []
    for profile in report["profiles"].values():
        visits = [run["front_page"] for run in profile["runs"] if run.get("front_page")]
        if not visits:
            continue
        bytes_ = statistics.median(visit["bytes"] for visit in visits)
        starts = [visit["prefetchStart"] - visit["load"] for visit in visits if visit["prefetchStart"] is not None]
        ends = [visit["prefetchEnd"] for visit in visits if visit["prefetchEnd"] is not None]
        low = all(visit["lowPriority"] for visit in visits)
        save = profile.get("save_data") or {}
        lines += [
            "",
            f"The front page ({profile['label']}, {profile['front_page_s']:g} s there, medians of {len(visits)}): "
            f"{_number(bytes_, 'B')} on the wire with the guide fetched ahead "
            f"({statistics.median(v['prefetched'] for v in visits):g} files"
            + (f", begun {statistics.median(starts):,.0f} ms after the page's load event" if starts else "")
            + (f", done {statistics.median(ends) / 1000:,.1f} s after navigation" if ends else "")
            + (", all at low priority" if low else ", **not all at low priority**")
            + "). With Save-Data: "
            + (f"{_number(save.get('bytes'), 'B')}, {save.get('prefetched', 0)} files fetched ahead." if save else "–"),
        ]
    return lines


def _at(ms: float | None) -> str:
    return "" if ms is None else f" (at {_number(ms, 's')})"


def _restored(runs: list[dict]) -> str:
    warm = [run["restored"] for run in runs if run["page"] == "guide" and run["phase"] == "warm"]
    return f"{sum(warm)} of {len(warm)}"


def heaviest(runs: list[dict], page: str, phase: str, count: int = 8) -> list[tuple[str, float]]:
    """The request paths that sent the most bytes in ``page``'s ``phase`` runs (median over runs)."""
    chosen = [run["bytes_by_path"] for run in runs if run["page"] == page and run["phase"] == phase]
    paths = {path for by_path in chosen for path in by_path}
    medians = {path: statistics.median(by_path.get(path, 0) for by_path in chosen) for path in paths}
    return sorted(medians.items(), key=lambda item: -item[1])[:count]


def machine() -> dict:
    """The machine the benchmark ran on."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total_kib = next((int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal:")), 0)
    return {
        "cpu_model": model,
        "cpus": os.cpu_count(),
        "cpus_available": len(os.sched_getaffinity(0)),
        "memory_gib": round(total_kib / 1024**2, 1),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }
