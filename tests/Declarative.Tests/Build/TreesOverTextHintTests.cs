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
    [Fact]
    public void TreesTunedBesideTheLinearTrainer_OnText_NameTheLinearTrainer()
    {
        var hint = TrainOperation.TreesOverText(TunedToxicityModel.Spec, Tuned(Trainer.LightGbm, Trainer.SdcaLogisticRegression, Trainer.LightGbm, Trainer.LightGbm));

        Assert.NotNull(hint);
        Assert.StartsWith("TunedToxicityModel tuned 3 of its 4 trials as tree ensembles over the n-grams of its [Text] property Text,", hint, StringComparison.Ordinal);
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
        Assert.Null(TrainOperation.TreesOverText(TunedToxicityModel.Spec, Tuned(Trainer.SdcaLogisticRegression, Trainer.SdcaLogisticRegression)));
        Assert.Null(TrainOperation.TreesOverText(TreeToxicityModel.Spec, Tuned(Trainer.LightGbm, Trainer.FastTree)));
        Assert.Null(TrainOperation.TreesOverText(TunedToxicityModel.Spec, Tuned(Trainer.LightGbm) with { PinnedBy = "TunedToxicityModel.tuning.json" }));
        Assert.Null(TrainOperation.TreesOverText(TunedToxicityModel.Spec, null));
    }

    [Fact]
    public void NumbersAlone_SayNothing()
    {
        IPipelineSpec tumors = TunedTumorModel.Spec;

        Assert.Null(tumors.NGramTextProperty);
        Assert.Null(TrainOperation.TreesOverText(tumors, Tuned(Trainer.LightGbm, Trainer.FastTree)));
    }

    private static TuningRecord Tuned(params Trainer[] trials) =>
        new("AreaUnderRocCurve", TunerKind.Auto, null, null, [.. trials.Select((t, i) => new TrialResult(i + 1, t, new Dictionary<string, string>(), 0.8, 0, 1, null))]);
}
