#!/usr/bin/env python3
"""Compare exotrace's particle sizes with trackpy's MSD route on the same tracks.

Input: the tracks CSV written by ``./exotrace nta video --tracks-out FILE``
(columns frame, particle, x, y in pixels) and the ``--json`` output of the
same run. trackpy (and pandas) must be installed in this Python; nothing of
trackpy is re-implemented here. Without it the script says so and exits 3.

trackpy's route, as in its walkthrough: filter_stubs (exotrace's minimum track
length), compute_drift and subtract_drift (when exotrace subtracted drift), then
  - ensemble: emsd, a straight line over lags 2..max-lag (the lags of
    exotrace's modelCheck slope), and utils.fit_powerlaw (A/4 when n is near 1);
  - the same line with every track cut at its gaps: the steps exotrace sizes
    with (it drops the steps across gaps that its linking closed);
  - per particle: imsd, a straight line with intercept over each particle's
    measured lags 1..max-lag (at least 3), one diameter per particle, and
    D10/D50/D90 of those diameters (the naive histogram route).
trackpy's MSD is <x^2> + <y^2>, so MSD(t) = 4 D t + b in 2-D.

Exit status: 0 compared, 2 bad input, 3 trackpy not installed.
"""

import argparse
import csv
import importlib.util
import json
import math
import re
import sys

import numpy as np

TRACKPY_PIN = "trackpy==0.7"
KB = 1.380649e-23  # J/K, exact (SI 2019)
ZERO_C = 273.15
MIN_PARTICLE_LAGS = 3


class BadInput(Exception):
    pass


def water_viscosity_pa_s(celsius):
    """Vogel: eta = 2.414e-5 * 10^(247.8 / (T - 140)) Pa s, exotrace's default water model."""
    return 2.414e-5 * 10 ** (247.8 / (celsius + ZERO_C - 140))


def diameter_nm(d_um2_per_s, celsius):
    """Stokes-Einstein d = kB T / (3 pi eta D); D in um^2/s, d in nm (NaN unless D > 0)."""
    if not d_um2_per_s > 0:
        return math.nan
    eta = water_viscosity_pa_s(celsius)
    return KB * (celsius + ZERO_C) / (3 * math.pi * eta * d_um2_per_s * 1e-12) * 1e9


def positive(text):
    value = float(text)
    if not (value > 0 and math.isfinite(value)):
        raise argparse.ArgumentTypeError(f"must be a positive number, not {text}")
    return value


def liquid_water(text):
    value = float(text)
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"water is liquid from 0 to 100 °C, not {text}")
    return value


def max_lag(text):
    value = int(text)
    if not 3 <= value <= 100:
        raise argparse.ArgumentTypeError(f"must be 3 to 100 frames, not {text}")
    return value


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tracks", required=True, help="tracks CSV from --tracks-out")
    p.add_argument("--json", required=True, help="--json output of the same run")
    p.add_argument("--pixel-size-nm", required=True, type=positive)
    p.add_argument("--fps", required=True, type=positive)
    p.add_argument("--temperature-c", required=True, type=liquid_water)
    p.add_argument("--max-lag", type=max_lag, default=8, metavar="N",
                   help="largest lag for the MSD lines, frames (3-100; default 8, as exotrace's)")
    return p.parse_args(argv)


def read_exotrace(path):
    try:
        with open(path, encoding="utf-8") as f:
            result = json.load(f)
    except (OSError, ValueError) as e:
        raise BadInput(f"cannot read the exotrace JSON {path}: {e}") from e
    needed = ("d10Nm", "d50Nm", "d90Nm", "tracks", "settings")
    missing = [k for k in needed if not isinstance(result, dict) or k not in result]
    if missing:
        raise BadInput(f"{path} is not the --json output of exotrace nta video or size: "
                       f"no {', '.join(missing)}")
    return result


def check_tracks_header(path):
    try:
        with open(path, newline="", encoding="utf-8") as f:
            header = [c.strip() for c in next(csv.reader(f), [])]
    except OSError as e:
        raise BadInput(f"cannot read the tracks CSV {path}: {e}") from e
    missing = [c for c in ("frame", "particle", "x", "y") if c not in header]
    if missing:
        raise BadInput(f"{path}: no column {', '.join(missing)} in the header "
                       f"'{','.join(header)}'")


