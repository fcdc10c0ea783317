#!/usr/bin/env python3
"""statsmodels 0.13.5 (Debian python3-statsmodels) on the bundled series, the last horizon held out as Declarative's
forecaster holds it out: exponential smoothing (Holt-Winters forms and ETSModel by AICc), the Theta model and ARIMA
(a small order grid by AIC). Prints sMAPE and MASE (M4's definitions: MASE scaled by the in-sample seasonal naive's
error) for each, and the 80 % interval's coverage where statsmodels gives one. Run by tests/bench/forecasting.sh.

With a number of windows (tests/bench/forecasting-backtest.sh), the same models run again with the series cut 0, 1, …,
n − 1 horizons short, as the forecaster's backtest does, and it prints each model's own interval's coverage on the
last window and on the others pooled: how calibrated the models' intervals are beside the forecaster's conformal one.

With a covariate column (a number or true/false, known for the test part as the forecaster's covariates are), ARIMA
also runs with it as an exogenous regressor (regression with ARIMA errors), seasonal ((1, 0, 1) at the season) when the
season is at most 12: the peer for a forecaster that reads covariates.

With --series=<column> (a file of several series in long form), every model runs on each series and its sMAPE and MASE
are averaged over the series as M4 averages them (over the windows too with a number of windows); the interval's
coverage pools every series' points.

Usage: forecasting_peer.py <csv> <time column> <value column> <horizon> <season> [windows, 0 for one] [covariate column] [--series=<column>]
"""
import sys
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.arima.model import ARIMA
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.forecasting.theta import ThetaModel
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.filterwarnings("ignore")


def smape(y, f):
    d = np.abs(y) + np.abs(f)
    return float(np.mean(np.where(d == 0, 0, 200 * np.abs(y - f) / np.where(d == 0, 1, d))))


def mase(history, y, f, m):
    m = m if m > 1 and len(history) > m else 1
    scale = np.mean(np.abs(history[m:] - history[:-m]))
    return float(np.mean(np.abs(y - f)) / scale)


def peers(y, horizon, season, x=None):
    """Every peer model on y with its last horizon held out: (name, sMAPE, MASE, the 80 % interval's covered points or None).
    With x (a covariate over y's steps), ARIMA with x as its exogenous regressor too."""
    history, actual = y[:-horizon], y[-horizon:]
    m = season if season > 1 else None
    results = []

    def add(name, forecast, lower=None, upper=None):
        forecast = np.asarray(forecast, dtype=float)
        coverage = None if lower is None else int(np.sum((actual >= np.asarray(lower)) & (actual <= np.asarray(upper))))
        results.append((name, smape(actual, forecast), mase(history, actual, forecast, season), coverage))

    # Holt-Winters: every additive/multiplicative form, the lowest AICc.
    best = None
    for trend in (None, "add"):
        for damped in ((False, True) if trend else (False,)):
            for seasonal in ((None, "add", "mul") if m else (None,)):
                if seasonal == "mul" and history.min() <= 0:
                    continue
                try:
                    fit = ExponentialSmoothing(history, trend=trend, damped_trend=damped, seasonal=seasonal, seasonal_periods=m if seasonal else None,
                                               initialization_method="estimated").fit()
                except Exception:
                    continue
                if best is None or fit.aicc < best[0]:
                    best = (fit.aicc, f"ExponentialSmoothing({trend},{'damped' if damped else ''},{seasonal})", fit)
    add(best[1] + " by AICc", best[2].forecast(horizon))

    # ETSModel (state space) by AICc over the error, trend and season (multiplicative ones on a positive series), with
    # its 80 % interval.
    best = None
    positive = history.min() > 0
    for error in (("add", "mul") if positive else ("add",)):
        for trend in (None, "add"):
            for damped in ((False, True) if trend else (False,)):
                for seasonal in (((None, "add", "mul") if positive else (None, "add")) if m else (None,)):
                    try:
                        fit = ETSModel(pd.Series(history), error=error, trend=trend, damped_trend=damped, seasonal=seasonal, seasonal_periods=m if seasonal else None).fit(disp=False)
                    except Exception:
                        continue
                    if not np.isfinite(fit.aicc):
                        continue
                    if best is None or fit.aicc < best[0]:
                        best = (fit.aicc, f"ETSModel({error[0].upper()},{(trend or 'n')[0].upper()}{'d' if damped else ''},{(seasonal or 'n')[0].upper()})", fit)
    prediction = best[2].get_prediction(start=len(history), end=len(history) + horizon - 1).summary_frame(alpha=0.2)
    add(best[1] + " by AICc", prediction["mean"], prediction["pi_lower"], prediction["pi_upper"])

    # Theta (statsmodels' test decides the deseasonalizing).
    theta = ThetaModel(history, period=max(season, 1), deseasonalize=season > 1).fit()
    interval = theta.prediction_intervals(horizon, alpha=0.2)
    add("ThetaModel", theta.forecast(horizon), interval["lower"], interval["upper"])

    # ARIMA: orders (p, d, q) on a small grid, the lowest AIC (non-seasonal: a season of 48 is beyond SARIMA's reach here).
    best = None
    for p in range(0, 4):
        for d in (0, 1):
            for q in range(0, 3):
                try:
                    fit = ARIMA(history, order=(p, d, q)).fit()
                except Exception:
                    continue
                if best is None or fit.aic < best[0]:
                    best = (fit.aic, f"ARIMA({p},{d},{q})", fit)
    frame = best[2].get_forecast(horizon).summary_frame(alpha=0.2)
    add(best[1] + " by AIC", frame["mean"], frame["mean_ci_lower"], frame["mean_ci_upper"])

    if x is not None:
        # The same grid with the covariate as a regressor (its future values given, as the forecaster is given them),
        # with a seasonal (1, 0, 1) part where the season is short enough to fit.
        seasonal = (1, 0, 1, season) if 1 < season <= 12 else (0, 0, 0, 0)
        best = None
        for p in range(0, 4):
            for d in (0, 1):
                for q in range(0, 3):
                    try:
                        fit = ARIMA(history, exog=x[:-horizon], order=(p, d, q), seasonal_order=seasonal).fit()
                    except Exception:
                        continue
                    # A fit whose likelihood search did not converge can win on AIC with a degenerate model
                    # (a forecast of zeros here): it is not a fit.
                    if not fit.mle_retvals.get("converged", True):
                        continue
                    if best is None or fit.aic < best[0]:
                        best = (fit.aic, f"ARIMA({p},{d},{q}){'(1,0,1)' + str(season) if seasonal[3] else ''} with the covariate", fit)
        frame = best[2].get_forecast(horizon, exog=x[-horizon:]).summary_frame(alpha=0.2)
        add(best[1] + " by AIC", frame["mean"], frame["mean_ci_lower"], frame["mean_ci_upper"])

    return results


