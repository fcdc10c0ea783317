using System.Collections.Immutable;
using System.Reflection;
using Declarative.Schema;
using Declarative.Training;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Transforms;

namespace Declarative.Scoring;

/// <summary>
/// Reads a trained ML.NET model into a <see cref="PortableModel"/>: the featurizer's means (by transforming a row of
/// missing values), one-hot values (slot names) and scales, and the predictor's weights or trees (through ML.NET's public
/// tree API). One-versus-all keeps its per-class models internal; they are read by reflection, pinned to ML.NET 5.0.1 by
/// a test. Whatever this does not recognize is a <see cref="NotSupportedException"/> naming it, never a guess.
/// </summary>
internal static class PortableModelReader
{
    public static PortableModel Read<TRow>(PipelineSpec<TRow> spec, ITransformer model, Trainer trainer, IReadOnlyList<string>? labelClasses, IReadOnlyList<EnsembleMember>? ensemble = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        if (ensemble is { Count: > 0 })
        {
            return ReadEnsemble(spec, model, labelClasses, ensemble);
        }

        if (spec.NGramText is { } text)
        {
            throw new NotSupportedException($"the [Text] property '{text.PropertyName}' is featurized by n-grams, which the portable scorer does not serve yet");
        }

        var steps = Flatten(model).ToArray();
        var inputSchema = Data.ViewSchema.For(spec);
        var output = model.GetOutputSchema(inputSchema);
        var numeric = spec.Features.Where(f => f.Kind is ColumnKind.Numeric or ColumnKind.Boolean or ColumnKind.DatePart).Select(f => f.PropertyName).ToArray();
        var categorical = spec.Features.Where(f => f.Kind == ColumnKind.Categorical)
            .Select(f => new PortableCategory(f.PropertyName, Data.ViewColumns.SlotNames(output[ColumnNames.Categorical(f.PropertyName)]))).ToArray();

        var slots = numeric.Length + categorical.Sum(c => c.Values.Count);
        if (output[ColumnNames.Features].Type is not VectorDataViewType { Size: var size } || size != slots)
        {
            throw new NotSupportedException($"the model's feature vector is not the {slots} slots the declaration gives");
        }

        var (scale, offset) = Scaling(steps, slots);
        var predictors = steps.OfType<IPredictionTransformer<object>>().ToArray();
        var predictor = predictors.FirstOrDefault()?.Model ?? throw new NotSupportedException("the model has no trainer");
        var calibrator = predictors.Skip(1).Select(p => p.Model).OfType<ICalibrator>().FirstOrDefault();

        var perClass = TaskDefinitions.For(spec.Task).Scores == ScoreLayout.PerClass;
        var (outputs, classScores) = perClass
            ? Multiclass(predictor)
            : ([Single(predictor, calibrator)], ClassScores.Raw);

        return new PortableModel
        {
            Pipeline = spec.Name,
            Task = spec.Task,
            SchemaHash = spec.SchemaHash,
            Trainer = trainer,
            LabelClasses = labelClasses,
            Classes = perClass ? Data.ViewColumns.SlotNames(output[ColumnNames.Score]) : null,
            Features = new PortableFeatures
            {
                Numeric = numeric,
                Means = numeric.Length == 0 ? [] : Means(spec, steps, numeric.Length),
                Categorical = categorical,
                Scale = scale,
                Offset = offset,
            },
            Outputs = outputs,
            ClassScores = classScores,
        };
    }

