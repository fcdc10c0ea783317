using System.Diagnostics;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Tuning;

/// <summary>What tuning found; no best when the time budget ended before any trial did.</summary>
internal sealed record TuningOutcome(IReadOnlyList<TrialResult> Trials, TrialResult? Best);

/// <summary>
/// The tuning loop. Each candidate trainer has its own search space and tuner; which trainer runs the next trial is
/// chosen by estimated cost for improvement (the ECI idea of FLAML): trainers that improved recently for little cost,
/// or are close to the best, are likelier. Costs are estimated from work (rows, folds, trees, iterations), never
/// wall-clock time, so a trial budget and a seed give the same trials and winner on any machine.
/// </summary>
internal static class PipelineTuner
{
    /// <summary>Below this many training rows, trials are cross-validated (5 folds) unless Folds says otherwise.</summary>
    public const int CrossValidationRowLimit = 20_000;

    /// <summary>How many folds validate a configuration: what the declaration says, else 5 below <see cref="CrossValidationRowLimit"/> rows and a holdout (1) from there.</summary>
    internal static int FoldCount(TuningSpec? tuning, long rows) =>
        tuning is { Folds: > 0 } ? tuning.Folds : rows < CrossValidationRowLimit ? 5 : 1;

    /// <summary>The error of a trial stopped because the time budget ended while it ran.</summary>
    public const string BudgetEnded = "stopped: the time budget ended";

    public static TuningOutcome Tune<TRow>(
        MLContext ml, PipelineSpec<TRow> spec, ITaskTraining task, TuningSpec tuning, IDataView trainPart, Action<TrialResult>? progress, Stopwatch? started = null)
    {
        var metric = tuning.MetricFor(task.HeadlineMetric);
        var lowerIsBetter = task.LowerIsBetter(metric);
        var random = new Random(spec.Seed);
        var states = spec.Trainers.Distinct().Select((trainer, i) =>
        {
            var space = SearchSpace.For(trainer, tuning.Ranges);
            var tuner = Tuners.Create(tuning.Tuner, space.DefaultPoint, spec.Seed + i, tuning.MaxTrials);
            return new TrainerState(trainer, space, tuner);
        }).ToList();

        // Featurize once per flavour (trees take raw features, linear trainers scaled ones, k-means standardized ones) and cache it.
        var folds = new Dictionary<FeatureScaling, IReadOnlyList<(IDataView Train, IDataView Validate)>>();
        var rows = CountRows(trainPart);
        var foldCount = FoldCount(tuning, rows);
        IReadOnlyList<(IDataView, IDataView)> FoldsFor(Trainer trainer)
        {
            var normalize = TrainerFactory.Scaling(trainer);
            if (!folds.TryGetValue(normalize, out var splits))
            {
                var featurized = ml.Data.Cache(PipelineTrainer.Featurizer(ml, spec, task, trainer).Fit(trainPart).Transform(trainPart));
                splits = spec.OrderBy is not null
                    ? ForwardFolds.Split(ml, featurized, (int)rows, foldCount)
                    : foldCount == 1
                    ? [(ml.Data.TrainTestSplit(featurized, 0.2, PipelineTrainer.SamplingKey(spec), spec.Seed) is var s ? (s.TrainSet, s.TestSet) : default)]
                    : ml.Data.CrossValidationSplit(featurized, foldCount, PipelineTrainer.SamplingKey(spec), spec.Seed).Select(f => (f.TrainSet, f.TestSet)).ToList();
                folds[normalize] = splits;
            }

            return splits;
        }

        var trials = new List<TrialResult>();

        // A time budget counts from the start of the work (loading and featurizing included), and a trial running when
        // it ends is cancelled, not waited for.
        var clock = started ?? Stopwatch.StartNew();
        var budget = tuning.TimeBudgetSeconds > 0 ? TimeSpan.FromSeconds(tuning.TimeBudgetSeconds) : Timeout.InfiniteTimeSpan;
        for (var number = 1; number <= tuning.MaxTrials; number++)
        {
            if (budget != Timeout.InfiniteTimeSpan && clock.Elapsed >= budget)
            {
                break;
            }

            var state = Choose(states, random);
            var point = state.Tuner.Propose();
            var configuration = state.Space.Decode(point);
            var cost = Cost(state.Trainer, configuration, rows, foldCount);
            TrialResult trial;
            try
            {
                // A fresh context per trial: a configuration's result depends on it alone, not on the trials before it.
                var trialContext = new MLContext(spec.Seed);
                var splits = FoldsFor(state.Trainer);
                using var deadline = budget == Timeout.InfiniteTimeSpan
                    ? null
                    : new Timer(_ => TrialCancellation.Cancel(trialContext), null, Max(budget - clock.Elapsed, TimeSpan.Zero), Timeout.InfiniteTimeSpan);
                var estimator = task.CreateTrainer(trialContext, state.Trainer, PipelineTrainer.Inputs(spec, task), configuration);
                var values = splits
                    .Select(f => PipelineTrainer.Metrics(trialContext, spec, task, estimator.Fit(f.Item1).Transform(f.Item2))[metric])
                    .ToArray();
                var mean = values.Average();
                var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
                trial = double.IsFinite(mean)
                    ? new TrialResult(number, state.Trainer, configuration, mean, sd, cost, null)
                    : new TrialResult(number, state.Trainer, configuration, null, null, cost, $"{metric} is not a number");
            }
            catch (Exception e) when (budget != Timeout.InfiniteTimeSpan && clock.Elapsed >= budget && e is not OutOfMemoryException)
            {
                // Cancelled by the budget (ML.NET throws from wherever the trainer was): the trial does not count.
                trial = new TrialResult(number, state.Trainer, configuration, null, null, cost, BudgetEnded);
                trials.Add(trial);
                progress?.Invoke(trial);
                break;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                trial = new TrialResult(number, state.Trainer, configuration, null, null, cost, $"{e.GetType().Name}: {e.Message}");
            }

            var loss = trial.Metric is { } m ? (lowerIsBetter ? m : -m) : double.PositiveInfinity;
            state.Tuner.Report(point, loss);
            state.Record(loss, cost);
            trials.Add(trial);
            progress?.Invoke(trial);
        }

        var succeeded = trials.Where(t => t.Succeeded).ToList();
        if (succeeded.Count == 0 && trials.Any(t => t.Error == BudgetEnded))
        {
            return new TuningOutcome(trials, null);
        }

        if (succeeded.Count == 0)
        {
            var reasons = trials.GroupBy(t => t.Trainer).Select(g => $"{g.Key}: {g.First().Error}");
            throw new InvalidOperationException($"Pipeline '{spec.Name}': none of {trials.Count} tuning trials succeeded. {string.Join("; ", reasons)}");
        }

        var best = lowerIsBetter ? succeeded.MinBy(t => t.Metric)! : succeeded.MaxBy(t => t.Metric)!;
        return new TuningOutcome(trials, best);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Untried trainers first, in declared order; then a draw weighted by 1 / ECI, where ECI grows with the cost spent
    /// since a trainer last improved (or its last trial's cost) and with its gap to the best loss of any trainer.
    /// </summary>
    private static TrainerState Choose(List<TrainerState> states, Random random)
    {
        var untried = states.FirstOrDefault(s => s.Trials == 0);
        if (untried is not null)
        {
            return untried;
        }

        var best = states.Min(s => s.BestLoss);
        var scale = double.IsFinite(best) ? Math.Max(Math.Abs(best), 1e-6) : 1;
        var weights = states.Select(s =>
        {
            var gap = double.IsFinite(s.BestLoss) && double.IsFinite(best) ? (s.BestLoss - best) / scale : 10;
            var eci = Math.Max(s.CostSinceImprovement, s.LastCost) * (1 + (10 * gap));
            return 1 / Math.Max(eci, 1e-9);
        }).ToArray();

        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < states.Count; i++)
        {
            draw -= weights[i];
            if (draw <= 0)
            {
                return states[i];
            }
        }

        return states[^1];
    }

