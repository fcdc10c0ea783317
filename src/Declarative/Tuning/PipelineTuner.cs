using System.Diagnostics;
using Declarative.Ensembles;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Tuning;

/// <summary>What tuning found; no best when the time budget ended before any trial did.</summary>
internal sealed record TuningOutcome(IReadOnlyList<TrialResult> Trials, TrialResult? Best)
{
    /// <summary>The blend of trials that beat the best one on the out-of-fold rows; null when none did or none was wanted.</summary>
    public EnsembleChoice? Ensemble { get; init; }

    /// <summary>What selection read (the benchmark replays it with other checks); null when no ensemble was wanted.</summary>
    internal EnsembleInputs? Selection { get; init; }
}

/// <summary>The candidates of an ensemble, the labels of their out-of-fold rows, the folds' sizes and the metric.</summary>
internal sealed record EnsembleInputs(IReadOnlyList<EnsembleCandidate> Candidates, float[] Labels, int[] Folds, EnsembleMetric Metric)
{
    public EnsembleChoice? Select(EnsembleCheck check = EnsembleCheck.None) => EnsembleSelection.Select(Candidates, Labels, Metric, Folds, check);
}

/// <summary>Where a round of trials runs: side by side in this process, or on a cluster.</summary>
/// <param name="Concurrent">Trials at the same time in this process.</param>
/// <param name="Cluster">The cluster that runs them instead, with the job it is told.</param>
internal sealed record TrialExecution(int Concurrent, (ITrialCluster Cluster, TrialJob Job)? Cluster = null)
{
    /// <summary>The declaration's concurrency, unless the options override it; cores when neither says.</summary>
    public static TrialExecution For(TuningSpec tuning, TrainOptions? options, Func<TrialJob>? job)
    {
        var concurrent = options?.ConcurrentTrials ?? tuning.ConcurrentTrials;
        var execution = new TrialExecution(concurrent > 0 ? concurrent : Environment.ProcessorCount);
        if (options?.Cluster is not { } cluster)
        {
            return execution;
        }

        return job is null
            ? throw new NotSupportedException("Trials on a cluster read the data where they run: train from the data file or the declared database, not from rows in memory.")
            : execution with { Cluster = (cluster, job()) };
    }
}

/// <summary>
/// The tuning loop. Each candidate trainer has its own search space and tuner; which trainer runs the next trial is
/// chosen by estimated cost for improvement (the ECI idea of FLAML): trainers that improved recently for little cost,
/// or are close to the best, are likelier. Costs are estimated from work (rows, folds, trees, iterations), never
/// wall-clock time, so a trial budget and a seed give the same trials and winner on any machine.
/// Trials are proposed in rounds of <see cref="RoundSize"/> from the state after the previous round, run side by side
/// (or on a cluster), and their results applied in trial order: how many run at once changes nothing but the time.
/// </summary>
internal static class PipelineTuner
{
    /// <summary>Below this many training rows, trials are cross-validated (5 folds) unless Folds says otherwise.</summary>
    public const int CrossValidationRowLimit = 20_000;

    /// <summary>
    /// Trials proposed together. Fixed, not the number of cores, so that a seed gives the same trials on any machine;
    /// small, because a tuner learns only between rounds.
    /// </summary>
    public const int RoundSize = 4;

    /// <summary>How many folds validate a configuration: what the declaration says, else 5 below <see cref="CrossValidationRowLimit"/> rows and a holdout (1) from there.</summary>
    internal static int FoldCount(TuningSpec? tuning, long rows) =>
        tuning is { Folds: > 0 } ? tuning.Folds : rows < CrossValidationRowLimit ? 5 : 1;

    /// <summary>The error of a trial stopped because the time budget ended while it ran.</summary>
    public const string BudgetEnded = "stopped: the time budget ended";