def settings_notes(args, settings):
    """Where the JSON's settings differ from the ones given here."""
    notes = []
    given = {"pixelSizeNm": args.pixel_size_nm, "fps": args.fps,
             "temperatureC": args.temperature_c}
    for key, value in given.items():
        stated = settings.get(key)
        if isinstance(stated, (int, float)) and not math.isclose(stated, value, rel_tol=1e-6):
            notes.append(f"the JSON's {key} is {stated}, here {value}: not the same run?")
    eta = settings.get("viscosityMPaS")
    ours = water_viscosity_pa_s(args.temperature_c) * 1e3
    if not notes and isinstance(eta, (int, float)) and not math.isclose(eta, ours, rel_tol=1e-3):
        notes.append(f"exotrace used η = {eta:.4f} mPa·s ({settings.get('viscositySource')}), "
                     f"this script {ours:.4f}: diameters differ by that ratio")
    return notes


def import_trackpy():
    if importlib.util.find_spec("trackpy") is None:
        print(f"compare_trackpy: trackpy is not installed for {sys.executable}; install it with "
              f"'{sys.executable} -m pip install {TRACKPY_PIN}' and run again "
              "(nothing was compared)", file=sys.stderr)
        sys.exit(3)
    try:
        import pandas
        import trackpy
    except ImportError as e:
        print(f"compare_trackpy: trackpy is installed but does not import: {e}", file=sys.stderr)
        sys.exit(1)
    return trackpy, pandas


def version_tuple(text):
    return tuple(int(part) for part in re.findall(r"\d+", text.split("+")[0])[:3])


def line_slope(x, y):
    return np.polyfit(np.asarray(x, float), np.asarray(y, float), 1)[0]


def emsd_line(em, fps):
    """D (um^2/s) from a straight line through trackpy's ensemble MSD at lags 2..max-lag."""
    lags = np.rint(em.index.values * fps)
    return line_slope(em.index.values[lags >= 2], em.values[lags >= 2]) / 4


def trackpy_routes(tp, pd, args, min_length, drift_corrected):
    mpp, fps, lag = args.pixel_size_nm / 1000, args.fps, args.max_lag
    t = pd.read_csv(args.tracks, usecols=["frame", "particle", "x", "y"])
    t = tp.filter_stubs(t, min_length).reset_index(drop=True)
    if t.empty:
        raise BadInput(f"no track of {args.tracks} has {min_length} positions")
    if drift_corrected:
        t = tp.subtract_drift(t.copy(), tp.compute_drift(t)).reset_index(drop=True)
    r = {"particles": t["particle"].nunique()}

    em = tp.emsd(t, mpp, fps, max_lagtime=lag)
    r["ensemble"] = emsd_line(em, fps)
    power = tp.utils.fit_powerlaw(em, plot=False)
    r["n"], r["power"] = float(power["n"].iloc[0]), float(power["A"].iloc[0]) / 4

    im = tp.imsd(t, mpp, fps, max_lagtime=lag)
    sizes = []
    for particle in im:
        msd = im[particle].dropna()
        if len(msd) >= MIN_PARTICLE_LAGS:
            d = line_slope(msd.index.values, msd.values) / 4
            sizes.append(diameter_nm(d, args.temperature_c))
    r["sizes"] = np.array([d for d in sizes if math.isfinite(d)])

    t = t.sort_values(["particle", "frame"])
    t["particle"] = (t.groupby("particle")["frame"].diff() != 1).cumsum().to_numpy()
    t = tp.filter_stubs(t, 2).reset_index(drop=True)
    r["pieces"] = t["particle"].nunique()
    r["cut"] = emsd_line(tp.emsd(t, mpp, fps, max_lagtime=lag), fps)
    return r