    /// <summary>Work units of a trial: rows × folds × what the trainer does per row (trees × depth, or passes).</summary>
    internal static double Cost(Trainer trainer, IReadOnlyDictionary<string, string> configuration, long rows, int folds)
    {
        double Get(string name, double fallback) =>
            configuration.TryGetValue(name, out var text) && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : fallback;

        var perRow = trainer switch
        {
            Trainer.LightGbm => Get("NumberOfIterations", 100) * Math.Log2(Get("NumberOfLeaves", 31) + 1),
            Trainer.FastTree or Trainer.FastTreeTweedie or Trainer.FastForest => Get("NumberOfTrees", 100) * Math.Log2(Get("NumberOfLeaves", 20) + 1),
            Trainer.SdcaLogisticRegression or Trainer.SdcaMaximumEntropy or Trainer.Sdca => Get("MaximumNumberOfIterations", 20),
            Trainer.AveragedPerceptron or Trainer.LinearSvm => Get("NumberOfIterations", 10),
            _ => 30, // L-BFGS: tens of passes
        };
        return rows * Math.Max(folds, 1) * perRow / 1e6;
    }

    private static long CountRows(IDataView data)
    {
        long count = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            count++;
        }

        return count;
    }

    private sealed class TrainerState(Trainer trainer, SearchSpace space, ITuner tuner)
    {
        public Trainer Trainer { get; } = trainer;

        public SearchSpace Space { get; } = space;

        public ITuner Tuner { get; } = tuner;

        public int Trials { get; private set; }

        public double BestLoss { get; private set; } = double.PositiveInfinity;

        public double LastCost { get; private set; }

        public double CostSinceImprovement { get; private set; }

        public void Record(double loss, double cost)
        {
            Trials++;
            LastCost = cost;
            if (loss < BestLoss)
            {
                BestLoss = loss;
                CostSinceImprovement = 0;
            }
            else
            {
                CostSinceImprovement += cost;
            }
        }
    }
}