    /// <summary>
    /// Tunes the pipeline on <paramref name="trainPart"/>. <paramref name="draws"/> picks the stream of random numbers the
    /// tuners and the choice of trainer draw from, the split and folds unchanged: 0 (every build) starts from the
    /// declaration's seed; the ensemble harness tries others to see how much a figure owes to its draws (docs/tuning.md).
    /// </summary>
    public static TuningOutcome Tune<TRow>(
        PipelineSpec<TRow> spec, ITaskTraining task, TuningSpec tuning, IDataView trainPart, TrialExecution execution, Action<TrialResult>? progress, Stopwatch? started = null, int draws = 0)
    {
        var evaluator = new TrialEvaluator<TRow>(spec, task, tuning, trainPart);
        var seed = spec.Seed + (draws * 7919); // a prime step, so a stream's per-trainer seeds (seed + i) do not meet another's
        var random = new Random(seed);
        var states = spec.Trainers.Distinct().Select((trainer, i) =>
        {
            var space = SearchSpace.For(trainer, tuning.Ranges);
            var tuner = Tuners.Create(Tuners.Resolve(tuning.Tuner, trainer), space.DefaultPoint, seed + i, tuning.MaxTrials);
            return new TrainerState(trainer, space, tuner);
        }).ToList();

        var trials = new List<TrialResult>();
        var budgetEnded = false;

        // A time budget counts from the start of the work (loading and featurizing included), and a trial running when
        // it ends is cancelled, not waited for.
        var clock = started ?? Stopwatch.StartNew();
        var budget = tuning.TimeBudgetSeconds > 0 ? TimeSpan.FromSeconds(tuning.TimeBudgetSeconds) : Timeout.InfiniteTimeSpan;
        TimeSpan Remaining() => budget == Timeout.InfiniteTimeSpan ? budget : budget - clock.Elapsed;
        for (var number = 1; number <= tuning.MaxTrials; number += RoundSize)
        {
            if (budget != Timeout.InfiniteTimeSpan && Remaining() <= TimeSpan.Zero)
            {
                budgetEnded = true;
                break;
            }

            var round = Propose(states, random, number, Math.Min(RoundSize, tuning.MaxTrials - number + 1));
            var results = Run(evaluator, execution, round.Select(r => r.Request).ToList(), Remaining);
            var stopped = false;
            for (var i = 0; i < round.Count; i++)
            {
                var (state, point, _) = round[i];
                var trial = results[i];
                trials.Add(trial);
                progress?.Invoke(trial);
                if (trial.Error == BudgetEnded)
                {
                    stopped = true; // cancelled by the budget: it tells the tuner nothing
                    continue;
                }

                var loss = trial.Metric is { } m ? (evaluator.LowerIsBetter ? m : -m) : double.PositiveInfinity;
                state.Tuner.Report(point, loss);
                state.Record(loss, trial.Cost);
            }

            if (stopped)
            {
                budgetEnded = true;
                break;
            }
        }

        // The budget can end before a trial does, or before the first round starts (loading and featurizing count):
        // no best trial then, and the caller fits the cheapest candidate (Cheapest).
        var succeeded = trials.Where(t => t.Succeeded).ToList();
        if (succeeded.Count == 0 && budgetEnded)
        {
            return new TuningOutcome(trials, null);
        }

        if (succeeded.Count == 0)
        {
            var reasons = trials.GroupBy(t => t.Trainer).Select(g => $"{g.Key}: {g.First().Error}");
            throw new InvalidOperationException($"Pipeline '{spec.Name}': none of {trials.Count} tuning trials succeeded. {string.Join("; ", reasons)}");
        }

        var best = evaluator.LowerIsBetter ? succeeded.MinBy(t => t.Metric)! : succeeded.MaxBy(t => t.Metric)!;
        var selection = evaluator.KeepsOutOfFold && (budget == Timeout.InfiniteTimeSpan || Remaining() > TimeSpan.Zero) ? Candidates(evaluator, task, succeeded, best) : null;
        return new TuningOutcome(trials, best) { Ensemble = selection?.Select(), Selection = selection };
    }

