using System.Globalization;
using System.Text.Json;
using Declarative.Anomalies;

namespace Declarative.Benchmarks.Nab;

/// <summary>
/// A checkout of the Numenta Anomaly Benchmark (MIT): the data files under <c>data/</c>, the labelled windows in
/// <c>labels/combined_windows.json</c>, the profiles' weights in <c>config/profiles.json</c>, the thresholds NAB's
/// optimizer chose per detector in <c>config/thresholds.json</c>, and each detector's scores under <c>results/</c>.
/// </summary>
internal sealed class NabCorpus(string root)
{
    public string Root { get; } = root;

    /// <summary>The windows of every data file, by its path under <c>data/</c> (<c>realKnownCause/nyc_taxi.csv</c>).</summary>
    public IReadOnlyDictionary<string, AnomalyWindow[]> Windows { get; } = ReadWindows(Path.Combine(root, "labels", "combined_windows.json"));

    /// <summary>The cost matrix of each profile (standard, reward_low_FP_rate, reward_low_FN_rate).</summary>
    public IReadOnlyDictionary<string, NabProfile> Profiles { get; } = ReadProfiles(Path.Combine(root, "config", "profiles.json"));

    /// <summary>The threshold NAB's optimizer chose for <paramref name="detector"/> under <paramref name="profile"/>.</summary>
    public double Threshold(string detector, string profile)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, "config", "thresholds.json")));
        return json.RootElement.GetProperty(detector).GetProperty(profile).GetProperty("threshold").GetDouble();
    }

    /// <summary>The published normalized score of <paramref name="detector"/> under <paramref name="profile"/>.</summary>
    public double Published(string detector, string profile)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, "results", "final_results.json")));
        return json.RootElement.GetProperty(detector).GetProperty(profile).GetDouble();
    }

    /// <summary>A data file's rows: timestamps and values.</summary>
    public (long[] Times, double[] Values) Data(string file)
    {
        var rows = File.ReadLines(Path.Combine(Root, "data", file)).Skip(1).Select(l => l.Split(',')).ToArray();
        return (rows.Select(r => Time(r[0])).ToArray(), rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>The anomaly scores a detector's results file holds for a data file (its <c>anomaly_score</c> column).</summary>
    public (long[] Times, double[] Scores) Results(string detector, string file)
    {
        var path = Path.Combine(Root, "results", detector, Path.GetDirectoryName(file)!, $"{detector}_{Path.GetFileName(file)}");
        var lines = File.ReadLines(path).ToArray();
        var header = lines[0].Split(',');
        var time = Array.IndexOf(header, "timestamp");
        var score = Array.IndexOf(header, "anomaly_score");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        return (rows.Select(r => Time(r[time])).ToArray(), rows.Select(r => double.Parse(r[score], CultureInfo.InvariantCulture)).ToArray());
    }

    private static long Time(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks;

    private static Dictionary<string, AnomalyWindow[]> ReadWindows(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.EnumerateObject().ToDictionary(
            file => file.Name,
            file => file.Value.EnumerateArray().Select(w => new AnomalyWindow(Time(w[0].GetString()!), Time(w[1].GetString()!))).OrderBy(w => w.Start).ToArray(),
            StringComparer.Ordinal);
    }

    private static Dictionary<string, NabProfile> ReadProfiles(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p =>
        {
            var costs = p.Value.GetProperty("CostMatrix");
            return new NabProfile(p.Name, costs.GetProperty("tpWeight").GetDouble(), costs.GetProperty("fpWeight").GetDouble(), costs.GetProperty("fnWeight").GetDouble());
        }, StringComparer.Ordinal);
    }
}
