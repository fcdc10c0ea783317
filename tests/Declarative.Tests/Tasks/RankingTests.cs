using Declarative.Data;
using Declarative.Tests.Pipelines;
using Declarative.Training;

namespace Declarative.Tests.Tasks;

/// <summary>Ranking on the Yahoo! learning-to-rank sample (SVMlight, groups in .query files) through the generated API.</summary>
public sealed class RankingTests
{
    private static string Dataset(string file) => Path.Combine(AppContext.BaseDirectory, "datasets", "yahoo-ltr-lightgbm", file);

    [Fact]
    public void LambdaRank_OnTheTestQueries_BeatsARandomOrderAtEveryCutOff()
    {
        var model = TrainedModels.Search;

        var report = model.Evaluate();
        Assert.Equal(768, report.TestRows);
        Assert.Equal(10, report.ByCutOff.Count);
        Assert.All(report.ByCutOff, p => Assert.True(p.Ndcg > p.RandomNdcg + 0.1, $"NDCG@{p.CutOff} {p.Ndcg} against random {p.RandomNdcg}"));
        Assert.Equal(model.TestMetrics.NormalizedDiscountedCumulativeGains[9], report.TestMetrics["NdcgAt10"], 10);
        Assert.InRange(report.GroupNdcg.Count, 45, 50); // test queries with a relevant result
        Assert.Equal(report.GroupNdcg.Order(), report.GroupNdcg);
    }

    [Fact]
    public void FastTree_RanksToo()
    {
        var model = TrainedModels.SearchFastTree;
        var report = model.Evaluate();

        Assert.Equal(Trainer.FastTree, model.Pipeline.Trainer);
        Assert.True(report.TestMetrics["NdcgAt10"] > report.ByCutOff[9].RandomNdcg + 0.1);
    }

    [Fact]
    public void Rank_OrdersAGroupsRowsByScore()
    {
        var model = TrainedModels.Search;
        var rows = Enumerable.Range(0, 5).Select(i => new SearchResult { Query = 1, Features = Enumerable.Range(0, 300).Select(j => (float)((i * 7 + j) % 10) / 10).ToArray() }).ToArray();

        var ranked = model.Pipeline.Rank(rows);
        Assert.True(model.Pipeline.UsesPortableScorer);

        Assert.Equal(5, ranked.Count);
        Assert.Equal(ranked.Select(r => r.Prediction.Score).OrderDescending(), ranked.Select(r => r.Prediction.Score));
        Assert.Equal(rows.Select(r => model.Predict(r).Score).OrderDescending(), ranked.Select(r => r.Prediction.Score));
    }

    [Fact]
    public void SplitOfOneFile_KeepsEveryQueryWhole_AndTuningRanksByNdcg()
    {
        var data = PipelineTrainer.Load(SearchTunedRankingModel.Spec, Dataset("rank.train"));
        var test = data.TestPart.Columns.First(c => c.Name == "Query").Texts.Select(t => t.ToString()).ToHashSet();
        var train = ViewColumns.Read<ReadOnlyMemory<char>>(data.TrainPart!, "Query").Select(t => t.ToString()).ToHashSet();
        Assert.NotEmpty(test);
        Assert.Empty(test.Intersect(train));
        Assert.Equal(201, test.Count + train.Count);

        var model = SearchTunedRankingModel.Train();
        Assert.Equal(6, model.Trials.Count);
        Assert.Equal(model.Trials.Where(t => t.Succeeded).Max(t => t.Metric), model.Leaderboard[0].Metric);
        Assert.Equal("NdcgAt10", model.Evaluate().HeadlineMetric);
    }

