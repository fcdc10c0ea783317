namespace Declarative.Tests.Pipelines;

[Synthesizer<Adult>(Data = "datasets/adult/adult.txt")]
[Split(TestFraction = 0.2, Seed = 7)]
public partial class AdultSynthesizer;

[Synthesizer<Adult>(Data = "datasets/adult/adult.txt", Kind = SynthesizerKind.SequentialTrees)]
[Split(TestFraction = 0.2, Seed = 7)]
public partial class AdultTreeSynthesizer;

[Synthesizer<House>(Data = "datasets/housing/housing.txt")]
public partial class HousingSynthesizer;

[Synthesizer<House>(Data = "datasets/housing/housing.txt", Kind = SynthesizerKind.SequentialTrees)]
public partial class HousingTreeSynthesizer;

[Synthesizer<Iris>(Data = "datasets/iris/iris.txt")]
public partial class IrisSynthesizer;

[Synthesizer<Iris>(Data = "datasets/iris/iris.txt", Kind = SynthesizerKind.SequentialTrees)]
public partial class IrisTreeSynthesizer;

/// <summary>Breast cancer: a nullable measurement with missing values, and a whole-number count.</summary>
[Synthesizer<Tumor>(Data = "datasets/breast-cancer/breast-cancer-withheader.txt")]
public partial class TumorSynthesizer;

/// <summary>Handwritten digits: 64 pixel counts as one [Columns] array, and the digit.</summary>
[Synthesizer<Digit>(Data = "datasets/optdigits/digits.csv", HasHeader = false, Kind = SynthesizerKind.SequentialTrees)]
public partial class DigitSynthesizer;

/// <summary>Half-hourly taxi demand: a timestamp modelled whole, with the passenger count beside it.</summary>
[Synthesizer<TaxiDemand>(Data = "datasets/nab-nyc-taxi/nyc_taxi.csv", Kind = SynthesizerKind.SequentialTrees)]
public partial class TaxiDemandSynthesizer;
