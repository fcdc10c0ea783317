using System.Diagnostics;
using System.Globalization;
using System.Text;
using Declarative.Data;
using Declarative.Schema;
using Declarative.Training;
using Declarative.Tuning;
using Microsoft.ML;

namespace Declarative.Benchmarks;

/// <summary>One dataset's row of the results table.</summary>
internal sealed record BenchmarkRow(string Dataset, string Metric, IReadOnlyList<(string Name, double Value, TimeSpan Time)> Cells)
{
    public static readonly string[] TunerColumns = ["default", "random", "grid", "cost-frugal", "bayesian", "auto", "scikit-learn"];

    /// <summary>The table's columns (the tuner harness's unless a harness sets its own).</summary>
    public IReadOnlyList<string> Columns { get; init; } = TunerColumns;

    public static string HeaderOf(IReadOnlyList<string> columns) =>
        $"| dataset | metric | {string.Join(" | ", columns)} |\n|---|---|{string.Concat(columns.Select(_ => "---|"))}";

    public string Format() =>
        $"| {Dataset} | {Metric} | {string.Join(" | ", Columns.Select(c => Cells.FirstOrDefault(x => x.Name == c) is { Name: not null } cell ? string.Create(CultureInfo.InvariantCulture, $"{cell.Value:F4} ({cell.Time.TotalSeconds:F1} s)") : "n/a"))} |";
}

/// <summary>Runs every tuner on one dataset's holdout and scikit-learn on the same rows.</summary>
internal static class TunerBenchmark
{
    /// <summary>The seed of the split, the trainers and the tuners (third argument of the harness).</summary>
    public static int Seed { get; set; } = 1;

