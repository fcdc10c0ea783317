namespace Declarative;

/// <summary>A trained pipeline seen without its row and prediction types, for tools such as the build's training host.</summary>
public interface ITrainedPipeline
{
    /// <summary>The pipeline's name.</summary>
    string Name { get; }

    /// <summary>What reading the training data noticed (skipped rows, multi-line fields), for builds that write no report.</summary>
    internal IReadOnlyList<Evaluation.DataWarning> ReadingWarnings();

    /// <summary>The trainer that produced the model.</summary>
    Trainer Trainer { get; }

    /// <summary>The data file the model was trained on; <see langword="null"/> for a loaded model.</summary>
    string? DataPath { get; }

    /// <summary>How long loading, training and evaluating took; <see langword="null"/> for a loaded model.</summary>
    TimeSpan? TrainingTime { get; }

    /// <summary>The test metrics by ML.NET's property names (<c>AreaUnderRocCurve</c>, <c>RSquared</c>, ...); empty for a loaded model.</summary>
    IReadOnlyDictionary<string, double> TestMetricValues { get; }

    /// <summary>The tuned hyperparameters of the trainer (empty for defaults).</summary>
    IReadOnlyDictionary<string, string> Hyperparameters { get; }

    /// <summary>
    /// The members of a tuned ensemble and their weights, in leaderboard order (the first's trainer and hyperparameters are
    /// <see cref="Trainer"/> and <see cref="Hyperparameters"/>); empty when the model is one trained model.
    /// </summary>
    IReadOnlyList<EnsembleMember> Ensemble { get; }

    /// <summary>The tuning trials in the order they ran; empty when the pipeline did not tune.</summary>
    IReadOnlyList<Tuning.TrialResult> Trials { get; }

    /// <summary>
    /// The task's report on the held-out part of the data the model was trained on, or, given another file, on every
    /// row of it.
    /// </summary>
    Evaluation.EvaluationReport Evaluate(string? dataPath = null);

    /// <summary>Writes the model's HTML report.</summary>
    void SaveReport(string path);

    /// <summary>Saves the model to a file, written whole or not at all.</summary>
    void Save(string path);

    /// <summary>Saves the model as ONNX, written whole or not at all.</summary>
    void SaveOnnx(string path);

    /// <summary>The ML.NET model.</summary>
    Microsoft.ML.ITransformer Model { get; }

    /// <summary>The data the model was trained and tested on; <see langword="null"/> for a loaded model.</summary>
    internal Training.TrainingData? TrainedOn { get; }

    /// <summary>The model in the portable scorer's form; <see cref="NotSupportedException"/> saying why when it has none.</summary>
    internal Scoring.PortableModel ToPortable();

    /// <summary>For a bool label read from text: how the training file spelled [false, true]; null otherwise.</summary>
    internal IReadOnlyList<string>? LabelSpelling => null;
}
