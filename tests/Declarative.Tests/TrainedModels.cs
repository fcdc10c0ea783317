using Declarative.Tests.Pipelines;

namespace Declarative.Tests;

/// <summary>Each pipeline trained once per test run and shared by the tests that only read it.</summary>
internal static class TrainedModels
{
    private static readonly Lazy<AdultIncomeModel> LazyAdult = new(() => AdultIncomeModel.Train());
    private static readonly Lazy<TumorModel> LazyTumor = new(() => TumorModel.Train());
    private static readonly Lazy<IrisModel> LazyIris = new(() => IrisModel.Train());
    private static readonly Lazy<HousingModel> LazyHousing = new(() => HousingModel.Train());
    private static readonly Lazy<ToxicityModel> LazyToxicity = new(() => ToxicityModel.Train());
    private static readonly Lazy<SearchRankingModel> LazySearch = new(() => SearchRankingModel.Train());
    private static readonly Lazy<SearchFastTreeRankingModel> LazySearchFastTree = new(() => SearchFastTreeRankingModel.Train());
    private static readonly Lazy<DigitModel> LazyDigits = new(() => DigitModel.Train());
    private static readonly Lazy<EnsembledTumorModel> LazyEnsembledTumor = new(() => EnsembledTumorModel.Train());
    private static readonly Lazy<EnsembledHousingModel> LazyEnsembledHousing = new(() => EnsembledHousingModel.Train());
    private static readonly Lazy<EnsembledWineModel> LazyEnsembledWine = new(() => EnsembledWineModel.Train());
    private static readonly Lazy<EnsembledSearchRankingModel> LazyEnsembledSearch = new(() => EnsembledSearchRankingModel.Train());

    public static AdultIncomeModel Adult => LazyAdult.Value;

    public static TumorModel Tumor => LazyTumor.Value;

    public static IrisModel Iris => LazyIris.Value;

    public static HousingModel Housing => LazyHousing.Value;

    public static ToxicityModel Toxicity => LazyToxicity.Value;

    public static SearchRankingModel Search => LazySearch.Value;

    public static SearchFastTreeRankingModel SearchFastTree => LazySearchFastTree.Value;

    public static DigitModel Digits => LazyDigits.Value;

    /// <summary>The tuned blends (each tunes a dozen or more trials): the ensemble and ONNX tests read the same ones.</summary>
    public static EnsembledTumorModel EnsembledTumor => LazyEnsembledTumor.Value;

    public static EnsembledHousingModel EnsembledHousing => LazyEnsembledHousing.Value;

    public static EnsembledWineModel EnsembledWine => LazyEnsembledWine.Value;

    public static EnsembledSearchRankingModel EnsembledSearch => LazyEnsembledSearch.Value;
}