def row(label, tracks, d10=None, d50=None, d90=None, d_um2=None, ensemble=None):
    def cell(v, fmt):
        if isinstance(v, str):
            return v
        return format(v, fmt) if v is not None and math.isfinite(v) else "–"
    return (f"{label:<46}{cell(tracks, 'd'):>7}{cell(d10, '.1f'):>9}{cell(d50, '.1f'):>9}"
            f"{cell(d90, '.1f'):>9}{cell(d_um2, '.4f'):>10}{cell(ensemble, '.1f'):>10}")


def print_table(args, ex, r, tp, min_length):
    c, lags = args.temperature_c, f"lags 2-{args.max_lag}"
    print(f"exotrace ({ex['settings'].get('software', '?')}) vs trackpy {tp.__version__} "
          f"on {args.tracks}: {args.pixel_size_nm} nm/px, {args.fps} fps, {c} °C, "
          f"tracks of >= {min_length} positions")
    print(f"Stokes-Einstein d = kB·T / (3·π·η·D), kB = {KB} J/K, T = {c + ZERO_C:.2f} K, "
          f"η = 2.414e-5·10^(247.8/(T − 140)) Pa·s = {water_viscosity_pa_s(c) * 1e3:.4f} mPa·s "
          "(water, Vogel); 2-D MSD(t) = 4·D·t + b")
    print(row("route", "tracks", "D10 nm", "D50 nm", "D90 nm", "D µm²/s", "ens. nm"))
    print(row(f"exotrace size distribution ({ex.get('method', '?')})", ex["tracks"],
              ex["d10Nm"], ex["d50Nm"], ex["d90Nm"]))
    check = ex.get("modelCheck") or {}
    print(row("exotrace modelCheck MSD line, lags 2-8", check.get("tracks"),
              d_um2=check.get("msdSlopeDiffusionUm2PerS"),
              ensemble=check.get("msdSlopeDiameterNm")))
    ensembles = ((f"trackpy emsd, line over {lags}", r["particles"], r["ensemble"]),
                 (f"trackpy emsd, fit_powerlaw A/4 (n = {r['n']:.3f})", r["particles"],
                  r["power"]),
                 (f"trackpy emsd cut at gaps, line over {lags}", r["pieces"], r["cut"]))
    for label, tracks, d in ensembles:
        print(row(label, tracks, d_um2=d, ensemble=diameter_nm(d, c)))
    sizes = r["sizes"]
    p10, p50, p90 = np.percentile(sizes, [10, 50, 90]) if len(sizes) else (math.nan,) * 3
    print(row(f"trackpy imsd per particle, lags 1-{args.max_lag}", len(sizes), p10, p50, p90))
    print(f"per particle: {r['particles'] - len(sizes)} of {r['particles']} tracks dropped "
          f"(fewer than {MIN_PARTICLE_LAGS} measured lags, or a slope <= 0)")
    print(f"cut at gaps: the tracks' {r['pieces']} gap-free pieces, i.e. only the steps from one "
          "frame to the next, as exotrace sizes")
    if ex.get("method") == "ml":
        print("exotrace's ml route deconvolves the per-track spread: run it with "
              "--method histogram to compare D10/D50/D90 like with like")


def main(argv=None):
    args = parse_args(argv)
    try:
        ex = read_exotrace(args.json)
        check_tracks_header(args.tracks)
    except BadInput as e:
        print(f"compare_trackpy: {e}", file=sys.stderr)
        return 2
    for note in settings_notes(args, ex["settings"]):
        print(f"compare_trackpy: note: {note}", file=sys.stderr)
    tp, pd = import_trackpy()
    version = version_tuple(tp.__version__)
    if len(version) >= 2 and version < (0, 7):
        print(f"compare_trackpy: note: trackpy {tp.__version__}'s emsd counts lags that a gapped "
              f"track could not measure as 0 (fixed in 0.7; {TRACKPY_PIN})", file=sys.stderr)
    min_length = int(ex["settings"].get("minTrackLength") or 5)
    try:
        r = trackpy_routes(tp, pd, args, min_length, bool(ex.get("driftCorrected", True)))
    except BadInput as e:
        print(f"compare_trackpy: {e}", file=sys.stderr)
        return 2
    print_table(args, ex, r, tp, min_length)
    return 0


if __name__ == "__main__":
    sys.exit(main())
