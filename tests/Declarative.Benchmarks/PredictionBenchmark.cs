using System.Diagnostics;
using System.Globalization;
using Declarative.Tests.Pipelines;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative.Benchmarks;

/// <summary>
/// Prediction cost against raw ML.NET on the same trained model, in the same process: single rows, batches of 10
/// and of 10,000, two threads, and (in child processes) cold start. Baselines: ML.NET's <c>PredictionEngine</c> for
/// rows and small batches (one engine, a loop), <c>Transform</c> + <c>CreateEnumerable</c> for the large batch. Each
/// figure is the minimum / median of seven timed rounds per side after three warm-up rounds, the sides alternating.
/// </summary>
internal static class PredictionBenchmark
{
    private const int SingleRows = 20_000;
    private const int SmallBatches = 2_000;

    public static void Run(string filter)
    {
        Console.WriteLine($"Times and ratios: min / median of {Rounds} rounds per side, the three sides alternating round by round.");
        Console.WriteLine("| model | case | scorer µs/row | ML.NET path µs/row | ML.NET µs/row | scorer ratio | ML.NET path ratio | scorer bytes/call | ML.NET bytes/call |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        if ("adult".Contains(filter, StringComparison.Ordinal))
        {
            var (model, engine) = BothPaths(AdultIncomeModel.Train(), AdultIncomeModel.Load);
            var rows = File.ReadLines("datasets/adult/adult.txt").Skip(1).Where(l => l.Length > 0).Take(10_000).Select(Adult.Parse).ToArray();
            Compare("adult (binary, LightGbm)", model.Pipeline.Model, rows, Ours(rows, model.Predict, model.Predict, p => p.Probability),
                Ours(rows, engine.Predict, engine.Predict, p => p.Probability), new MLContext(1), (BinaryOutput o) => o.Probability);
        }

        if ("taxi".Contains(filter, StringComparison.Ordinal))
        {
            var (model, engine) = BothPaths(TaxiFareModel.Train(), TaxiFareModel.Load);
            var rows = File.ReadLines("datasets/taxi-fare/taxi-fare-test.csv").Skip(1).Take(10_000).Select(ParseTaxi).ToArray();
            var inputs = rows.Select(t => new TaxiInput
            {
                Vendor = t.Vendor, RateCode = t.RateCode.ToString(CultureInfo.InvariantCulture), Passengers = t.Passengers,
                Seconds = t.Seconds, Distance = t.Distance, Payment = t.Payment,
            }).ToArray();
            Compare("taxi-fare (regression, FastTree)", model.Pipeline.Model, inputs, Ours(rows, model.Predict, model.Predict, p => p.Score),
                Ours(rows, engine.Predict, engine.Predict, p => p.Score), new MLContext(1), (RegressionOutput o) => o.Score);
        }

        if ("housing".Contains(filter, StringComparison.Ordinal))
        {
            var (model, engine) = BothPaths(HousingModel.Train(), HousingModel.Load);
            var houses = Enumerable.Range(0, 20).SelectMany(_ => File.ReadLines("datasets/housing/housing.txt").Skip(1)).Select(House.Parse).ToArray();
            var inputs = houses.Select(h => new HouseInput
            {
                CrimesPerCapita = h.CrimesPerCapita, PercentResidental = h.PercentResidental, PercentNonRetail = h.PercentNonRetail, CharlesRiver = h.CharlesRiver ? 1 : 0,
                NitricOxides = h.NitricOxides, RoomsPerDwelling = h.RoomsPerDwelling, PercentPre40s = h.PercentPre40s, EmploymentDistance = h.EmploymentDistance,
                HighwayDistance = h.HighwayDistance, TaxRate = h.TaxRate, TeacherRatio = h.TeacherRatio, BlackIndex = h.BlackIndex, PercentLowIncome = h.PercentLowIncome,
            }).ToArray();
            Compare("housing (regression, FastTree)", model.Pipeline.Model, inputs, Ours(houses, model.Predict, model.Predict, p => p.Score),
                Ours(houses, engine.Predict, engine.Predict, p => p.Score), new MLContext(1), (RegressionOutput o) => o.Score);
        }

        if ("iris".Contains(filter, StringComparison.Ordinal))
        {
            var (model, engine) = BothPaths(IrisStringModel.Train(), IrisStringModel.Load);
            var rows = Enumerable.Range(0, 100).SelectMany(_ => File.ReadLines("datasets/iris/iris.txt").Skip(1)).Select(ParseIris).ToArray();
            Compare("iris (multiclass, LightGbm)", model.Pipeline.Model, rows, Ours(rows, model.Predict, model.Predict, p => p.Scores[0]),
                Ours(rows, engine.Predict, engine.Predict, p => p.Scores[0]), new MLContext(1), (MulticlassOutput o) => o.Score[0]);
        }

        if ("wine".Contains(filter, StringComparison.Ordinal))
        {
            // A tuned multiclass ensemble: its members' class probabilities blended (ML.NET's side ends in a custom mapping).
            var (model, engine) = BothPaths(EnsembledWineModel.Train(), EnsembledWineModel.Load);
            var rows = Enumerable.Range(0, 60).SelectMany(_ => File.ReadLines("datasets/wine/wine_data.csv").Skip(1)).Select(Wine.Parse).ToArray();
            var members = string.Join(" + ", model.Ensemble.GroupBy(m => m.Trainer).Select(g => $"{g.Count()} {g.Key}"));
            // ML.NET reads the class label as text, as the pipeline's table holds it.
            var inputs = rows.Select(w => new WineInput
            {
                Alcohol = w.Alcohol, MalicAcid = w.MalicAcid, Ash = w.Ash, AlcalinityOfAsh = w.AlcalinityOfAsh, Magnesium = w.Magnesium, TotalPhenols = w.TotalPhenols,
                Flavanoids = w.Flavanoids, NonflavanoidPhenols = w.NonflavanoidPhenols, Proanthocyanins = w.Proanthocyanins, ColorIntensity = w.ColorIntensity,
                Hue = w.Hue, Od280Od315 = w.Od280Od315, Proline = w.Proline,
            }).ToArray();
            Compare($"wine (multiclass ensemble: {members})", model.Pipeline.Model, inputs, Ours(rows, model.Predict, model.Predict, p => p.Scores[0]),
                Ours(rows, engine.Predict, engine.Predict, p => p.Scores[0]), new MLContext(1), (MulticlassOutput o) => o.Score[0]);
        }
    }

    /// <summary>
    /// The trained model (predicting through the portable scorer) and the same model saved and loaded with
    /// <see cref="DeclarativeSwitches.UseMLNetEngine"/> on (predicting through ML.NET's engine, as before the scorer).
    /// </summary>
    private static (TModel Scorer, TModel Engine) BothPaths<TModel>(TModel trained, Func<string, TModel> load)
        where TModel : class, IDeclaredModel<TModel>
    {
        var path = Path.Combine(Path.GetTempPath(), $"declarative-bench-{Environment.ProcessId}.mlnet");
        trained.TrainedPipeline.Save(path);
        AppContext.SetSwitch(DeclarativeSwitches.UseMLNetEngine, true);
        try
        {
            return (trained, load(path));
        }
        finally
        {
            AppContext.SetSwitch(DeclarativeSwitches.UseMLNetEngine, false);
            File.Delete(path);
        }
    }

    /// <summary>Predicts n rows from index i with a model's own API: one <c>Predict(row)</c>, or one <c>Predict(rows)</c> batch.</summary>
    private static Func<int, int, float[]> Ours<TRow, TPrediction>(TRow[] rows, Func<TRow, TPrediction> single, Func<IEnumerable<TRow>, IEnumerable<TPrediction>> batch, Func<TPrediction, float> value) =>
        (i, n) => n == 1 ? [value(single(rows[i]))] : batch(new ArraySegment<TRow>(rows, i, n)).Select(value).ToArray();

    /// <summary>
    /// Cold start in child processes (min / median of <paramref name="repeats"/>, the four kinds alternating): from the process's own start to the first
    /// prediction, Declarative's <c>Load(path)</c> + <c>Predict</c> against ML.NET's <c>Model.Load</c> +
    /// <c>CreatePredictionEngine</c> + <c>Predict</c> of the same model saved as a plain ML.NET zip.
    /// </summary>
    public static void ColdStart(int repeats)
    {
        var work = Directory.CreateTempSubdirectory("declarative-cold").FullName;
        try
        {
            var model = AdultIncomeModel.Train();
            var ours = Path.Combine(work, "adult.mlnet");
            var theirs = Path.Combine(work, "adult.zip");
            model.Save(ours);
            var ml = new MLContext(1);
            ml.Model.Save(model.Pipeline.Model, Data.ViewSchema.For(AdultIncomeModel.Spec), theirs);

            Func<double> Child(string how, string path) => () => double.Parse(ScaleBenchmark.ChildLine("cold-child", how, path), CultureInfo.InvariantCulture);

            // M.Load() finds the model beside the app and checks its manifest first: put both there, as a build does.
            var besideApp = Path.Combine(AppContext.BaseDirectory, Artifacts.ModelArtifacts.ModelFileName(AdultIncomeModel.Spec.Name));
            var manifestPath = Path.Combine(AppContext.BaseDirectory, Artifacts.ModelArtifacts.ManifestFileName(AdultIncomeModel.Spec.Name));
            File.Copy(ours, besideApp, overwrite: true);
            var portablePath = Path.Combine(AppContext.BaseDirectory, Scoring.PortableModelFile.FileName(AdultIncomeModel.Spec.Name));
            // As the build writes it: the portable model, tied to the model file by its hash.
            Scoring.PortableModelFile.Write(((ITrainedPipeline)model.Pipeline).ToPortable() with { ModelHash = Artifacts.ArtifactHash.OfFile(besideApp) }, portablePath);

            new Artifacts.ModelManifest
            {
                Pipeline = AdultIncomeModel.Spec.Name, PipelineType = typeof(AdultIncomeModel).FullName!, Task = MLTask.BinaryClassification,
                DeclarationHash = AdultIncomeModel.Spec.DeclarationHash, SchemaHash = AdultIncomeModel.Spec.SchemaHash, DataFile = "adult.txt",
                DataHash = "0", ModelHash = Artifacts.ArtifactHash.OfFile(besideApp), PortableHash = Artifacts.ArtifactHash.OfFile(portablePath), Seed = 7, Trainer = Trainer.LightGbm, Hyperparameters = model.Pipeline.Hyperparameters,
                DeclarativeVersion = "0", MLNetVersion = "0", TestMetrics = model.Pipeline.TestMetricValues,
            }.Write(manifestPath);
            try
            {
                (string How, string Path, string Label)[] cases =
                [
                    ("declarative", ours, "Load(path) of a saved model (no portable model beside it)"),
                    ("declarative-beside-app", besideApp, "Load() beside the app, as the build leaves it (manifest, portable model)"),
                    ("declarative-mlnet", besideApp, "Load() beside the app, ML.NET engine (UseMLNetEngine)"),
                ];
                // ML.NET and the three Declarative cases alternate child by child.
                var runs = Alternating.Run(repeats, [Child("mlnet", theirs), .. cases.Select(c => Child(c.How, c.Path))]);
                var raw = Spread.Of(runs[0]);
                for (var i = 0; i < cases.Length; i++)
                {
                    var declarative = Spread.Of(runs[i + 1]);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| adult (binary, LightGbm) | cold start: {cases[i].Label} + first prediction, ms from process start | {declarative.Format("F0")} | | {raw.Format("F0")} | {declarative.Ratio(raw)} | | | |"));
                }
            }
            finally
            {
                File.Delete(besideApp);
                File.Delete(manifestPath);
                File.Delete(portablePath);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>In the child: loads and predicts one row, and prints the milliseconds since the process started.</summary>
    public static void ColdChild(string how, string path)
    {
        var row = new Adult { Age = 39, Workclass = "State-gov", Education = "Bachelors", EducationYears = 13, MaritalStatus = "Never-married", Occupation = "Adm-clerical", Relationship = "Not-in-family", Ethnicity = "White", Sex = "Male", HoursPerWeek = 40, NativeCountry = "United-States" };
        float probability;
        if (how == "declarative")
        {
            probability = AdultIncomeModel.Load(path).Predict(row).Probability;
        }
        else if (how == "declarative-beside-app")
        {
            probability = AdultIncomeModel.Load().Predict(row).Probability;
        }
        else if (how == "declarative-mlnet")
        {
            AppContext.SetSwitch(DeclarativeSwitches.UseMLNetEngine, true);
            probability = AdultIncomeModel.Load().Predict(row).Probability;
        }
        else
        {
            var ml = new MLContext(1);
            var transformer = ml.Model.Load(path, out _);
            probability = ml.Model.CreatePredictionEngine<Adult, BinaryOutput>(transformer).Predict(row).Probability;
        }

        using var process = Process.GetCurrentProcess();
        GC.KeepAlive(probability);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {(DateTime.Now - process.StartTime).TotalMilliseconds:R}"));
    }

    /// <summary>Times the cases for one model: Declarative's scorer (<paramref name="ours"/>), its ML.NET path (<paramref name="engine"/>) and raw ML.NET.</summary>
    private static void Compare<TInput, TOut>(
        string name, ITransformer transformer, TInput[] rows, Func<int, int, float[]> ours, Func<int, int, float[]> engine, MLContext ml, Func<TOut, float> value)
        where TInput : class
        where TOut : class, new()
    {
        var predictionEngine = ml.Model.CreatePredictionEngine<TInput, TOut>(transformer);

        // Parity first: the same model must give the same numbers every way.
        var mismatch = Enumerable.Range(0, 100).Max(i => Math.Max(Math.Abs(ours(i, 1)[0] - value(predictionEngine.Predict(rows[i]))), Math.Abs(engine(i, 1)[0] - value(predictionEngine.Predict(rows[i])))));
        if (mismatch > 1e-5)
        {
            throw new InvalidOperationException($"{name}: Declarative and ML.NET differ by {mismatch}.");
        }

        // Tiered compilation promotes hot methods in the background, with a delay that restarts while new methods are
        // compiled: without this warm-up the first case measured tier-0 code (single rows looked 2-3x slower than batches).
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < SingleRows * 5; i++)
            {
                ours(i % rows.Length, 1);
                engine(i % rows.Length, 1);
                value(predictionEngine.Predict(rows[i % rows.Length]));
            }

            Thread.Sleep(300);
        }

        Row(name, "single row", SingleRows,
            path => () => { for (var i = 0; i < SingleRows; i++) { path(i % rows.Length, 1); } },
            ours, engine, () => { for (var i = 0; i < SingleRows; i++) { value(predictionEngine.Predict(rows[i % rows.Length])); } }, SingleRows);
        Row(name, "batch of 10 (vs a PredictionEngine loop)", SmallBatches * 10,
            path => () => { for (var i = 0; i < SmallBatches; i++) { path(i * 10 % (rows.Length - 10), 10); } },
            ours, engine, () => { for (var i = 0; i < SmallBatches; i++) { for (var j = 0; j < 10; j++) { value(predictionEngine.Predict(rows[(i * 10 % (rows.Length - 10)) + j])); } } }, SmallBatches);
        Row(name, "batch of 10 (vs Transform)", SmallBatches * 10,
            path => () => { for (var i = 0; i < SmallBatches; i++) { path(i * 10 % (rows.Length - 10), 10); } },
            ours, engine, () => { for (var i = 0; i < SmallBatches; i++) { TransformBatch(ml, transformer, rows.Skip(i * 10 % (rows.Length - 10)).Take(10), value); } }, SmallBatches);
        var large = Math.Min(10_000, rows.Length);
        Row(name, $"batch of {large:N0} (vs Transform)", large,
            path => () => path(0, large),
            ours, engine, () => TransformBatch(ml, transformer, rows.Take(large), value), 1);
        Row(name, "single row, 2 threads (ML.NET: an engine per thread)", SingleRows,
            path => () => Parallel.For(0, 2, t => { for (var i = t; i < SingleRows; i += 2) { path(i % rows.Length, 1); } }),
            ours, engine, () => Parallel.For(0, 2, t =>
            {
                var own = ml.Model.CreatePredictionEngine<TInput, TOut>(transformer);
                for (var i = t; i < SingleRows; i += 2) { value(own.Predict(rows[i % rows.Length])); }
            }), 1);
    }

    private static float[] TransformBatch<TRow, TOut>(MLContext ml, ITransformer transformer, IEnumerable<TRow> rows, Func<TOut, float> value)
        where TRow : class
        where TOut : class, new() =>
        ml.Data.CreateEnumerable<TOut>(transformer.Transform(ml.Data.LoadFromEnumerable(rows)), reuseRowObject: false).Select(value).ToArray();

    private static void Row(string name, string @case, int rowsPerRound, Func<Func<int, int, float[]>, Action> round, Func<int, int, float[]> ours, Func<int, int, float[]> engine, Action theirs, int callsPerRound)
    {
        // The three sides alternate round by round (A B C A B C ...), after warm-up rounds of each.
        Action[] sides = [round(ours), round(engine), theirs];
        foreach (var side in sides)
        {
            for (var i = 0; i < 3; i++)
            {
                side();
            }
        }

        var measured = Alternating.Run(Rounds, sides.Select(side => (Func<(double Seconds, long Bytes)>)(() => Measure(side))).ToArray());
        var (oursTime, engineTime, theirTime) = (PerRow(measured[0]), PerRow(measured[1]), PerRow(measured[2]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {@case} | {oursTime.Format("F2")} | {engineTime.Format("F2")} | {theirTime.Format("F2")} | {oursTime.Ratio(theirTime)} | {engineTime.Ratio(theirTime)} | {measured[0][^1].Bytes / callsPerRound:N0} | {measured[2][^1].Bytes / callsPerRound:N0} |"));

        Spread PerRow((double Seconds, long Bytes)[] runs) => Alternating.Of(runs, r => r.Seconds * 1e6 / rowsPerRound);
    }

    /// <summary>Rounds per side, alternated.</summary>
    private const int Rounds = 7;

    /// <summary>The seconds one round takes and the bytes it allocates.</summary>
    private static (double Seconds, long Bytes) Measure(Action round)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        round();
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, GC.GetTotalAllocatedBytes(precise: true) - before);
    }


    private static TaxiTrip ParseTaxi(string line)
    {
        var f = line.Split(',');
        return new TaxiTrip
        {
            Vendor = f[0], RateCode = int.Parse(f[1], CultureInfo.InvariantCulture), Passengers = Number(f[2]), Seconds = Number(f[3]),
            Distance = Number(f[4]), Payment = f[5],
        };
    }


    private static IrisWithStringLabel ParseIris(string line)
    {
        var f = line.Split('\t');
        return new IrisWithStringLabel { SepalLength = Number(f[1]), SepalWidth = Number(f[2]), PetalLength = Number(f[3]), PetalWidth = Number(f[4]) };
    }

    private static float Number(string text) => float.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The taxi row as ML.NET's engine reads it: the rate code is a category, text in the model's schema.</summary>
    private sealed class TaxiInput
    {
        public string Vendor { get; set; } = "";

        public string RateCode { get; set; } = "";

        public float Passengers { get; set; }

        public float Seconds { get; set; }

        public float Distance { get; set; }

        public string Payment { get; set; } = "";

        public float Fare { get; set; }
    }

    /// <summary>The housing row as ML.NET's engine reads it: the flag and the integer are numbers in the model's schema.</summary>
    private sealed class HouseInput
    {
        public float MedianHomeValue { get; set; }

        public float CrimesPerCapita { get; set; }

        public float PercentResidental { get; set; }

        public float PercentNonRetail { get; set; }

        public float CharlesRiver { get; set; }

        public float NitricOxides { get; set; }

        public float RoomsPerDwelling { get; set; }

        public float PercentPre40s { get; set; }

        public float EmploymentDistance { get; set; }

        public float HighwayDistance { get; set; }

        public float TaxRate { get; set; }

        public float TeacherRatio { get; set; }

        public float BlackIndex { get; set; }

        public float PercentLowIncome { get; set; }
    }

    internal sealed class BinaryOutput
    {
        public bool PredictedLabel { get; set; }

        public float Probability { get; set; }

        public float Score { get; set; }
    }

    private sealed class RegressionOutput
    {
        public float Score { get; set; }
    }

    private sealed class WineInput
    {
        public float Alcohol { get; set; }

        public float MalicAcid { get; set; }

        public float Ash { get; set; }

        public float AlcalinityOfAsh { get; set; }

        public float Magnesium { get; set; }

        public float TotalPhenols { get; set; }

        public float Flavanoids { get; set; }

        public float NonflavanoidPhenols { get; set; }

        public float Proanthocyanins { get; set; }

        public float ColorIntensity { get; set; }

        public float Hue { get; set; }

        public float Od280Od315 { get; set; }

        public float Proline { get; set; }

        public string Cultivar { get; set; } = "";
    }

    private sealed class MulticlassOutput
    {
        public float[] Score { get; set; } = [];
    }
}