    /// <summary>
    /// An ensemble: each member read as a model of its own, then their shared featurization once (the members were fitted
    /// on the same rows, so their means and one-hot values agree; only their scaling differs) and each member's scaling,
    /// output and weight.
    /// </summary>
    private static PortableModel ReadEnsemble<TRow>(PipelineSpec<TRow> spec, ITransformer model, IReadOnlyList<string>? labelClasses, IReadOnlyList<EnsembleMember> ensemble)
    {
        var members = Ensembles.EnsembleComposer.Members(model, ensemble.Count).Select((m, i) => Read(spec, m, ensemble[i].Trainer, labelClasses)).ToArray();
        if (members.Length != ensemble.Count)
        {
            throw new NotSupportedException($"the ensemble's model holds {members.Length} members, not the {ensemble.Count} recorded");
        }

        var shared = members[0].Features;
        foreach (var member in members.Skip(1))
        {
            var features = member.Features;
            if (!features.Numeric.SequenceEqual(shared.Numeric) || !features.Means.SequenceEqual(shared.Means)
                || !features.Categorical.Select(c => (c.Property, string.Join("\u0001", c.Values))).SequenceEqual(shared.Categorical.Select(c => (c.Property, string.Join("\u0001", c.Values)))))
            {
                throw new NotSupportedException("the ensemble's members featurize rows differently");
            }

            if (!(member.Classes ?? []).SequenceEqual(members[0].Classes ?? []))
            {
                throw new NotSupportedException("the ensemble's members score different classes");
            }
        }

        return members[0] with
        {
            Features = shared with { Scale = null, Offset = null },
            Outputs = [],
            Members = [.. members.Select((m, i) => new PortableMember
            {
                Weight = ensemble[i].Weight,
                Trainer = ensemble[i].Trainer,
                Trial = ensemble[i].Trial,
                Hyperparameters = ensemble[i].Hyperparameters,
                Scale = m.Features.Scale,
                Offset = m.Features.Offset,
                Output = m.Classes is null ? m.Outputs.Single() : null,
                Outputs = m.Classes is null ? null : m.Outputs,
                ClassScores = m.ClassScores,
            })],
        };
    }

    private static IEnumerable<ITransformer> Flatten(ITransformer transformer) =>
        transformer is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [transformer];

    /// <summary>
    /// The replacement of each numeric slot: what the fitted model writes there for a row whose every value is missing
    /// (a one-row table, so no row type is compiled at run time).
    /// </summary>
    private static float[] Means<TRow>(PipelineSpec<TRow> spec, ITransformer[] steps, int count)
    {
        var replacer = Array.FindIndex(steps, s => s is MissingValueReplacingTransformer);
        if (replacer < 0)
        {
            throw new NotSupportedException("the model has no missing-value replacement of its numeric columns");
        }

        var columns = spec.Columns.Select(c => c.Storage switch
        {
            ColumnStorage.Single => new Data.TableColumn(c.PropertyName, [float.NaN]),
            ColumnStorage.Boolean => new Data.TableColumn(c.PropertyName, [false]),
            _ => new Data.TableColumn(c.PropertyName, [ReadOnlyMemory<char>.Empty]),
        }).ToArray();
        // Only the steps up to the replacement: binding the trainer too would cost more than the rest of this reading.
        var prefix = new TransformerChain<ITransformer>(steps[..(replacer + 1)]);
        var missing = prefix.Transform(new Data.TableDataView(new Data.DataTable(columns, 1)));
        var means = Data.ViewColumns.ReadFlat(missing, ColumnNames.NumericFeatures);
        return means.Length == count
            ? means.Select(v => (float)v).ToArray()
            : throw new NotSupportedException($"the model replaces missing values in {means.Length} numeric slots, not {count}");
    }

    private static (float[]? Scale, float[]? Offset) Scaling(ITransformer[] steps, int slots)
    {
        if (steps.OfType<NormalizingTransformer>().SingleOrDefault() is not { } normalizer)
        {
            return (null, null);
        }

        if (normalizer.GetNormalizerModelParameters(0) is not NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>> affine
            || affine.Scale.Length != slots)
        {
            throw new NotSupportedException("the model's normalizer is not a slot-wise affine one");
        }

        var offset = affine.Offset.IsDefaultOrEmpty || affine.Offset.All(o => o == 0) ? null : affine.Offset.ToArray();
        if (offset is not null && offset.Length != slots)
        {
            throw new NotSupportedException("the model's normalizer has offsets for another number of slots");
        }

        return (affine.Scale.ToArray(), offset);
    }

    /// <summary>Binary classification or regression: the predictor, unwrapped from its calibration when it has one.</summary>
    private static PortableOutput Single(object predictor, ICalibrator? calibrator)
    {
        if (predictor is CalibratedModelParametersBase calibrated)
        {
            return Single(calibrated.SubModel, calibrator ?? calibrated.Calibrator);
        }

        return Raw(predictor) with { Platt = Platt(calibrator) };
    }

    private static PlattScaling? Platt(ICalibrator? calibrator) =>
        Training.Calibration.Platt(calibrator) is var (slope, offset) ? new PlattScaling(slope, offset) : null;

