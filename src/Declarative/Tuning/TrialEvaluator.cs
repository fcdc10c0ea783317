using System.Collections.Concurrent;
using Declarative.Ensembles;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Declarative.Tuning;

/// <summary>
/// Validates configurations of one pipeline on its training part: featurizes once per flavour (trees take raw
/// features, linear trainers scaled ones, k-means standardized ones), caches it, splits it into folds, and scores a
/// trial on them. Build hosts and remote trial workers both use it, so a trial's metric is the same wherever it runs.
/// </summary>
internal sealed class TrialEvaluator<TRow>
{
    private readonly PipelineSpec<TRow> _spec;
    private readonly ITaskTraining _task;
    private readonly IDataView _trainPart;
    private readonly MLContext _ml;
    private readonly Dictionary<FeatureScaling, IReadOnlyList<(IDataView Train, IDataView Validate)>> _folds = [];
    private readonly Dictionary<FeatureScaling, float[][]> _labels = [];
    private readonly Dictionary<FeatureScaling, int[]> _groups = [];
    private readonly ConcurrentDictionary<int, float[]> _outOfFold = new();
    private readonly object _gate = new();

    public TrialEvaluator(PipelineSpec<TRow> spec, ITaskTraining task, TuningSpec tuning, IDataView trainPart)
    {
        _spec = spec;
        _task = task;
        _trainPart = trainPart;
        _ml = new MLContext(spec.Seed);
        Metric = tuning.MetricFor(task.HeadlineMetric);
        LowerIsBetter = task.LowerIsBetter(Metric);
        Rows = CountRows(trainPart);
        FoldCount = PipelineTuner.FoldCount(tuning, Rows);
        // The scores' size decides only when the declaration does not.
        KeepsOutOfFold = EnsembleRules.Wanted(task.Task, tuning, Metric, Rows, FoldCount, tuning.Ensemble is null ? ScoresPerRow() : 1);
    }

    /// <summary>How many scores a trial keeps per validation row: one, or one per class (a pass over the label alone).</summary>
    private int ScoresPerRow()
    {
        if (TaskDefinitions.For(_task.Task).Scores != ScoreLayout.PerClass || _spec.Label is not { } label)
        {
            return 1;
        }

        const string classes = "__dcl_Classes";
        var mapped = _ml.Transforms.Conversion.MapValueToKey(classes, label.PropertyName).Fit(_trainPart).GetOutputSchema(_trainPart.Schema);
        return mapped[classes].Type is KeyDataViewType { Count: > 0 and var count } ? (int)count : 1;
    }

    /// <summary>Whether trials keep their scores on the validation rows, for an ensemble.</summary>
    public bool KeepsOutOfFold { get; }

    /// <summary>A trial's scores on the validation rows (folds in order), in the ensemble's space; null when not kept.</summary>
    public float[]? OutOfFold(int trial) => _outOfFold.GetValueOrDefault(trial);

    /// <summary>The labels of the validation rows, fold by fold in the order of <see cref="OutOfFold"/>, for <paramref name="trainer"/>'s folds.</summary>
    public float[][] Labels(Trainer trainer)
    {
        FoldsFor(trainer);
        lock (_gate)
        {
            return _labels[TrainerFactory.Scaling(trainer)];
        }
    }

    /// <summary>
    /// Ranking: the group of each validation row, in the order of <see cref="OutOfFold"/>, for <paramref name="trainer"/>'s
    /// folds (each group's rows are in one fold); null for rows that stand alone.
    /// </summary>
    public int[]? Groups(Trainer trainer)
    {
        FoldsFor(trainer);
        lock (_gate)
        {
            return _groups.GetValueOrDefault(TrainerFactory.Scaling(trainer));
        }
    }

    /// <summary>The metric trials are scored by.</summary>
    public string Metric { get; }

    /// <summary>Whether a lower metric is better.</summary>
    public bool LowerIsBetter { get; }

    /// <summary>Rows in the training part.</summary>
    public long Rows { get; }

    /// <summary>Folds a trial is validated on (1: a holdout).</summary>
    public int FoldCount { get; }

