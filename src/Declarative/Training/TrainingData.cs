using Declarative.Data;
using Microsoft.ML;

namespace Declarative.Training;

/// <summary>
/// The data of one training, loaded once: the table trained from (which the data profile reads), the training part
/// as a view over it, and the test part in memory (which evaluation scores and shuffles). The test part is a seeded
/// split of the table, or a separate source (<c>TestData</c>, test rows). Evaluation reuses it, so a build reads its
/// data once.
/// </summary>
/// <param name="Path">The data file, or a description of the rows (for reports and messages).</param>
/// <param name="Table">Every row read from the training source.</param>
/// <param name="TrainPart">The rows trained on; <see langword="null"/> when the whole source is a test set.</param>
/// <param name="TestPart">The rows scored.</param>
/// <param name="TestPath">The separate test file or rows, when the test part does not come from a split.</param>
internal sealed record TrainingData(string Path, DataTable Table, IDataView? TrainPart, DataTable TestPart, string? TestPath = null)
{
    /// <summary>Rows trained on.</summary>
    public int TrainRows => TrainPart is null ? 0 : TestPath is null ? Table.RowCount - TestPart.RowCount : Table.RowCount;
}
