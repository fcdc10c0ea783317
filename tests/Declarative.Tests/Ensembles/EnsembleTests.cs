using Declarative.Scoring;
using Declarative.Tests.Pipelines;
using Microsoft.ML.Data;
using Xunit.Abstractions;

namespace Declarative.Tests.Ensembles;

/// <summary>Tuned ensembles on real data: chosen, saved, loaded and scored without ML.NET, as ML.NET scores them.</summary>
public sealed class EnsembleTests(ITestOutputHelper output)
{

    [Fact]
    public void BinaryEnsemble_IsAWeightedBlendOfTrials_LedByTheLeaderboardsFirst()
    {
        var model = TrainedModels.EnsembledTumor;
        Describe(model.Ensemble, model.TestMetrics.AreaUnderRocCurve);

        Assert.True(model.Ensemble.Count >= 2, "breast cancer's trials blend better than its best one");
        Assert.Equal(1.0, model.Ensemble.Sum(m => m.Weight), 12);
        Assert.All(model.Ensemble, m => Assert.InRange(m.Weight, 1.0 / 25, 1));
        Assert.Equal(model.Leaderboard[0].Number, model.Ensemble[0].Trial);
        Assert.Equal(model.Pipeline.Trainer, model.Ensemble[0].Trainer);
        Assert.All(model.Ensemble, m => Assert.Equal(model.Trials.Single(t => t.Number == m.Trial).Hyperparameters, m.Hyperparameters));
        Assert.Equal(model.Ensemble.Count, model.Ensemble.Select(m => m.Trial).Distinct().Count());
        Assert.True(model.TestMetrics.AreaUnderRocCurve > 0.98, $"AUC {model.TestMetrics.AreaUnderRocCurve}");
    }

    [Fact]
    public void PortableScorer_ScoresTheEnsembleAsMLNetDoes()
    {
        foreach (var pipeline in new ITrainedPipeline[] { TrainedModels.EnsembledTumor.Pipeline, TrainedModels.EnsembledHousing.Pipeline, TrainedModels.EnsembledWine.Pipeline })
        {
            var portable = pipeline.ToPortable();
            Assert.NotNull(portable.Members);
            Assert.Empty(portable.Outputs);
            Assert.Equal(pipeline.Ensemble.Select(m => m.Weight), portable.Members!.Select(m => m.Weight));
            foreach (var comparison in PortableModelCheck.Compare(pipeline.Model, portable, pipeline.TrainedOn!.TestPart))
            {
                output.WriteLine($"{pipeline.Name}: {comparison.Describe()}");
                Assert.True(comparison.Passed, $"{pipeline.Name}: {comparison.Describe()}");
            }
        }
    }

    [Fact]
    public void Regression_BlendsTreesAndALinearModel_OnTheirOwnScalings()
    {
        var model = TrainedModels.EnsembledHousing;
        Describe(model.Ensemble, model.TestMetrics.RSquared);

        Assert.True(model.Ensemble.Count >= 2);
        Assert.True(model.Pipeline.UsesPortableScorer);
        Assert.True(model.TestMetrics.RSquared > 0.8, $"R² {model.TestMetrics.RSquared}");
    }

