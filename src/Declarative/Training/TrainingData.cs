using Declarative.Data;
using Microsoft.ML;

namespace Declarative.Training;

/// <summary>
/// The data of one training, loaded once: the whole table (which the data profile reads), the training part as a
/// view over it, and the test part in memory (which evaluation scores and shuffles). Evaluation reuses it, so a build
/// reads its data file once.
/// </summary>
/// <param name="Path">The data file.</param>
/// <param name="Table">Every row read.</param>
/// <param name="TrainPart">The rows trained on; <see langword="null"/> when the whole file is a test set.</param>
/// <param name="TestPart">The rows scored.</param>
internal sealed record TrainingData(string Path, DataTable Table, IDataView? TrainPart, DataTable TestPart)
{
    /// <summary>Rows trained on.</summary>
    public int TrainRows => TrainPart is null ? 0 : Table.RowCount - TestPart.RowCount;
}
