using Declarative.Scoring;
using Declarative.Tests.Pipelines;

namespace Declarative.Tests.Scoring;

/// <summary>
/// Explanations on real data: they add up to the raw score on every test row (local accuracy), equal the Shapley values
/// computed over every subset of features on a small model (exactness), give one explanation per class for multiclass,
/// and read typed by property.
/// </summary>
public sealed class ExplanationTests
{
    [Fact]
    public void AdultLightGbm_EveryTestRow_AddsUpToItsScore()
    {
        var model = TrainedModels.Adult;
        var rows = TestRows(model.Pipeline, AdultRows());

        foreach (var row in rows)
        {
            var explanation = model.Explain(row);
            Assert.Equal(explanation.Value, explanation.BaseValue + explanation.Contributions.Sum(c => c.Value), 5);
            AssertClose(model.Predict(row).Score, explanation.Value);
        }
    }

    /// <summary>
    /// Every task with a score on every shared dataset it has: each test row (every 20th of taxi-fare's 100,000) explained
    /// through the table, as the report does, adds up and equals the raw score the scorer computes.
    /// </summary>
    [Theory]
    [InlineData("adult")]
    [InlineData("breast-cancer")]
    [InlineData("housing")]
    [InlineData("taxi-fare")]
    [InlineData("nab-nyc-taxi")]
    [InlineData("iris")]
    [InlineData("optdigits")]
    [InlineData("yahoo-ltr")]
    public void EveryTestRow_AddsUpToItsRawScore(string dataset)
    {
        ITrainedPipeline trained = dataset switch
        {
            "adult" => TrainedModels.Adult.Pipeline,
            "breast-cancer" => TrainedModels.Tumor.Pipeline,
            "housing" => TrainedModels.Housing.Pipeline,
            "taxi-fare" => TaxiFareModel.Train().Pipeline,
            "nab-nyc-taxi" => TaxiDemandModel.Train().Pipeline,
            "iris" => IrisStringModel.Train().Pipeline,
            "optdigits" => TrainedModels.Digits.Pipeline,
            _ => TrainedModels.Search.Pipeline,
        };
        var portable = trained.ToPortable();
        var test = trained.TrainedOn!.TestPart;
        var featurizer = RowFeaturizers.ForTable(test, portable.Features, "test");
        var scorer = new ModelScorer<int>(portable, featurizer, "test");
        var explainer = ModelExplainer<int>.Create(portable, featurizer, column => column.Split('.', '[')[0]);
        var values = new double[explainer.Properties.Count];
        var features = new float[featurizer.Length];
        var step = test.RowCount > 20_000 ? 20 : 1;
        for (var row = 0; row < test.RowCount; row += step)
        {
            featurizer.Featurize(row, features);
            for (var output = 0; output < explainer.OutputCount; output++)
            {
                var (baseValue, value) = explainer.Explain(row, output, values);
                Assert.True(Math.Abs(baseValue + values.Sum() - value) <= 1e-5 * Math.Max(1, Math.Abs(value)), $"{dataset} row {row}: {baseValue} + {values.Sum()} != {value}");
                var o = portable.Outputs[output];
                var raw = o.Trees is { } trees
                    ? new TreeEnsemble(trees, featurizer.Length).Sum(features) / (o.Average ? trees.Count : 1)
                    : o.Bias + o.Weights!.Select((w, i) => (double)w * features[i]).Sum();
                AssertClose(raw, value);
            }
        }
    }

    [Fact]
    public void HousingFastTree_AddsUp_AndNamesEveryProperty_LargestFirst()
    {
        var model = TrainedModels.Housing;
        var houses = File.ReadLines("datasets/housing/housing.txt").Skip(1).Take(200).Select(House.Parse).ToArray();

        foreach (var (house, explanation) in houses.Zip(model.Explain(houses)))
        {
            Assert.Equal(explanation.Value, explanation.BaseValue + explanation.Contributions.Sum(c => c.Value), 5);
            AssertClose(model.Predict(house).Score, explanation.Value);
            Assert.Equal(HousingModel.Spec.Features.Select(f => f.SourceProperty).Distinct().Order(), explanation.Contributions.Select(c => c.Property).Order());
            Assert.Equal(explanation.Contributions.Select(c => Math.Abs(c.Value)).OrderDescending(), explanation.Contributions.Select(c => Math.Abs(c.Value)));
            Assert.Equal(explanation.Of(nameof(House.RoomsPerDwelling)), explanation.ByProperty.RoomsPerDwelling);
        }
    }

