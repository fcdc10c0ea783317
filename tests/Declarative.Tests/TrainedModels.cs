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

    public static AdultIncomeModel Adult => LazyAdult.Value;

    public static TumorModel Tumor => LazyTumor.Value;

    public static IrisModel Iris => LazyIris.Value;

    public static HousingModel Housing => LazyHousing.Value;

    public static ToxicityModel Toxicity => LazyToxicity.Value;
}