    public static BenchmarkRow Run<TRow>(string name, PipelineSpec<TRow> declared, int trials, string work)
    {
        var table = DelimitedFileLoader.Load(declared, declared.ResolveDataPath());
        var (train, test) = Split(table, 0.2, Seed);
        var metric = Declarative.Tasks.TaskProfiles.Predictive(declared.Task).HeadlineMetric;
        var cells = new List<(string, double, TimeSpan)>();

        cells.Add(("default", Measure(With(declared, [Trainer.LightGbm], null), train, test, metric, out var time), time));
        Console.WriteLine($"{name}: default LightGbm {cells[^1].Item2:F4}");
        // DECLARATIVE_TUNERS (say "random,cost-frugal") runs only those columns, to measure a new tuner against a few.
        var only = Environment.GetEnvironmentVariable("DECLARATIVE_TUNERS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var (column, kind) in new[] { ("random", TunerKind.Random), ("grid", TunerKind.Grid), ("cost-frugal", TunerKind.CostFrugal), ("bayesian", TunerKind.Bayesian), ("auto", TunerKind.Auto) })
        {
            if (only is not null && !only.Contains(column))
            {
                continue;
            }

            var spec = With(declared, Candidates(declared.Task), new TuningSpec { MaxTrials = trials, Tuner = kind });
            cells.Add((column, Measure(spec, train, test, metric, out time), time));
            Console.WriteLine($"{name}: {column} {cells[^1].Item2:F4} in {time.TotalSeconds:F1} s");
        }

        // scikit-learn gets the wall time of the default tuner (Auto); DECLARATIVE_SKLEARN=0 leaves it out.
        var budget = (cells.FirstOrDefault(c => c.Item1 == "auto") is { Item1: not null } d ? d : cells[^1]).Item3;
        if (Environment.GetEnvironmentVariable("DECLARATIVE_SKLEARN") != "0" && Sklearn(name, declared, train, test, budget, work) is { } peer)
        {
            cells.Add(("scikit-learn", peer.Value, peer.Time));
            Console.WriteLine($"{name}: scikit-learn {peer.Value:F4} in {peer.Time.TotalSeconds:F1} s");
        }

        return new BenchmarkRow(name, metric, cells);
    }

    /// <summary>The trainers <c>[Tune]</c> searches when a declaration names none (the task's definition says which).</summary>
    internal static Trainer[] Candidates(MLTask task) => [.. Schema.TaskDefinitions.For(task).TuningTrainers.Select(Enum.Parse<Trainer>)];

    internal static double Measure<TRow>(PipelineSpec<TRow> spec, DataTable train, DataTable test, string metric, out TimeSpan time) =>
        Measure(spec, train, test, metric, out time, out _);

    /// <summary>Tunes (or trains) on <paramref name="train"/> and scores <paramref name="test"/>; <paramref name="ensemble"/> is what the model blends.</summary>
    internal static double Measure<TRow>(PipelineSpec<TRow> spec, DataTable train, DataTable test, string metric, out TimeSpan time, out IReadOnlyList<EnsembleMember> ensemble)
    {
        var clock = Stopwatch.StartNew();
        var task = Declarative.Tasks.TaskProfiles.Predictive(spec.Task);
        var fit = ModelSelection.Fit(spec, task, new TableDataView(train), null);
        var value = PipelineTrainer.Metrics(fit.Context, spec, task, fit.Model.Transform(new TableDataView(test)))[metric];
        time = clock.Elapsed;
        ensemble = fit.Ensemble;
        return value;
    }

    internal static PipelineSpec<TRow> With<TRow>(PipelineSpec<TRow> spec, IReadOnlyList<Trainer> trainers, TuningSpec? tuning) => new()
    {
        Name = spec.Name,
        Task = spec.Task,
        DeclaringType = spec.DeclaringType,
        Label = spec.Label,
        GroupId = spec.GroupId,
        Features = spec.Features,
        DataPath = spec.DataPath,
        Format = spec.Format,
        Separator = spec.Separator,
        HasHeader = spec.HasHeader,
        TestFraction = spec.TestFraction,
        Seed = Seed,
        Trainers = trainers,
        Tuning = tuning,
    };

    /// <summary>A seeded permutation of the rows: the same holdout for every tuner and for scikit-learn.</summary>
    internal static (DataTable Train, DataTable Test) Split(DataTable table, double testFraction, int seed)
    {
        var order = Enumerable.Range(0, table.RowCount).ToArray();
        new Random(seed).Shuffle(order);
        var testCount = (int)Math.Round(table.RowCount * testFraction);
        return (Subset(table, order[testCount..]), Subset(table, order[..testCount]));
    }

    private static DataTable Subset(DataTable table, int[] rows) => table.Rows(rows);

    /// <summary>Writes the split as plain CSV and runs tests/bench/sklearn_peer.py on it; null when Python or scikit-learn is missing.</summary>
    private static (double Value, TimeSpan Time)? Sklearn<TRow>(string name, PipelineSpec<TRow> spec, DataTable train, DataTable test, TimeSpan budget, string work) =>
        Python("sklearn_peer.py", name, spec, train, test, budget, work);

    /// <summary>Writes the split as plain CSV and runs a peer script on it for <paramref name="budget"/>; null when Python or scikit-learn is missing.</summary>
    internal static (double Value, TimeSpan Time)? Python<TRow>(string script, string name, PipelineSpec<TRow> spec, DataTable train, DataTable test, TimeSpan budget, string work)
    {
        var trainPath = Path.Combine(work, name + ".train.csv");
        var testPath = Path.Combine(work, name + ".test.csv");
        WriteCsv(train, trainPath);
        WriteCsv(test, testPath);
        var kinds = string.Join(",", spec.Features.Select(f => $"{f.PropertyName}:{f.Kind}"));
        // Debian's python3-sklearn installs into the system interpreter, which a version manager on PATH may hide.
        var python = Environment.GetEnvironmentVariable("DECLARATIVE_PYTHON") ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, script), trainPath, testPath, spec.Task.ToString(), spec.Label!.PropertyName, kinds, budget.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture), Seed.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Split(' ');
            if (process.ExitCode != 0 || last is not { Length: 2 })
            {
                Console.WriteLine($"{name}: {script} failed: {stderr.Trim()}");
                return null;
            }

            return (double.Parse(last[0], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(last[1], CultureInfo.InvariantCulture)));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine($"{name}: python3 is not installed; scikit-learn skipped");
            return null;
        }
    }

    private static void WriteCsv(DataTable table, string path)
    {
        var builder = new StringBuilder();
        builder.AppendLine(string.Join(",", table.Columns.Select(c => c.Name)));
        for (var row = 0; row < table.RowCount; row++)
        {
            builder.AppendLine(string.Join(",", table.Columns.Select(c => c switch
            {
                { Singles: { } s } => float.IsNaN(s[row]) ? "" : s[row].ToString("R", CultureInfo.InvariantCulture),
                { Booleans: { } b } => b[row] ? "1" : "0",
                { IsText: true } t => "\"" + t.Text(row).ToString().Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
                _ => "",
            })));
        }

        File.WriteAllText(path, builder.ToString());
    }
}