    [Fact]
    public void TumorFastTree_EqualsShapleyValuesOverEverySubset()
    {
        var model = TrainedModels.Tumor;
        var portable = ((ITrainedPipeline)model.Pipeline).ToPortable();
        var featurizer = RowFeaturizers.For(TumorModel.Spec, portable.Features, "test");
        var tumors = TumorRows().Take(20).ToArray();

        foreach (var tumor in tumors)
        {
            var features = new float[featurizer.Length];
            featurizer.Featurize(tumor, features);
            var exact = BruteForce(portable.Outputs[0], features);
            var explanation = model.Explain(tumor);
            for (var slot = 0; slot < exact.Length; slot++)
            {
                Assert.Equal(exact[slot], explanation.Of(portable.Features.Numeric[slot]), 6);
            }
        }
    }

    [Fact]
    public void IrisLightGbm_ExplainsEachClass_EachAddingUpToThatClasssRawOutput()
    {
        var model = IrisStringModel.Train();
        var portable = ((ITrainedPipeline)model.Pipeline).ToPortable();
        var featurizer = RowFeaturizers.For(IrisStringModel.Spec, portable.Features, "test");
        var flowers = File.ReadLines("datasets/iris/iris.txt").Skip(1).Select(l => l.Split('\t')).Select(f => new IrisWithStringLabel
        {
            SepalLength = Number(f[1]), SepalWidth = Number(f[2]), PetalLength = Number(f[3]), PetalWidth = Number(f[4]),
        }).ToArray();

        foreach (var flower in flowers)
        {
            var features = new float[featurizer.Length];
            featurizer.Featurize(flower, features);
            var perClass = model.Classes.Select(c => model.Explain(flower, c)).ToArray();
            for (var k = 0; k < perClass.Length; k++)
            {
                var e = perClass[k];
                Assert.Equal(e.Value, e.BaseValue + e.Contributions.Sum(c => c.Value), 5);
                var raw = new TreeEnsemble(portable.Outputs[k].Trees!, featurizer.Length).Sum(features);
                AssertClose(raw, e.Value);
            }

            // Without a class, the predicted class is explained.
            var predicted = model.Classes.ToList().IndexOf(model.Predict(flower).PredictedLabel);
            Assert.Equal(perClass[predicted].Value, model.Explain(flower).Value);
        }

        Assert.Throws<ArgumentException>(() => model.Explain(flowers[0], "Iris-unknown"));
    }

    [Fact]
    public void ALinearModel_IsExplainedByWeightTimesDistanceFromTheMean()
    {
        var model = TrainedModels.Iris; // SDCA maximum entropy
        var flower = new Iris { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f };

        var explanation = model.Explain(flower);

        Assert.Equal(explanation.Value, explanation.BaseValue + explanation.Contributions.Sum(c => c.Value), 5);
        Assert.NotEqual(0, explanation.ByProperty.PetalLength);
    }