def windowed(series, xs, horizon, season, windows):
    """Every model on each series cut 0, 1, …, n − 1 horizons short (window 1 the test part), as the forecaster's
    backtest cuts them; windows stop where the shortest cut series is shorter than two seasons and three horizons.
    Returns the windows run, every model's results on window 1 per series (with the form each chose), each family's (sMAPE, MASE) per window
    (averaged over the series, as M4 averages), and each family's interval's covered points per window."""
    shortest = min(len(y) for y in series)
    count = max(1, min(windows, sum(1 for w in range(windows) if shortest - w * horizon >= 2 * season + 3 * horizon)))
    first, errors, covered = [], {}, {}
    for w in range(count):
        window = {}
        for y, x in zip(series, xs):
            results = peers(y[:len(y) - w * horizon], horizon, season, None if x is None else x[:len(x) - w * horizon])
            if w == 0:
                first.append(results)
            for name, s, ma, points in results:
                family = name.split("(")[0]
                window.setdefault(family, []).append((s, ma))
                if points is not None:
                    covered.setdefault(family, [0] * count)[w] += points
        for family, pairs in window.items():
            errors.setdefault(family, []).append((np.mean([p[0] for p in pairs]), np.mean([p[1] for p in pairs])))
    return count, first, errors, covered


def main():
    options = [a for a in sys.argv[1:] if a.startswith("--")]
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    series_col = next((o.split("=", 1)[1] for o in options if o.startswith("--series=")), None)
    path, time_col, value_col, horizon, season = args[0], args[1], args[2], int(args[3]), int(args[4])
    windows = int(args[5]) if len(args) > 5 else 0
    covariate = args[6] if len(args) > 6 else None
    data = pd.read_csv(path)
    if series_col is not None:
        series = [one[value_col].astype(float).to_numpy() for _, one in data.groupby(series_col, sort=False)]
        xs = [None] * len(series)
    else:
        # Missing values are interpolated linearly, as the forecaster's FillGaps does.
        series = [data[value_col].astype(float).interpolate(limit_direction="both").to_numpy()]
        xs = [None if covariate is None else data[covariate].map(lambda v: 1.0 if v is True or str(v).lower() == "true" else 0.0 if v is False or str(v).lower() == "false" else float(v)).to_numpy()]
    count, first, errors, covered = windowed(series, xs, horizon, season, windows)
    points = horizon * len(series)
    if windows == 0:
        if len(series) == 1:
            # One series: each model with the form it chose.
            for name, s, ma, hits in first[0]:
                print(f"| {name} | {s:.2f} | {ma:.3f} | {'' if hits is None else f'{hits / horizon:.1%}'} |")
            print(f"best sMAPE {min(r[1] for r in first[0]):.2f}, best MASE {min(r[2] for r in first[0]):.3f}")
            return
        for family, pairs in errors.items():
            coverage = f"{covered[family][0] / points:.1%}" if family in covered else ""
            print(f"| {family} (each series its own form) | {pairs[0][0]:.2f} | {pairs[0][1]:.3f} | {coverage} |")
        return

    # Each model family's own interval (the form chosen again on every window), window 1 the test part, and its
    # sMAPE and MASE averaged over every window, as the forecaster's selection backtest averages its own.
    for family, counts in covered.items():
        print(f"| {family} | {counts[0] / points:.1%} | {sum(counts[1:]) / (points * (count - 1)):.1%} ({points * (count - 1)} points) |")
    over = "" if len(series) == 1 else f", each window's mean over the {len(series)} series"
    print(f"Mean over the {count} windows (sMAPE / MASE{over}):")
    for family, pairs in errors.items():
        print(f"| {family} | {np.mean([p[0] for p in pairs]):.2f} | {np.mean([p[1] for p in pairs]):.3f} |")
    print("Window by window (sMAPE, window 1 first):")
    for family, pairs in errors.items():
        print(f"| {family} | {' '.join(f'{p[0]:.2f}' for p in pairs)} |")


if __name__ == "__main__":
    main()