    /// <summary>
    /// Scores one configuration: its mean metric over the folds, or the error that stopped it. <paramref name="within"/>
    /// bounds the trial's time (ML.NET is asked to stop when it passes; <see cref="PipelineTuner.BudgetEnded"/> then).
    /// Trainers that can use several threads get one: trials run side by side, and a trial's result must not depend
    /// on how many do.
    /// </summary>
    public TrialResult Evaluate(TrialRequest request, TimeSpan within)
    {
        var cost = PipelineTuner.Cost(request.Trainer, request.Hyperparameters, Rows, FoldCount);
        if (within != Timeout.InfiniteTimeSpan && within <= TimeSpan.Zero)
        {
            return Failed(request, cost, PipelineTuner.BudgetEnded);
        }

        // A fresh context per trial: a configuration's result depends on it alone, not on the trials before it.
        var context = new MLContext(_spec.Seed);
        var stopped = false;
        using var deadline = within == Timeout.InfiniteTimeSpan
            ? null
            : new Timer(_ => { stopped = true; TrialCancellation.Cancel(context); }, null, within, Timeout.InfiniteTimeSpan);
        try
        {
            var splits = FoldsFor(request.Trainer);
            var settings = TrainerFactory.OneThread(request.Trainer, request.Hyperparameters);
            var estimator = _task.CreateTrainer(context, request.Trainer, PipelineTrainer.Inputs(_spec, _task), settings);
            var values = new List<double>(splits.Count);
            var outOfFold = KeepsOutOfFold ? new List<float>() : null;
            for (var k = 0; k < splits.Count; k++)
            {
                var fitted = estimator.Fit(splits[k].Train);
                // Scored once when its scores are kept too: the metric and the scores read the same rows.
                var scored = outOfFold is null ? fitted.Transform(splits[k].Validate) : context.Data.Cache(fitted.Transform(splits[k].Validate));
                // A fold nothing can be measured on (one class of a binary or anomaly label: no ROC curve) is left out of
                // the mean; a metric that came out NaN (dropped from the metrics) fails the trial.
                var metrics = PipelineTrainer.Metrics(context, _spec, _task, scored);
                if (metrics.Count > 0)
                {
                    values.Add(metrics.TryGetValue(Metric, out var value) ? value : double.NaN);
                }

                outOfFold = outOfFold is null ? null : Keep(outOfFold, fitted, scored);
            }

            if (values.Count == 0)
            {
                return Failed(request, cost, $"{Metric} could be measured on no validation fold: each holds rows of one kind of the label '{_spec.Label?.ColumnName}' only; label more rows of the rarer kind, or validate on fewer folds");
            }

            if (outOfFold is not null && values.Count == splits.Count && values.All(double.IsFinite))
            {
                _outOfFold[request.Number] = [.. outOfFold];
            }

            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
            return double.IsFinite(mean)
                ? new TrialResult(request.Number, request.Trainer, request.Hyperparameters, mean, sd, cost, null)
                : Failed(request, cost, $"{Metric} is not a number");
        }
        catch (Exception) when (Volatile.Read(ref stopped))
        {
            // Cancelled by the budget (ML.NET throws from wherever the trainer was): the trial does not count.
            return Failed(request, cost, PipelineTuner.BudgetEnded);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Failed(request, cost, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Featurizes and splits for <paramref name="trainer"/>'s flavour, once; trials of a round call it side by side.</summary>
    public IReadOnlyList<(IDataView Train, IDataView Validate)> FoldsFor(Trainer trainer)
    {
        var scaling = TrainerFactory.Scaling(trainer);
        lock (_gate)
        {
            if (!_folds.TryGetValue(scaling, out var splits))
            {
                var featurized = _ml.Data.Cache(PipelineTrainer.Featurizer(_ml, _spec, _task, trainer).Fit(_trainPart).Transform(_trainPart));
                splits = _spec.OrderBy is not null
                    ? ForwardFolds.Split(_ml, featurized, (int)Rows, FoldCount)
                    : FoldCount == 1
                    ? [(_ml.Data.TrainTestSplit(featurized, 0.2, PipelineTrainer.SamplingKey(_spec), _spec.Seed) is var s ? (s.TrainSet, s.TestSet) : default)]
                    : _ml.Data.CrossValidationSplit(featurized, FoldCount, PipelineTrainer.SamplingKey(_spec), _spec.Seed).Select(f => (f.TrainSet, f.TestSet)).ToList();
                _folds[scaling] = splits;
                if (KeepsOutOfFold)
                {
                    _labels[scaling] = [.. splits.Select(f => ReadLabels(f.Validate).ToArray())];
                    if (_spec.RanksWithinGroups)
                    {
                        // The hashed group key (as the trainer reads it): equal keys are one query.
                        _groups[scaling] = [.. splits.SelectMany(f => f.Validate.GetColumn<uint>(ColumnNames.GroupKey)).Select(k => (int)k)];
                    }
                }
            }

            return splits;
        }
    }

    /// <summary>Adds a fold's scores in the ensemble's space; null (nothing kept for the trial) when the model has no such space.</summary>
    private List<float>? Keep(List<float> outOfFold, ITransformer fitted, IDataView scored)
    {
        EnsembleSpace space;
        try
        {
            space = EnsembleSpace.Of(_task.Task, fitted);
        }
        catch (NotSupportedException)
        {
            return null;
        }

        if (scored.Schema[ColumnNames.Score].Type is VectorDataViewType)
        {
            // Multiclass: each row's class probabilities, averaged as they are.
            foreach (var scores in scored.GetColumn<VBuffer<float>>(ColumnNames.Score))
            {
                outOfFold.AddRange(scores.DenseValues());
            }

            return outOfFold;
        }

        outOfFold.AddRange(scored.GetColumn<float>(ColumnNames.Score).Select(s => (float)space.Of(s)));
        return outOfFold;
    }

    /// <summary>A validation fold's labels as numbers (a bool as 1 or 0, a class key as its index from 0).</summary>
    private IEnumerable<float> ReadLabels(IDataView fold)
    {
        var name = PipelineTrainer.LabelColumn(_spec, _task)!;
        return fold.Schema[name].Type switch
        {
            BooleanDataViewType => fold.GetColumn<bool>(name).Select(b => b ? 1f : 0f),
            KeyDataViewType => fold.GetColumn<uint>(name).Select(k => k - 1f),
            _ => fold.GetColumn<float>(name),
        };
    }

    private static TrialResult Failed(TrialRequest request, double cost, string error) =>
        new(request.Number, request.Trainer, request.Hyperparameters, null, null, cost, error);

    private static long CountRows(IDataView data)
    {
        if (data.GetRowCount() is { } known)
        {
            return known; // a table's view knows; only other views are walked
        }

        long count = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            count++;
        }

        return count;
    }
}