    private static PortableOutput Raw(object predictor) => predictor switch
    {
        TreeEnsembleModelParameters trees => new PortableOutput
        {
            Trees = Trees(trees),
            Average = predictor is FastForestRegressionModelParameters,
            Exponentiate = predictor is FastTreeTweedieModelParameters,
        },
        LinearModelParameters linear => new PortableOutput
        {
            Weights = [.. linear.Weights],
            Bias = linear.Bias,
            Exponentiate = predictor is PoissonRegressionModelParameters,
        },
        _ => throw new NotSupportedException($"the predictor {predictor.GetType().Name} has no portable form"),
    };

    /// <summary>A tree ensemble's trees in portable form (a forecaster's global trees are stored so).</summary>
    internal static PortableTree[] Trees(TreeEnsembleModelParameters model) => model switch
    {
        TreeEnsembleModelParametersBasedOnRegressionTree r => r.TrainedTreeEnsemble.Trees.Select(Tree).ToArray(),
        TreeEnsembleModelParametersBasedOnQuantileRegressionTree q => q.TrainedTreeEnsemble.Trees.Select(Tree).ToArray(),
        _ => throw new NotSupportedException($"the tree ensemble {model.GetType().Name} has no portable form"),
    };

    private static PortableTree Tree(RegressionTreeBase tree)
    {
        var nodes = tree.NumberOfNodes;
        var categories = new IReadOnlyList<int>?[nodes];
        for (var i = 0; i < nodes; i++)
        {
            categories[i] = tree.CategoricalSplitFlags[i] ? [.. tree.GetCategoricalSplitFeaturesAt(i)] : null;
        }

        return new PortableTree
        {
            Left = [.. tree.LeftChild],
            Right = [.. tree.RightChild],
            Feature = [.. tree.NumericalSplitFeatureIndexes],
            Threshold = [.. tree.NumericalSplitThresholds],
            Categories = categories.Any(c => c is not null) ? categories : null,
            Leaves = [.. tree.LeafValues],
        };
    }

    /// <summary>Multiclass: maximum entropy's weight rows, or one-versus-all's per-class models and how it combines them.</summary>
    private static (PortableOutput[] Outputs, ClassScores Scores) Multiclass(object predictor)
    {
        if (predictor is MaximumEntropyModelParameters maxEnt)
        {
            VBuffer<float>[] weights = default!;
            maxEnt.GetWeights(ref weights, out var classes);
            var biases = maxEnt.GetBiases().ToArray();
            return (Enumerable.Range(0, classes).Select(k => new PortableOutput { Weights = weights[k].DenseValues().ToArray(), Bias = biases[k] }).ToArray(), ClassScores.LogSoftmax);
        }

        if (predictor is OneVersusAllModelParameters ova)
        {
            var (models, formula) = OneVersusAll.Read(ova);
            var scores = formula switch
            {
                "Softmax" => ClassScores.Softmax,
                "ProbabilityNormalization" => ClassScores.NormalizedProbabilities,
                "Raw" => ClassScores.Raw,
                _ => throw new NotSupportedException($"one-versus-all's output formula {formula} has no portable form"),
            };
            return (models.Select(m => scores == ClassScores.NormalizedProbabilities ? Single(m, null) : Raw(Uncalibrated(m))).ToArray(), scores);
        }

        throw new NotSupportedException($"the multiclass predictor {predictor.GetType().Name} has no portable form");
    }

    private static object Uncalibrated(object model) => model is CalibratedModelParametersBase calibrated ? calibrated.SubModel : model;

    /// <summary>
    /// One-versus-all's per-class models and output formula are internal to ML.NET (<c>SubModelParameters</c> and the
    /// implementation's <c>OutputFormula</c>); <c>PortableModelReaderTests</c> pins the names to the ML.NET version used.
    /// </summary>
    internal static class OneVersusAll
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        public static (object[] Models, string Formula) Read(OneVersusAllModelParameters ova)
        {
            var models = typeof(OneVersusAllModelParameters).GetProperty("SubModelParameters", Instance)?.GetValue(ova) is ImmutableArray<object> sub
                ? sub.ToArray()
                : throw new NotSupportedException("this version of ML.NET does not expose one-versus-all's per-class models as Declarative expects");
            var impl = typeof(OneVersusAllModelParameters).GetField("_impl", Instance)?.GetValue(ova);
            var formula = impl?.GetType().GetField("OutputFormula", Instance)?.GetValue(impl) is Enum f
                ? f.ToString()
                : throw new NotSupportedException("this version of ML.NET does not expose one-versus-all's output formula as Declarative expects");
            return (models, formula);
        }
    }
}