    [Fact]
    public void Ranking_SearchesBothBoostedTrees_BlendsByNdcg_AndScoresAndExplainsTheBlendAsOne()
    {
        var model = TrainedModels.EnsembledSearch;
        Describe(model.Ensemble, model.TestMetrics.NormalizedDiscountedCumulativeGains[9]);

        // [Tune] without [Trainers] searches both boosted trees; the blend's selection ranks by the tuning metric, NDCG@10.
        Assert.Equal([Trainer.LightGbm, Trainer.FastTree], model.Trials.Select(t => t.Trainer).Distinct());
        Assert.True(model.Ensemble.Count >= 2, "yahoo-ltr's trials blend better than its best one on the out-of-fold queries");
        Assert.Equal(1.0, model.Ensemble.Sum(m => m.Weight), 12);
        Assert.Equal(model.Leaderboard[0].Number, model.Ensemble[0].Trial);
        Assert.True(model.TestMetrics.NormalizedDiscountedCumulativeGains[9] > 0.7, $"NDCG@10 {model.TestMetrics.NormalizedDiscountedCumulativeGains[9]}");

        ITrainedPipeline pipeline = model.Pipeline;
        var portable = pipeline.ToPortable();
        Assert.Equal(pipeline.Ensemble.Select(m => m.Weight), portable.Members!.Select(m => m.Weight));
        foreach (var comparison in PortableModelCheck.Compare(pipeline.Model, portable, pipeline.TrainedOn!.TestPart))
        {
            output.WriteLine(comparison.Describe());
            Assert.True(comparison.Passed, comparison.Describe());
        }

        for (var i = 0; i < 10; i++)
        {
            var row = new SearchResult { Features = [.. Enumerable.Range(0, 300).Select(f => (float)((i * 31 + f * 7) % 17) / 17)] };
            var explanation = model.Explain(row);
            Assert.Equal(explanation.Value, model.Predict(row).Score, 4);
            Assert.Equal(explanation.Value, explanation.BaseValue + explanation.Contributions.Sum(c => c.Value), 9);
        }

        var report = model.Evaluate();
        Assert.Equal(model.Ensemble, report.Ensemble, EnsembleComparer);
        Assert.InRange(report.BestMemberTestMetric!.Value, 0, 1); // NDCG@10 of the first member alone
        output.WriteLine($"the first member alone: {report.BestMemberTestMetric:F4}");
        Assert.Contains("<h2>Ensemble</h2>", Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.Predictive(MLTask.Ranking)), StringComparison.Ordinal);
    }

    [Fact]
    public void Multiclass_BlendsTheMembersClassProbabilities()
    {
        var model = TrainedModels.EnsembledWine;
        Describe(model.Ensemble, model.TestMetrics.LogLoss);

        Assert.True(model.Ensemble.Count >= 2, "wine's trials blend better by log-loss than its best one");
        Assert.Equal(1.0, model.Ensemble.Sum(m => m.Weight), 12);
        Assert.Equal(model.Leaderboard[0].Number, model.Ensemble[0].Trial);
        Assert.True(model.Pipeline.UsesPortableScorer);
        Assert.True(model.TestMetrics.MacroAccuracy > 0.9, $"macro accuracy {model.TestMetrics.MacroAccuracy}");

        // The blend's probabilities are each member's, weighted: they sum to one, and the predicted class is the highest.
        var rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "datasets/wine/wine_data.csv")).Skip(1).Select(Pipelines.Wine.Parse).ToArray();
        foreach (var row in rows.Take(40))
        {
            var prediction = model.Predict(row);
            Assert.Equal(1, prediction.Scores.Sum(), 5);
            Assert.Equal(model.Classes[Array.IndexOf(prediction.Scores, prediction.Scores.Max())], prediction.PredictedLabel);
        }

        // The report lists the members and the test metric of the first member alone beside the blend's.
        var report = model.Evaluate();
        Assert.Equal(model.Ensemble, report.Ensemble, EnsembleComparer);
        Assert.NotNull(report.BestMemberTestMetric);
        Assert.Contains("<h2>Ensemble</h2>", Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.Predictive(MLTask.MulticlassClassification)), StringComparison.Ordinal);

        // ML.NET's model (which the report's confusion matrix reads) predicts the first highest class too.
        ITrainedPipeline pipeline = model.Pipeline;
        var scored = pipeline.Model.Transform(new Declarative.Data.TableDataView(pipeline.TrainedOn!.TestPart));
        var keys = scored.GetColumn<uint>("PredictedLabel").ToArray();
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        Assert.Equal(scores.Select(s => (uint)Array.IndexOf(s, s.Max()) + 1), keys);

        // Saved and loaded (ML.NET's part gets its blend again from the metadata's weights), it predicts the same.
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = EnsembledWineModel.Load(stream);
        Assert.Equal(model.Ensemble, loaded.Ensemble, EnsembleComparer);
        Assert.Equal(model.TestMetrics.LogLoss, loaded.Evaluate().TestMetrics["LogLoss"], 9);
        foreach (var row in rows)
        {
            var (a, b) = (model.Predict(row), loaded.Predict(row));
            Assert.Equal(a.PredictedLabel, b.PredictedLabel);
            Assert.Equal(a.Scores, b.Scores);
        }
    }

    [Fact]
    public void Multiclass_MetadataListingOtherMembersThanTheChainHolds_IsAnErrorNamingTheFile()
    {
        // The blend is rebuilt at load from the metadata's members: one member fewer there must not blend the wrong columns.
        using var saved = new MemoryStream();
        TrainedModels.EnsembledWine.Save(saved);
        using var edited = new MemoryStream();
        using (var source = new System.IO.Compression.ZipArchive(new MemoryStream(saved.ToArray()), System.IO.Compression.ZipArchiveMode.Read))
        using (var target = new System.IO.Compression.ZipArchive(edited, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var input = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(input);
                }

                var content = input.ToArray();
                if (entry.FullName == "Declarative/metadata.json")
                {
                    var json = System.Text.Json.Nodes.JsonNode.Parse(content)!;
                    var members = json["Ensemble"]!.AsArray();
                    members.RemoveAt(members.Count - 1);
                    content = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
                }

                using var output = target.CreateEntry(entry.FullName).Open();
                output.Write(content);
            }
        }

        using var temp = new TempDirectory();
        var path = temp.File("wine.mlnet");
        File.WriteAllBytes(path, edited.ToArray());
        var error = Assert.Throws<ModelFileException>(() => EnsembledWineModel.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"not the chain of the {TrainedModels.EnsembledWine.Ensemble.Count - 1} ensemble members its metadata records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SavedAndLoaded_PredictsTheSame_AndListsTheSameMembers()
    {
        var model = TrainedModels.EnsembledTumor;
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = EnsembledTumorModel.Load(stream);

        Assert.Equal(model.Ensemble, loaded.Ensemble, EnsembleComparer);
        var random = new Random(7);
        for (var i = 0; i < 60; i++)
        {
            var row = new Tumor
            {
                Thickness = random.Next(1, 11), UniformSize = random.Next(1, 11), UniformShape = random.Next(1, 11), Adhesion = random.Next(1, 11), EpithelialSize = random.Next(1, 11),
                BareNuclei = random.Next(1, 11), BlandChromatin = random.Next(1, 11), NormalNucleoli = random.Next(1, 11), Mitoses = random.Next(1, 11),
            };
            var (a, b) = (model.Predict(row), loaded.Predict(row));
            Assert.Equal(a.PredictedLabel, b.PredictedLabel);
            Assert.Equal(a.Probability, b.Probability, 6);
        }
    }

    [Fact]
    public void Report_ListsTheMembers_AndTheGainOverTheFirstAlone()
    {
        var model = TrainedModels.EnsembledTumor;
        var report = model.Evaluate();
        var html = Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.Predictive(MLTask.BinaryClassification));

        Assert.Equal(model.Ensemble, report.Ensemble, EnsembleComparer);
        Assert.NotNull(report.BestMemberTestMetric);
        Assert.InRange(report.BestMemberTestMetric!.Value, 0, double.MaxValue); // log-loss of the first member alone
        Assert.Equal(5, report.CrossValidation[0].Folds.Count); // the blend itself, refitted on each fold
        Assert.Contains("<h2>Ensemble</h2>", html, StringComparison.Ordinal);
        Assert.Contains("an ensemble of <b>" + model.Ensemble.Count + "</b> tuned models", html, StringComparison.Ordinal);
        Assert.All(model.Ensemble, m => Assert.Contains($"<td>{m.Trial}</td><td>{m.Trainer}</td>", html, StringComparison.Ordinal));
        Assert.Contains("\"ensemble\"", report.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void EnsembleFalse_KeepsTheBestTrialAlone()
    {
        var model = SingleTumorModel.Train();

        Assert.Empty(model.Ensemble);
        Assert.Equal(model.Leaderboard[0].Trainer, model.Pipeline.Trainer);
        Assert.Equal(TrainedModels.EnsembledTumor.Trials.Select(t => (t.Trainer, t.Metric)), model.Trials.Select(t => (t.Trainer, t.Metric)));
    }

    [Fact]
    public void Explanations_AreTheWeightedSumOfTheMembers_AndAddUpToTheScore()
    {
        foreach (var (name, explain, score) in new (string, Func<int, Explanation>, Func<int, double>)[]
        {
            ("tumor", i => TrainedModels.EnsembledTumor.Explain(TumorRow(i)), i => TrainedModels.EnsembledTumor.Predict(TumorRow(i)).Score),
            ("housing", i => TrainedModels.EnsembledHousing.Explain(HouseRow(i)), i => TrainedModels.EnsembledHousing.Predict(HouseRow(i)).Score),
        })
        {
            for (var i = 0; i < 25; i++)
            {
                var explanation = explain(i);
                Assert.Equal(explanation.Value, score(i), 4);
                Assert.Equal(explanation.Value, explanation.BaseValue + explanation.Contributions.Sum(c => c.Value), 9);
            }

            output.WriteLine($"{name}: {explain(0)}");
        }

        // Multiclass: the predicted class's members' raw outputs, weighted; the contributions add up to them.
        var wine = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "datasets/wine/wine_data.csv")).Skip(1).Select(Pipelines.Wine.Parse).Take(25);
        foreach (var row in wine)
        {
            var explanation = TrainedModels.EnsembledWine.Explain(row);
            Assert.Equal(explanation.Value, explanation.BaseValue + explanation.Contributions.Sum(c => c.Value), 9);
            Assert.Equal(13, explanation.Contributions.Count);
        }
    }

    private static Tumor TumorRow(int i) => new()
    {
        Thickness = 1 + (i % 10), UniformSize = 1 + (i * 3 % 10), UniformShape = 1 + (i * 7 % 10), Adhesion = 1 + (i * 5 % 10), EpithelialSize = 2,
        BareNuclei = 1 + (i * 9 % 10), BlandChromatin = 3, NormalNucleoli = 1 + (i % 4), Mitoses = 1,
    };

    private static House HouseRow(int i) => new()
    {
        CrimesPerCapita = 0.1f * i, PercentResidental = i % 3 * 10, PercentNonRetail = 5 + i, CharlesRiver = i % 5 == 0, NitricOxides = 0.4f + (0.01f * i),
        RoomsPerDwelling = 5 + (0.1f * i), PercentPre40s = 3 * i, EmploymentDistance = 2 + (0.2f * i), HighwayDistance = 1 + (i % 8), TaxRate = 250 + (10 * i),
        TeacherRatio = 15 + (i % 6), BlackIndex = 390, PercentLowIncome = 2 + i,
    };

    private static readonly IEqualityComparer<EnsembleMember> EnsembleComparer = EqualityComparer<EnsembleMember>.Create(
        (a, b) => a!.Trial == b!.Trial && a.Trainer == b.Trainer && a.Weight == b.Weight && a.Hyperparameters.OrderBy(p => p.Key).SequenceEqual(b.Hyperparameters.OrderBy(p => p.Key)),
        m => m.Trial);

    private void Describe(IReadOnlyList<EnsembleMember> ensemble, double metric)
    {
        foreach (var m in ensemble)
        {
            output.WriteLine($"trial {m.Trial,2} {m.Trainer,-24} weight {m.Weight:F2} {string.Join(" ", m.Hyperparameters.Select(h => $"{h.Key}={h.Value}"))}");
        }

        output.WriteLine($"test metric {metric:F4}");
    }
}
