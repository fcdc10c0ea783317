using Declarative.Schema;

namespace Declarative.Cli.Init;

/// <summary>
/// The trial budget <c>init</c> writes into <c>[Tune]</c>, by the rows it read: the first model a user sees is a tuned
/// one, in a build that stays a few minutes at most. Tuning cross-validates (5 folds) below 20,000 training rows and
/// scores a 20 % holdout above, so a trial costs about as much on either side of that line; past it, and past the rows
/// init reads, fewer trials.
/// </summary>
internal static class TuningBudget
{
    /// <summary>Rows from which the budget falls (where tuning moves from 5 folds to a holdout, give or take the test part).</summary>
    public const int CrossValidatedRows = 20_000;

    /// <summary>Below this many rows there is no tuning: a fold of a few rows may hold no row of a class, and no trial scores.</summary>
    public const int MinimumRows = 100;

    /// <summary>
    /// The trials for a file of <paramref name="rows"/> rows (<paramref name="more"/>: the file has more than were read);
    /// 0 for too few rows to tune.
    /// </summary>
    public static int Trials(int rows, bool more) => more ? 6 : rows < MinimumRows ? 0 : rows < CrossValidatedRows ? 20 : 12;

    /// <summary>
    /// The trainers the written declaration tunes, in words ("LightGbm, FastTree and Sdca"): what a <c>[Tune]</c> without
    /// <c>[Trainers]</c> searches for <paramref name="task"/>, or with <paramref name="text"/> (text or images) the linear
    /// trainer init names.
    /// </summary>
    public static string Trainers(MLTask task, bool text) => TaskDefinitions.For(task) switch
    {
        var d when text => d.TextTrainer,
        { TuningTrainers: { Length: > 1 } names } => string.Join(", ", names[..^1]) + " and " + names[^1],
        var d => d.DefaultTrainer,
    };

    /// <summary>
    /// Whether init names the task's linear trainer beside <c>[Tune]</c>: a text feature, where trees over thousands of
    /// n-gram columns make the first build 20-50 times as long for a few thousandths of the metric (docs/tuning.md).
    /// </summary>
    public static bool TunesLinearAlone(IEnumerable<ColumnGuess> columns) => columns.Any(c => c.Kind == ColumnKind.Text && c.IsFeature);

    /// <summary>
    /// The <c>[Trainers]</c> line init writes above <c>[Tune]</c> for <paramref name="what"/> ("text", "images"): the task's
    /// linear trainer, and what searching the trees too would cost (<paramref name="cost"/>, as measured).
    /// </summary>
    public static string LinearTrainerLine(MLTask task, string what, string cost) =>
        $"[Trainers(Trainer.{TaskDefinitions.For(task).TextTrainer})] // {what}: the linear trainer tunes in seconds; remove to search the trees too ({cost} the time)";

    /// <summary>
    /// The trainer init names for a file too short to tune (fewer than <see cref="MinimumRows"/> rows): the task's
    /// linear model for few rows (its definition's <c>FewRowsTrainer</c>), or null: a longer file, a text column whose
    /// default is linear already, a task that names none (forecasting).
    /// </summary>
    public static string? FewRowsTrainer(LabelGuess label, IEnumerable<ColumnGuess> columns, int rows, bool more) =>
        more || rows >= MinimumRows || TunesLinearAlone(columns)
            ? null
            : TaskDefinitions.For((MLTask)label.Task).FewRowsTrainer is { Length: > 0 } name ? name : null;

    /// <summary>Why that many, for the comment beside the attribute.</summary>
    public static string Why(int rows, bool more) => $"{(more ? "more than " : "")}{rows:N0} rows: {Trials(rows, more)} trials";
}
