namespace Declarative.Tests.Pipelines;

/// <summary>A result of the Yahoo! learning-to-rank sample: graded relevance 0-4, 300 sparse features, its query from the .query file.</summary>
public sealed class SearchResult
{
    [Label]
    public float Relevance { get; set; }

    [GroupId]
    public int Query { get; set; }

    [Columns(Count = 300)]
    public float[] Features { get; set; } = [];
}

[Ranking<SearchResult>(Data = "datasets/yahoo-ltr-lightgbm/rank.train", TestData = "datasets/yahoo-ltr-lightgbm/rank.test", Format = DataFormat.SvmLight)]
public partial class SearchRankingModel;

[Ranking<SearchResult>(Data = "datasets/yahoo-ltr-lightgbm/rank.train", TestData = "datasets/yahoo-ltr-lightgbm/rank.test", Format = DataFormat.SvmLight)]
[Trainers(Trainer.FastTree)]
public partial class SearchFastTreeRankingModel;

/// <summary>
/// The training file alone, split by query: no query is half in training and half in the test. The best trial alone
/// (its test is about the split and the tuning metric; <see cref="EnsembledSearchRankingModel"/> blends).
/// </summary>
[Ranking<SearchResult>(Data = "datasets/yahoo-ltr-lightgbm/rank.train", Format = DataFormat.SvmLight)]
[Trainers(Trainer.LightGbm, Trainer.FastTree)]
[Tune(MaxTrials = 6, Folds = 3, Ensemble = false)]
public partial class SearchTunedRankingModel;

/// <summary>Tuned without <c>[Trainers]</c>: LightGbm and FastTree, their trials blended when a blend ranks better.</summary>
[Ranking<SearchResult>(Data = "datasets/yahoo-ltr-lightgbm/rank.train", TestData = "datasets/yahoo-ltr-lightgbm/rank.test", Format = DataFormat.SvmLight)]
[Tune(MaxTrials = 6, Folds = 3)]
public partial class EnsembledSearchRankingModel;

/// <summary>The Yahoo! sample with its queries read as text: the group is hashed from a string.</summary>
public sealed class NamedQueryResult
{
    [Label]
    public float Relevance { get; set; }

    [GroupId]
    public string Query { get; set; } = "";

    [Columns(Count = 300)]
    public float[] Features { get; set; } = [];
}

[Ranking<NamedQueryResult>(Data = "datasets/yahoo-ltr-lightgbm/rank.train", TestData = "datasets/yahoo-ltr-lightgbm/rank.test", Format = DataFormat.SvmLight)]
public partial class NamedQueryRankingModel;
