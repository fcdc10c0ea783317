using Declarative.Artifacts;
using Declarative.Build;
using Declarative.Schema;
using Declarative.Tests.Pipelines;
using Declarative.Tuning;

namespace Declarative.Tests.Build;

/// <summary>
/// A build that tuned tree ensembles over text n-grams beside the task's linear trainer says what declaring the linear
/// trainer alone would save; it says nothing when the trees were asked for alone, the text is not n-grams, or no tree ran.
/// </summary>
public sealed class TreesOverTextHintTests
{
    private static readonly Trainer[] Candidates =
        [Trainer.LightGbm, Trainer.FastTree, Trainer.FastForest, Trainer.SdcaLogisticRegression, Trainer.LbfgsLogisticRegression];

    [Fact]
    public void TreesTunedBesideTheLinearTrainer_OnText_NameTheLinearTrainer()
    {
        var hint = TrainOperation.TreesOverText(Comments(Candidates), Tuned(Trainer.LightGbm, Trainer.FastTree, Trainer.SdcaLogisticRegression, Trainer.LightGbm));

        Assert.NotNull(hint);
        Assert.StartsWith("ToxicityModel tuned 3 of its 4 trials as tree ensembles over the n-grams of its [Text] property Text,", hint, StringComparison.Ordinal);
        Assert.EndsWith("[Trainers(Trainer.SdcaLogisticRegression)] tunes the linear trainer alone", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void ABuildOfTheWikipediaComments_TunedWithTreesAndTheLinearTrainer_GivesTheHint()
    {
        using var temp = new TempDirectory();
        var result = ArtifactBuilder.Build(PipelineRegistry.For(typeof(TunedToxicityModel)), temp.Path, new ArtifactOptions { Report = false });

        var trials = result.Manifest.Tuning!.Trials;
        Assert.Equal([Trainer.LightGbm, Trainer.SdcaLogisticRegression], trials.Select(t => t.Trainer)); // each candidate's first trial
        Assert.StartsWith("TunedToxicityModel tuned 1 of its 2 trials as tree ensembles over the n-grams of its [Text] property Text,",
            TrainOperation.TreesOverText(TunedToxicityModel.Spec, result.Manifest.Tuning), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyLinearTrials_TreesAskedForAlone_OrAPinnedBuild_SayNothing()
    {
        Assert.Null(TrainOperation.TreesOverText(Comments(Candidates), Tuned(Trainer.SdcaLogisticRegression, Trainer.LbfgsLogisticRegression)));
        Assert.Null(TrainOperation.TreesOverText(Comments([Trainer.LightGbm, Trainer.FastTree]), Tuned(Trainer.LightGbm, Trainer.FastTree)));
        Assert.Null(TrainOperation.TreesOverText(Comments(Candidates), Tuned(Trainer.LightGbm) with { PinnedBy = "ToxicityModel.tuning.json" }));
        Assert.Null(TrainOperation.TreesOverText(Comments(Candidates), null));
    }

    [Fact]
    public void NumbersAlone_SayNothing()
    {
        IPipelineSpec tumors = TunedTumorModel.Spec;

        Assert.Null(tumors.NGramTextProperty);
        Assert.Null(TrainOperation.TreesOverText(tumors, Tuned(Trainer.LightGbm, Trainer.FastTree)));
    }

    /// <summary>The Wikipedia comments (a [Text] property) with the given candidates.</summary>
    private static PipelineSpec<Comment> Comments(Trainer[] trainers)
    {
        var declared = ToxicityModel.Spec;
        return new PipelineSpec<Comment>
        {
            Name = declared.Name,
            Task = declared.Task,
            DeclaringType = declared.DeclaringType,
            Label = declared.Label,
            Features = declared.Features,
            DataPath = declared.DataPath,
            Trainers = trainers,
        };
    }

    private static TuningRecord Tuned(params Trainer[] trials) =>
        new("AreaUnderRocCurve", TunerKind.Auto, null, null, [.. trials.Select((t, i) => new TrialResult(i + 1, t, new Dictionary<string, string>(), 0.8, 0, 1, null))]);
}
