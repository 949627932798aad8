#!/usr/bin/env python3
"""Where a video's apparent diffusion coefficient comes from: by lag and by crowding.

Input: the tracks CSV written by ``./exotrace nta video --tracks-out FILE``
(columns frame, particle, x, y in pixels) and the ``--json`` output of the same
run (pixel size, frame rate, temperature, viscosity and the mean drift are read
from it). Needs numpy only.

Two tables, both on drift-corrected positions (the JSON's mean drift per frame,
a straight line in time):

1. Apparent D = MSD(n) / (4 n dt) at lags n = 1 .. 32 over the long tracks
   (at least --long positions), as the median and the mean over tracks, and the
   local slope (MSD(n2) - MSD(n1)) / (4 (n2 - n1) dt). Free diffusion with a
   localization error and motion blur gives a constant local slope from lag 1;
   a slope that still rises after several lags means the steps are correlated.
2. Apparent D at lags 1, 4 and 8 by the distance to the nearest other detection
   in the frame (the smaller of the window's two ends), in bands of pixels. A
   crowded band that moves faster than the isolated ones points at links that
   jump between neighbours.

Every diameter is Stokes-Einstein, d = kB T / (3 pi eta D), with the
temperature and viscosity exotrace used (the JSON's settings).

Exit status: 0 done, 2 bad input.
"""

import argparse
import csv
import json
import math
import sys

import numpy as np

KB = 1.380649e-23  # J/K, exact (SI 2019)
ZERO_C = 273.15
LAGS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32)
CROWDING_LAGS = (1, 4, 8)
BANDS_PX = ((0, 12), (12, 16), (16, 24), (24, math.inf))


class BadInput(Exception):
    pass


def read_tracks(path):
    """{particle: (frames, x, y)} sorted by frame; pixels."""
    rows = {}
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            missing = {"frame", "particle", "x", "y"} - set(reader.fieldnames or ())
            if missing:
                raise BadInput(f"{path}: no column {', '.join(sorted(missing))} (expected frame, particle, x, y)")
            for line, row in enumerate(reader, start=2):
                try:
                    rows.setdefault(int(row["particle"]), []).append((int(row["frame"]), float(row["x"]), float(row["y"])))
                except (TypeError, ValueError) as e:
                    raise BadInput(f"{path} row {line}: {e}") from e
    except OSError as e:
        raise BadInput(f"{path}: {e.strerror}") from e
    tracks = {}
    for particle, positions in rows.items():
        positions.sort()
        a = np.array(positions)
        tracks[particle] = (a[:, 0].astype(int), a[:, 1], a[:, 2])
    return tracks


def read_settings(path):
    try:
        with open(path, encoding="utf-8") as handle:
            result = json.load(handle)
        s = result["settings"]
        return {
            "pixel_um": s["pixelSizeNm"] / 1000.0,
            "dt": 1.0 / s["fps"],
            "kelvin": s["temperatureC"] + ZERO_C,
            "eta": s["viscosityMPaS"] * 1e-3,
            "drift_x": result.get("driftXPxPerFrame") or 0.0,
            "drift_y": result.get("driftYPxPerFrame") or 0.0,
        }
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise BadInput(f"{path}: not the --json output of exotrace nta video ({e})") from e


def diameter_nm(d, s):
    return KB * s["kelvin"] / (3 * math.pi * s["eta"] * d * 1e-12) * 1e9 if d > 0 else math.nan


def squared_displacements(frames, x, y, lag):
    """Squared displacements, um^2, between positions exactly `lag` frames apart (gaps respected), and the pair indices."""
    where = {f: i for i, f in enumerate(frames)}
    i = np.array([where[f] for f in frames if f + lag in where], dtype=int)
    if i.size == 0:
        return np.empty(0), i, i
    j = np.array([where[frames[k] + lag] for k in i], dtype=int)
    return (x[j] - x[i]) ** 2 + (y[j] - y[i]) ** 2, i, j


def corrected(tracks, s):
    out = {}
    for particle, (f, x, y) in tracks.items():
        out[particle] = (f, (x - s["drift_x"] * f) * s["pixel_um"], (y - s["drift_y"] * f) * s["pixel_um"])
    return out