    [Fact]
    public void SvmLightFile_ReadsLabelsQueriesAndSparseFeatures()
    {
        var table = SvmLightLoader.Load(SearchRankingModel.Spec, Dataset("rank.test"));

        Assert.Equal(768, table.RowCount);
        var queries = table.Columns.First(c => c.Name == "Query").Texts.Select(t => t.ToString()).Distinct().Count();
        Assert.Equal(50, queries);
        var labels = table.Columns.First(c => c.Name == "Relevance").Singles!;
        Assert.Equal([206, 256, 252, 44, 10], Enumerable.Range(0, 5).Select(l => labels.Count(v => v == l)));

        // The first line's first features: "1:0.89 2:0.75 ..." in the file itself.
        var first = File.ReadLines(Dataset("rank.test")).First().Split(' ');
        var (index, value) = (int.Parse(first[1].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture), float.Parse(first[1].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(value, table.Columns.First(c => c.Name == $"Features[{index - 1}]").Singles![0]);
    }

    [Theory]
    [InlineData("2 qid:1 1:0.5 3:0.25\n1 qid:1 0:0.5\n", null, 2, 9, "is not one of 1 to 300")]
    [InlineData("2 qid:1 1:0.5 301:0.25\n", null, 1, 15, "is not one of 1 to 300")]
    [InlineData("2 qid:1 3:0.5 2:0.25\n", null, 1, 15, "indices ascend within a line")]
    [InlineData("2 qid:1 3:abc\n", null, 1, 11, "'abc' (feature 3) is not a finite number")]
    [InlineData("2 qid:1 3:0.5\n1 3:0.5\n", null, 2, null, "no qid:, but the lines before it have one")]
    [InlineData("high qid:1 3:0.5\n", null, 1, 1, "'high' in column")]
    [InlineData("2 qid:1 garbage\n", null, 1, 9, "is not an index:value pair")]
    [InlineData("2 1:0.5\n1 1:0.5\n3 2:0.5\n", "2\n2\n", 2, 1, "The groups so far hold 4 rows, but the data file has 3")]
    [InlineData("2 1:0.5\n1 1:0.5\n3 2:0.5\n", "1\n", null, null, "The groups hold 1 rows, but the data file has 3")]
    [InlineData("2 1:0.5\n", null, null, null, "there is no query file 'rank.txt.query'")]
    public void BadSvmLightFile_FailsAtItsPlace(string content, string? queries, int? line, int? column, string message)
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "rank.txt");
        File.WriteAllText(path, content);
        if (queries is not null)
        {
            File.WriteAllText(path + ".query", queries);
        }

        var error = Assert.Throws<DataFileException>(() => SvmLightLoader.Load(SearchRankingModel.Spec, path));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ndcg_FollowsTheTextbook()
    {
        // Labels 2, 3, 0 scored 3, 2, 1: gains 3 then 7, so DCG = 3/log2(2) + 7/log2(3); the ideal order gives 7 + 3/log2(3).
        var ndcg = Declarative.Training.Ndcg.Of([2f, 3f, 0f], [3f, 2f, 1f], 10);
        Assert.Equal((3 + (7 / Math.Log2(3))) / (7 + (3 / Math.Log2(3))), ndcg!.Value, 10);
        Assert.Null(Declarative.Training.Ndcg.Of([0f, 0f], [1f, 2f], 10));
    }

    [Fact]
    public void QueriesWithNothingToCompare_AreAnErrorAtTheData()
    {
        // A ranker learns from two results of one query that differ in relevance. Every result its own query, or every
        // result equally relevant, leaves none (LightGbm's trees had no split, and ML.NET failed converting them).
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Dataset("rank.train"));
        var oneEach = dir.File("one-each.train");
        File.WriteAllLines(oneEach, lines);
        File.WriteAllLines(oneEach + ".query", lines.Select(_ => "1"));
        var flat = dir.File("flat.train");
        File.WriteAllLines(flat, lines.Select(line => "1" + line[line.IndexOf(' ', StringComparison.Ordinal)..]));
        File.Copy(Dataset("rank.train.query"), flat + ".query");

        foreach (var (path, groups) in new[] { (oneEach, 3005), (flat, 201) })
        {
            var error = Assert.Throws<DataFileException>(() => SearchTunedRankingModel.Train(path));
            Assert.Equal(path, error.FilePath);
            Assert.Contains($"holds two rows with different labels 'Relevance' (property SearchResult.Relevance) in all 3,005 rows ({groups:N0} groups): a ranker learns only from rows of one group that differ.", error.Message, StringComparison.Ordinal);
        }
    }
}

/// <summary>Rows of a group need not be adjacent: they are put together before training and measuring.</summary>
public sealed class RankingGroupOrderTests
{
    [Fact]
    public void InterleavedGroups_TrainAndMeasureAsTheirAdjacentOrder()
    {
        var random = new Random(7);
        var adjacent = Enumerable.Range(0, 60).SelectMany(query => Enumerable.Range(0, 8).Select(_ =>
        {
            var features = Enumerable.Range(0, 300).Select(_ => random.NextDouble() < 0.2 ? (float)random.NextDouble() : 0f).ToArray();
            return new SearchResult { Query = 1000 + query, Features = features, Relevance = MathF.Round(Math.Clamp(features[0] * 4 + (float)random.NextDouble(), 0, 4)) };
        })).ToArray();
        // Round-robin over the queries: every row's neighbours belong to other groups, and the groups first appear in
        // the same order as in the adjacent list.
        var interleaved = Enumerable.Range(0, 8).SelectMany(i => adjacent.Where((_, row) => row % 8 == i)).ToArray();
        Assert.NotEqual(adjacent.Select(r => r.Query), interleaved.Select(r => r.Query));

        var fromAdjacent = SearchRankingModel.Train(adjacent);
        var fromInterleaved = SearchRankingModel.Train(interleaved);

        Assert.Equal(fromAdjacent.Pipeline.TestMetricValues, fromInterleaved.Pipeline.TestMetricValues);
        Assert.Equal(fromAdjacent.Pipeline.Evaluate().TestRows, fromInterleaved.Pipeline.Evaluate().TestRows);
        var probe = adjacent.Take(16).ToArray();
        Assert.Equal(fromAdjacent.Predict(probe).Select(p => p.Score), fromInterleaved.Predict(probe).Select(p => p.Score));
    }
}