    /// <summary>
    /// What ensemble selection reads: the successful trials' out-of-fold scores, one candidate per distinct configuration. A trial
    /// that ran elsewhere (on a cluster) is scored again here: its scores are the same as they would have been here.
    /// </summary>
    private static EnsembleInputs Candidates<TRow>(TrialEvaluator<TRow> evaluator, ITaskTraining task, List<TrialResult> succeeded, TrialResult best)
    {
        var folds = evaluator.Labels(best.Trainer);
        var labels = folds.SelectMany(f => f).ToArray();
        var configurations = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<EnsembleCandidate>();
        foreach (var trial in succeeded.OrderBy(t => t.Number))
        {
            var configuration = $"{trial.Trainer}:{string.Join(";", trial.Hyperparameters.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}={h.Value}"))}";
            if (!configurations.Add(configuration))
            {
                continue;
            }

            var values = evaluator.OutOfFold(trial.Number)
                ?? (evaluator.Evaluate(new TrialRequest(trial.Number, trial.Trainer, trial.Hyperparameters), Timeout.InfiniteTimeSpan) is { Succeeded: true } ? evaluator.OutOfFold(trial.Number) : null);

            // Every flavour's folds hold the same rows in the same order (one seeded split of the same rows); the labels say so.
            // A score per row, or (multiclass) one per row and class: as many as every other candidate has.
            if (values is { Length: > 0 } && labels.Length > 0 && values.Length % labels.Length == 0 && (candidates.Count == 0 || values.Length == candidates[0].Values.Length)
                && evaluator.Labels(trial.Trainer).SelectMany(f => f).SequenceEqual(labels))
            {
                candidates.Add(new EnsembleCandidate(trial.Number, trial.Metric!.Value, values));
            }
        }

        // A holdout's rows are checked in five parts as the folds' would be.
        int[] parts = folds.Length > 1 ? [.. folds.Select(f => f.Length)] : [.. Enumerable.Range(0, 5).Select(k => ((k + 1) * labels.Length / 5) - (k * labels.Length / 5))];
        return new EnsembleInputs(candidates, labels, parts, EnsembleMetric.For(task.Task, evaluator.Metric, evaluator.Groups(best.Trainer))!);
    }

    /// <summary>A round's trials, from the state after the previous round: which trainer, and where its tuner points.</summary>
    private static List<(TrainerState State, double[] Point, TrialRequest Request)> Propose(List<TrainerState> states, Random random, int first, int count)
    {
        var round = new List<(TrainerState, double[], TrialRequest)>(count);
        var chosen = new HashSet<TrainerState>();
        for (var i = 0; i < count; i++)
        {
            var state = Choose(states, chosen, random);
            chosen.Add(state);
            var point = state.Tuner.Propose();
            round.Add((state, point, new TrialRequest(first + i, state.Trainer, state.Space.Decode(point))));
        }

        return round;
    }

    /// <summary>Runs a round where the execution says; the results in the round's order.</summary>
    private static IReadOnlyList<TrialResult> Run<TRow>(TrialEvaluator<TRow> evaluator, TrialExecution execution, List<TrialRequest> round, Func<TimeSpan> remaining)
    {
        if (execution.Cluster is var (cluster, job))
        {
            var left = remaining();
            using var deadline = left == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(Max(left, TimeSpan.Zero));
            try
            {
                return cluster.RunAsync(job, round, deadline.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return round.Select(r => new TrialResult(r.Number, r.Trainer, r.Hyperparameters, null, null, Cost(r.Trainer, r.Hyperparameters, evaluator.Rows, evaluator.FoldCount), BudgetEnded)).ToList();
            }
        }

        var results = new TrialResult[round.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, execution.Concurrent) };
        Parallel.For(0, round.Count, parallel, i => results[i] = evaluator.Evaluate(round[i], remaining()));
        return results;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Untried trainers first, in declared order (one not yet chosen for this round); then a draw weighted by 1 / ECI, where ECI grows with the cost spent
    /// since a trainer last improved (or its last trial's cost) and with its gap to the best loss of any trainer.
    /// </summary>
    private static TrainerState Choose(List<TrainerState> states, HashSet<TrainerState> chosen, Random random)
    {
        var untried = states.FirstOrDefault(s => s.Trials == 0 && !chosen.Contains(s));
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

    /// <summary>
    /// The candidate that costs least at its defaults (a linear trainer where there is one), the first on a tie: what is
    /// fitted when the time budget ended before any trial did, since the budget has shown there is little time.
    /// </summary>
    internal static Trainer Cheapest(IReadOnlyList<Trainer> trainers) =>
        trainers.MinBy(t => Cost(t, EmptyConfiguration, 1, 1));

    private static readonly IReadOnlyDictionary<string, string> EmptyConfiguration = new Dictionary<string, string>();

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
