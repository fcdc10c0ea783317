using System.Diagnostics;
using Declarative.Data;
using Declarative.Ensembles;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;

namespace Declarative.Tuning;

/// <summary>
/// Trains a pipeline end to end: loads and splits the data, chooses the configuration (pinned by a lock file, tuned,
/// or the first trainer with its defaults), refits it on the whole training part and scores the test part.
/// </summary>
internal static class ModelSelection
{
    /// <summary>The fitted model and how it was chosen.</summary>
    internal sealed record FitOutcome(MLContext Context, ITransformer Model, Trainer Trainer, IReadOnlyDictionary<string, string> Hyperparameters, IReadOnlyList<TrialResult> Trials)
    {
        /// <summary>The members of an ensemble, in leaderboard order (the best-ranked first); empty for a single model.</summary>
        public IReadOnlyList<EnsembleMember> Ensemble { get; init; } = [];
    }

    public static TrainingRun Train<TRow>(PipelineSpec<TRow> spec, ITaskTraining task, string? dataPath, TrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Train(spec, task, () => PipelineTrainer.LoadDeclared(spec, dataPath), options, () => TrialJob.For(spec, dataPath));
    }

    /// <summary>
    /// Trains on what <paramref name="load"/> reads: a file, rows in memory, or another source. <paramref name="job"/>
    /// tells trial workers elsewhere how to read the same data; without it the trials cannot leave this process.
    /// </summary>
    public static TrainingRun Train<TRow>(PipelineSpec<TRow> spec, ITaskTraining task, Func<TrainingData> load, TrainOptions? options = null, Func<TrialJob>? job = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate(task.LabelKind, task.LabelOptional, task.NeedsGroup);
        var stopwatch = Stopwatch.StartNew();
        var data = load();
        PipelineTrainer.RequireSomeText(spec, data);
        if (task.NeedsTwoClasses)
        {
            PipelineTrainer.RequireTwoClasses(spec, data);
        }
        else if (task.NeedsVaryingLabel)
        {
            PipelineTrainer.RequireVaryingLabel(spec, data, task.Task);
        }

        var fit = Fit(spec, task, data.TrainPart!, options, stopwatch, job);
        var (context, model, trainer, hyperparameters, trials) = fit;
        var predictions = model.Transform(new TableDataView(data.TestPart));
        var metrics = task.Evaluate(context, predictions, PipelineTrainer.LabelColumn(spec, task));
        var state = task.Learn(model, data.TrainPart!, spec.Options);
        return new TrainingRun(context, model, trainer, hyperparameters, trials, data, predictions, metrics, stopwatch.Elapsed) { State = state, Ensemble = fit.Ensemble };
    }

    /// <summary>
    /// Chooses the configuration (pinned, tuned on <paramref name="trainPart"/>, or the first trainer) and fits it on
    /// the whole part. <paramref name="started"/> is when the work began: a tuning time budget counts loading too.
    /// </summary>
    public static FitOutcome Fit<TRow>(
        PipelineSpec<TRow> spec, ITaskTraining task, IDataView trainPart, TrainOptions? options, Stopwatch? started = null, Func<TrialJob>? job = null)
    {
        Trainer trainer;
        IReadOnlyDictionary<string, string>? hyperparameters = null;
        IReadOnlyList<TrialResult> trials = [];
        IReadOnlyList<EnsembleMember> ensemble = [];
        if (options?.Pinned is { } pinned)
        {
            (trainer, hyperparameters, ensemble) = (pinned.Trainer, pinned.Hyperparameters, pinned.Ensemble);
        }
        else if (spec.Tuning is { } tuning)
        {
            var outcome = PipelineTuner.Tune(spec, task, tuning, trainPart, TrialExecution.For(tuning, options, job), options?.Progress, started);
            (trainer, hyperparameters, trials) = outcome.Best is { } best
                ? (best.Trainer, best.Hyperparameters, outcome.Trials)
                : (PipelineTuner.Cheapest(spec.Trainers), null, outcome.Trials); // the budget ended before any trial did
            ensemble = outcome.Ensemble is { } choice
                ? [.. choice.Picks.Select(p =>
                {
                    var trial = outcome.Trials.First(t => t.Number == p.Trial);
                    return new EnsembleMember(trial.Number, trial.Trainer, trial.Hyperparameters, p.Picks / (double)choice.Total);
                })]
                : [];
        }
        else
        {
            trainer = spec.Trainers[0];
        }

        if (ensemble.Count > 0)
        {
            return FitEnsemble(spec, task, trainPart, ensemble, trials);
        }

        // The final model is fitted on the whole training part, whatever tuning validated on, in a fresh context so
        // it is the same model whether or not (and however long) tuning ran before it.
        var (context, model) = PipelineTrainer.Fit(spec, task, trainPart, trainer, hyperparameters);
        return new FitOutcome(context, model, trainer, hyperparameters ?? new Dictionary<string, string>(), trials);
    }

    /// <summary>
    /// Refits each member of the chosen blend on the whole training part (each in its own fresh context, as a single
    /// model would be) and composes them; the trainer and hyperparameters reported are the best member's.
    /// </summary>
    private static FitOutcome FitEnsemble<TRow>(PipelineSpec<TRow> spec, ITaskTraining task, IDataView trainPart, IReadOnlyList<EnsembleMember> members, IReadOnlyList<TrialResult> trials)
    {
        var context = new MLContext(spec.Seed);
        var composed = EnsembleComposer.Fit(context, spec, task, members, trainPart);
        return new FitOutcome(context, composed, members[0].Trainer, members[0].Hyperparameters, trials) { Ensemble = members };
    }
}
