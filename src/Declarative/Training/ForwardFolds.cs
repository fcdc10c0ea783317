using Microsoft.ML;

namespace Declarative.Training;

/// <summary>
/// Validation folds for time-ordered data: the rows (in time order) cut into k + 1 blocks, fold i trains on blocks
/// 0..i and validates on block i + 1, so no fold learns from the future it is scored on. A holdout is the last fifth.
/// </summary>
internal static class ForwardFolds
{
    public static IReadOnlyList<(IDataView Train, IDataView Validate)> Split(MLContext ml, IDataView ordered, int rows, int folds)
    {
        if (folds <= 1)
        {
            var cut = rows - Math.Max(1, rows / 5);
            return [(ml.Data.TakeRows(ordered, cut), ml.Data.SkipRows(ordered, cut))];
        }

        var block = rows / (folds + 1);
        return Enumerable.Range(0, folds).Select(i =>
        {
            var trainRows = (i + 1) * block;
            var end = i == folds - 1 ? rows : (i + 2) * block;
            return (ml.Data.TakeRows(ordered, trainRows), ml.Data.SkipRows(ml.Data.TakeRows(ordered, end), trainRows));
        }).ToArray();
    }
}