    [Fact]
    public void TheReport_SaysWhatMovesTheScore_AndExplainsTheWorstRows()
    {
        var report = TrainedModels.Housing.Evaluate();

        var why = report.Explanations!;
        Assert.Equal(Math.Min(report.TestRows, ExplanationSummarizer.RowLimit), why.Rows);
        Assert.Equal(HousingModel.Spec.Features.Select(f => f.SourceProperty).Distinct().Order(), why.MeanAbsolute.Select(c => c.Property).Order());
        Assert.Equal(why.MeanAbsolute.Select(c => c.Value).OrderDescending(), why.MeanAbsolute.Select(c => c.Value));
        Assert.Equal(5, why.Worst.Count);
        // The worst rows are the largest errors of the test part, worst first, each explained in full.
        var errors = report.Points.Select(p => Math.Abs(p.Residual)).OrderDescending().Take(5).ToArray();
        Assert.Equal(errors, why.Worst.Select(w => w.Loss), new Tolerance(1e-3));
        Assert.All(why.Worst, w => Assert.Equal(w.Explanation.Value, w.Explanation.BaseValue + w.Explanation.Contributions.Sum(c => c.Value), 5));
        var page = Declarative.Reports.ReportHtml.Render(report, Declarative.Tasks.TaskProfiles.Predictive(MLTask.Regression));
        Assert.Contains("Why: what moves the score", page, StringComparison.Ordinal);
        Assert.Contains("Spearman", page, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"explanations\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void OptdigitsLinear_ExplainsEveryClass_ThePixelsSummedIntoTheirProperty()
    {
        var model = TrainedModels.Digits;
        var digits = File.ReadLines("datasets/optdigits/digits.csv").Take(50).Select(l => l.Split(',').Select(Number).ToArray())
            .Select(v => new Digit { Pixels = v[..64], Value = (int)v[64] }).ToArray();

        foreach (var digit in digits)
        {
            var scores = model.Predict(digit).Scores;
            var perClass = model.Classes.Select(c => model.Explain(digit, c)).ToArray();
            Assert.All(perClass, e => Assert.Equal(e.Value, e.BaseValue + e.Contributions.Sum(c => c.Value), 5));
            // One property: the run's 64 pixels are one contribution.
            Assert.All(perClass, e => Assert.Equal(nameof(Digit.Pixels), Assert.Single(e.Contributions).Property));
            // Maximum entropy's scores are the softmax of the per-class raw outputs the explanations add up to.
            var exp = perClass.Select(e => Math.Exp(e.Value)).ToArray();
            for (var k = 0; k < exp.Length; k++)
            {
                Assert.Equal(scores[k], exp[k] / exp.Sum(), 4);
            }
        }
    }

    [Fact]
    public void AnAnomalyDetector_SaysWhyItCannotBeExplainedYet()
    {
        var model = TumorAnomalyModel.Train();

        var error = Assert.Throws<NotSupportedException>(() => model.Explain(new TumorForAnomaly { Thickness = 9 }));

        Assert.Contains("randomized PCA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelOverText_SaysWhyItCannotBeExplained()
    {
        var error = Assert.Throws<NotSupportedException>(() => TrainedModels.Toxicity.Explain(new Comment { Text = "you are wonderful" }));

        Assert.Contains("[Text]", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The Shapley values of a tree output (a forest's divided by its tree count, as its score is) by definition.</summary>
    private static double[] BruteForce(PortableOutput output, float[] features)
    {
        var trees = output.Trees!.Where(t => t.Left.Count > 0 && t.Left[0] != 0).ToArray();
        return BruteForceShapley.Values(features.Length,
            subset => trees.Sum(t => BruteForceShapley.Expected(t, 0, subset, features)) / (output.Average ? output.Trees!.Count : 1));
    }

    private static IEnumerable<Adult> AdultRows() =>
        File.ReadLines("datasets/adult/adult.txt").Skip(1).Where(l => l.Length > 0).Select(Adult.Parse);

    /// <summary>As many rows of the file as the model's test part holds.</summary>
    private static IEnumerable<T> TestRows<T>(ITrainedPipeline pipeline, IEnumerable<T> rows) => rows.Take(pipeline.TrainedOn?.TestPart.RowCount ?? 1_000);

    private static IEnumerable<Tumor> TumorRows() =>
        File.ReadLines(TumorModel.Spec.ResolveDataPath()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Split('\t').Skip(1).Select(v => v == "?" ? float.NaN : Number(v)).ToArray())
            .Select(f => new Tumor
            {
                Thickness = f[0], UniformSize = f[1], UniformShape = f[2], Adhesion = f[3], EpithelialSize = f[4], BareNuclei = float.IsNaN(f[5]) ? null : f[5],
                BlandChromatin = f[6], NormalNucleoli = f[7], Mitoses = (int)f[8],
            });


    private sealed class Tolerance(double within) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= within;

        public int GetHashCode(double value) => 0;
    }

    /// <summary>Equal to within 1e-5 of the larger (the score is a float; the explanation sums in double).</summary>
    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, explained {actual}");

    private static float Number(string text) => float.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