def nearest_neighbour_px(tracks):
    """{particle: distances} to the nearest other detection in the same frame, px."""
    by_frame = {}
    for particle, (f, x, y) in tracks.items():
        for k in range(len(f)):
            by_frame.setdefault(f[k], []).append((particle, k, x[k], y[k]))
    nn = {p: np.full(len(f), np.inf) for p, (f, _, _) in tracks.items()}
    for entries in by_frame.values():
        xy = np.array([(e[2], e[3]) for e in entries])
        if len(entries) < 2:
            continue
        d2 = ((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2)
        np.fill_diagonal(d2, np.inf)
        nearest = np.sqrt(d2.min(axis=1))
        for (particle, k, _, _), d in zip(entries, nearest):
            nn[particle][k] = d
    return nn


def lag_table(tracks, s, long_positions):
    long_tracks = [t for t in tracks.values() if len(t[0]) >= long_positions]
    print(f"1. Apparent D by lag: {len(long_tracks)} tracks of at least {long_positions} positions, drift-corrected")
    if len(long_tracks) < 10:
        print("   too few long tracks; lower --long")
        return
    msd = np.full((len(long_tracks), len(LAGS)), np.nan)
    for t, (f, x, y) in enumerate(long_tracks):
        for c, lag in enumerate(LAGS):
            sq, _, _ = squared_displacements(f, x, y, lag)
            if sq.size:
                msd[t, c] = sq.mean()
    print("   lag   D median  D mean   d(median D), nm   local slope median  mean   d(median slope), nm")
    for c, lag in enumerate(LAGS):
        d = msd[:, c] / (4 * lag * s["dt"])
        line = f"   {lag:3d}   {np.nanmedian(d):.3f}     {np.nanmean(d):.3f}    {diameter_nm(np.nanmedian(d), s):7.0f}"
        if c > 0:
            slope = (msd[:, c] - msd[:, c - 1]) / (4 * (lag - LAGS[c - 1]) * s["dt"])
            line += f"           {np.nanmedian(slope):.3f}  {np.nanmean(slope):.3f}   {diameter_nm(np.nanmedian(slope), s):7.0f}"
        print(line)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tracks", required=True, help="tracks CSV from nta video --tracks-out")
    parser.add_argument("--json", required=True, help="--json output of the same nta video run")
    parser.add_argument("--long", type=int, default=150, help="positions for a track to count as long (default 150)")
    args = parser.parse_args(argv)
    try:
        if args.long < 2 * max(LAGS) + 1:
            raise BadInput(f"--long must be at least {2 * max(LAGS) + 1} positions to measure lag {max(LAGS)}")
        s = read_settings(args.json)
        tracks = read_tracks(args.tracks)
    except BadInput as e:
        print(f"bulk_water_diagnostics: {e}", file=sys.stderr)
        return 2
    positions = corrected(tracks, s)
    print(f"{len(tracks)} tracks; drift {s['drift_x']:.4f}, {s['drift_y']:.4f} px per frame removed; "
          f"{s['kelvin'] - ZERO_C:.1f} °C, viscosity {s['eta'] * 1e3:.4f} mPa·s")
    lag_table(positions, s, args.long)
    crowding_table(positions, tracks, s)
    return 0


def crowding_table(positions, raw, s):
    """Table 2: neighbours found on the detections as found (px), displacements from the corrected positions (um)."""
    nn = nearest_neighbour_px(raw)
    print("2. Apparent D (mean over windows) by the nearest other detection, px, at either end of the window")
    print("   band px     lag   windows   D       d, nm")
    for lo, hi in BANDS_PX:
        for lag in CROWDING_LAGS:
            values = []
            for particle, (f, x, y) in positions.items():
                sq, i, j = squared_displacements(f, x, y, lag)
                if sq.size:
                    m = np.minimum(nn[particle][i], nn[particle][j])
                    values.append(sq[(m >= lo) & (m < hi)])
            v = np.concatenate(values) if values else np.empty(0)
            if v.size == 0:
                print(f"   {lo:3g}-{hi:<5g}  {lag:3d}   {0:7d}   -")
                continue
            d = v.mean() / (4 * lag * s["dt"])
            print(f"   {lo:3g}-{hi:<5g}  {lag:3d}   {v.size:7d}   {d:.3f}   {diameter_nm(d, s):5.0f}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
