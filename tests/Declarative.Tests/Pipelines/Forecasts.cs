namespace Declarative.Tests.Pipelines;

/// <summary>NYC taxi passengers every 30 minutes (NAB): one series, a daily season of 48 steps.</summary>
public sealed class TaxiReading
{
    [Time, Column("timestamp")]
    public DateTime At { get; set; }

    [Label, Column("value")]
    public float Passengers { get; set; }
}

/// <summary>Yearly sunspot numbers: the time is an integer year (a step), no calendar season.</summary>
public sealed class SunspotYear
{
    [Time, Column("YEAR")]
    public int Year { get; set; }

    [Label, Column("SUNACTIVITY")]
    public double Activity { get; set; }
}

/// <summary>The next day of taxi demand, the model chosen on rolling origins.</summary>
[Forecasting<TaxiReading>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv", Horizon = 48)]
[Tune]
public partial class TaxiForecast;

/// <summary>
/// NAB's hourly office temperature (621 hours skipped, filled) with a weekly season declared: 168 steps, so the trees read
/// the nearest 48 lags and the three around the week, not all 336.
/// </summary>
[Forecasting<TaxiReading>(Data = "datasets/nab-ambient-temperature/ambient_temperature_system_failure.csv", Horizon = 24, Season = 168, FillGaps = true)]
public partial class AmbientWeeklyForecast;

/// <summary>The default model (the global LightGbm over lags) alone.</summary>
[Forecasting<TaxiReading>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv", Horizon = 48)]
public partial class TaxiDefaultForecast;

/// <summary>The next ten years of sunspots.</summary>
[Forecasting<SunspotYear>(Data = "datasets/sunspots/sunspots.csv", Horizon = 10)]
[Tune]
public partial class SunspotForecast;

/// <summary>The global trees on a short yearly series: fast enough to train twice.</summary>
[Forecasting<SunspotYear>(Data = "datasets/sunspots/sunspots.csv", Horizon = 10)]
[Trainers(Trainer.GlobalLightGbm)]
public partial class SunspotTreesForecast;

/// <summary>The same trees forecasting each of the ten years directly from the same history.</summary>
[Forecasting<SunspotYear>(Data = "datasets/sunspots/sunspots.csv", Horizon = 10, DirectTrees = true)]
[Trainers(Trainer.GlobalLightGbm)]
public partial class SunspotDirectTreesForecast;

/// <summary>ARIMA alone: its order chosen on the series as auto.arima chooses one.</summary>
[Forecasting<SunspotYear>(Data = "datasets/sunspots/sunspots.csv", Horizon = 10)]
[Trainers(Trainer.Arima)]
public partial class SunspotArimaForecast;

/// <summary>The optimised Theta model alone: theta, alpha and the first level fitted together.</summary>
[Forecasting<SunspotYear>(Data = "datasets/sunspots/sunspots.csv", Horizon = 10)]
[Trainers(Trainer.OptimizedTheta)]
public partial class SunspotOptimizedThetaForecast;

/// <summary>The combination alone: the median of the three models that did best on the rolling origins.</summary>
[Forecasting<SunspotYear>(Data = "datasets/sunspots/sunspots.csv", Horizon = 10)]
[Trainers(Trainer.ForecastCombination)]
public partial class SunspotCombinedForecast;

/// <summary>The same taxi half-hours with a DateTimeOffset time: read as the clock time it names.</summary>
public sealed class TaxiMoment
{
    [Time, Column("timestamp")]
    public DateTimeOffset At { get; set; }

    [Label, Column("value")]
    public float Passengers { get; set; }
}

/// <summary>The default model on the taxi series, the time a DateTimeOffset.</summary>
[Forecasting<TaxiMoment>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv", Horizon = 48)]
public partial class TaxiMomentForecast;

/// <summary>The same sunspot years with a long step.</summary>
public sealed class SunspotLongYear
{
    [Time, Column("YEAR")]
    public long Year { get; set; }

    [Label, Column("SUNACTIVITY")]
    public double Activity { get; set; }
}

/// <summary>The global trees on the sunspots, the year a long.</summary>
[Forecasting<SunspotLongYear>(Data = "datasets/sunspots/sunspots.csv", Horizon = 10)]
[Trainers(Trainer.GlobalLightGbm)]
public partial class SunspotLongTreesForecast;

/// <summary>Mauna Loa CO2 every week: dates as yyyyMMdd digits and 59 empty weeks, which FillGaps interpolates.</summary>
public sealed class Co2Week
{
    [Time, Column("date", Format = "yyyyMMdd")]
    public DateOnly Week { get; set; }

    [Label, Column("co2")]
    public float Ppm { get; set; }
}

/// <summary>The next quarter of weeks (13, M4's weekly horizon), the empty weeks filled.</summary>
[Forecasting<Co2Week>(Data = "datasets/co2/co2.csv", Horizon = 13, FillGaps = true)]
[Tune]
public partial class Co2Forecast;

/// <summary>The same without FillGaps: the first empty week is an error.</summary>
[Forecasting<Co2Week>(Data = "datasets/co2/co2.csv", Horizon = 13)]
public partial class Co2UnfilledForecast;

/// <summary>Eurostat's turnover index of electrical equipment, a month a row, each month written as its first day (Jan-1-1995).</summary>
public sealed class ElecEquipMonth
{
    [Time, Column("DATE", Format = "MMM-d-yyyy")]
    public DateOnly Month { get; set; }

    [Label, Column("STS.M.I7.W.TOVT.NS0016.4.000")]
    public float Turnover { get; set; }
}

/// <summary>The next year and a half (18 months, M4's monthly horizon), every model competing.</summary>
[Forecasting<ElecEquipMonth>(Data = "datasets/elec-equip/elec_equip.csv", Horizon = 18)]
[Tune]
public partial class ElecEquipForecast;

/// <summary>
/// Danish log real money a quarter a row (statsmodels' danish_data, 55 quarters), with what <c>dotnet declarative
/// init</c> writes for it: the other four columns, measured alongside, read up to the last quarter.
/// </summary>
public sealed class DanishQuarter
{
    [Time, Column(Format = "yyyy'Q'q")]
    public DateOnly Period { get; set; }

    [Label]
    public float Lrm { get; set; }

    [PastCovariate]
    public float Lry { get; set; }

    [PastCovariate]
    public float Lpy { get; set; }

    [PastCovariate]
    public float Ibo { get; set; }

    [PastCovariate]
    public float Ide { get; set; }
}

/// <summary>The next two years (8 quarters) of a short series, every model competing.</summary>
[Forecasting<DanishQuarter>(Data = "datasets/danish-money/data.csv", Horizon = 8)]
[Tune]
public partial class DanishMoneyForecast;

/// <summary>Five US real aggregates (GDP, consumption, ...) a quarter a row, each quarter written as pandas writes it (1959Q1).</summary>
public sealed class MacroQuarter
{
    [Time, Column("quarter", Format = "yyyy'Q'q")]
    public DateOnly Quarter { get; set; }

    [SeriesId, Column("series")]
    public string Series { get; set; } = "";

    [Label, Column("value")]
    public float Value { get; set; }
}

/// <summary>The next two years (8 quarters, M4's quarterly horizon) of each series, the default model.</summary>
[Forecasting<MacroQuarter>(Data = "datasets/us-macro/quarterly.csv", Horizon = 8)]
public partial class MacroQuarterForecast;

/// <summary>
/// US real GDP in a wide file (a quarter, then one column per series, as a spreadsheet holds them): the other four
/// series are measured alongside it, so known only up to the last quarter.
/// </summary>
public sealed class MacroWideQuarter
{
    [Time, Column(Format = "yyyy'Q'q")]
    public DateOnly Quarter { get; set; }

    [Label]
    public float Realgdp { get; set; }

    [PastCovariate]
    public float Realcons { get; set; }

    [PastCovariate]
    public float Realinv { get; set; }

    [PastCovariate]
    public float Realgovt { get; set; }

    [PastCovariate]
    public float Realdpi { get; set; }
}

/// <summary>The same file, the other series declared as covariates known ahead (what a wide file is not).</summary>
public sealed class MacroWideQuarterAhead
{
    [Time, Column(Format = "yyyy'Q'q")]
    public DateOnly Quarter { get; set; }

    [Label]
    public float Realgdp { get; set; }

    public float Realcons { get; set; }

    public float Realinv { get; set; }

    public float Realgovt { get; set; }

    public float Realdpi { get; set; }
}

/// <summary>The next eight quarters of GDP by the global trees, reading the other series up to the last quarter.</summary>
[Forecasting<MacroWideQuarter>(Horizon = 8)]
public partial class MacroWideForecast;

/// <summary>The same, reading the other series at the quarters forecast.</summary>
[Forecasting<MacroWideQuarterAhead>(Horizon = 8)]
public partial class MacroWideAheadForecast;

/// <summary>Taxi demand as several series (one per stretch of the year), to forecast each by its id.</summary>
public sealed class StretchReading
{
    [SeriesId]
    public string Stretch { get; set; } = "";

    [Time]
    public DateTime At { get; set; }

    [Label]
    public float Passengers { get; set; }
}

[Forecasting<StretchReading>(Horizon = 48)]
public partial class StretchForecast;

/// <summary>US births a day, and whether the day is a federal holiday: a covariate known ahead.</summary>
public sealed class BirthDay
{
    [Time, Column("date")]
    public DateTime Day { get; set; }

    [Label, Column("births")]
    public float Births { get; set; }

    [Column("holiday")]
    public bool Holiday { get; set; }
}

/// <summary>The same days, the holiday left out: the series' own history and the calendar only.</summary>
public sealed class BirthDayAlone
{
    [Time, Column("date")]
    public DateTime Day { get; set; }

    [Label, Column("births")]
    public float Births { get; set; }
}

/// <summary>The next two weeks of births, the global trees reading the holidays.</summary>
[Forecasting<BirthDay>(Data = "datasets/us-births/births.csv", Horizon = 14)]
public partial class BirthsForecast;

/// <summary>The next two weeks of births by the autoregression alone, a regression on the holidays with autoregressive errors.</summary>
[Forecasting<BirthDay>(Data = "datasets/us-births/births.csv", Horizon = 14)]
[Trainers(Trainer.Autoregression)]
public partial class BirthsArForecast;

/// <summary>The same without the holidays.</summary>
[Forecasting<BirthDayAlone>(Data = "datasets/us-births/births.csv", Horizon = 14)]
public partial class BirthsAloneForecast;
