using Declarative.Tests.Pipelines;

namespace Declarative.Benchmarks;

/// <summary>modechoice as `init` wrote it before it knew groups: the traveller a number the trees may split on.</summary>
public sealed class TravelModeWithTraveller
{
    public float Traveller { get; set; }

    [Categorical]
    public int Mode { get; set; }

    [Label]
    public bool Chosen { get; set; }

    public float TerminalMinutes { get; set; }

    public float VehicleCost { get; set; }

    public float VehicleMinutes { get; set; }

    public float GeneralizedCost { get; set; }

    public float HouseholdIncome { get; set; }

    public float PartySize { get; set; }
}

[BinaryClassification<TravelModeWithTraveller>(Data = "datasets/modechoice/modechoice.csv", Separator = ';')]
public partial class BenchTravelModeWithTraveller;

[BinaryClassification<TravelMode>(Data = "datasets/modechoice/modechoice.csv", Separator = ';')]
public partial class BenchTravelMode;

/// <summary>
/// What a split row by row reports against one by traveller (tests/bench/groups.sh): statsmodels' modechoice, a fifth
/// of the rows (or of the travellers) drawn at random as the test part, the untuned default (LightGbm) trained on the
/// rest, with the traveller as a feature (init's declaration before it wrote [GroupId]) and without it. The grouped
/// test part is the honest figure: the next traveller is one the model has not seen.
/// </summary>
internal static class GroupsBenchmark
{
    public static void Run(int draws)
    {
        var rows = File.ReadLines(BenchTravelMode.Spec.ResolveDataPath()).Skip(1).Select(TravelMode.Parse).ToList();

        var cells = new[] { new List<double>(), new List<double>(), new List<double>(), new List<double>() };
        for (var seed = 1; seed <= draws; seed++)
        {
            var random = new Random(seed);
            var testRows = rows.Select((_, i) => i).OrderBy(_ => random.Next()).Take(rows.Count / 5).ToHashSet();
            var testTravellers = rows.Select(r => r.Traveller).Distinct().OrderBy(_ => random.Next()).Take(rows.Count / 20).ToHashSet();
            foreach (var (split, isTest) in new (int, Func<TravelMode, int, bool>)[] { (0, (_, i) => testRows.Contains(i)), (2, (r, _) => testTravellers.Contains(r.Traveller)) })
            {
                var train = rows.Where((r, i) => !isTest(r, i)).ToList();
                var test = rows.Where((r, i) => isTest(r, i)).ToList();
                cells[split].Add(BenchTravelModeWithTraveller.Train(train.Select(WithTraveller), test.Select(WithTraveller)).Evaluate(test.Select(WithTraveller)).TestMetrics["AreaUnderRocCurve"]);
                cells[split + 1].Add(BenchTravelMode.Train(train, test).Evaluate(test).TestMetrics["AreaUnderRocCurve"]);
            }
        }

        Console.WriteLine($"modechoice, the untuned default (LightGbm), test AUC: mean (lowest, highest) over {draws} draws of a fifth of the rows or of the travellers.");
        Console.WriteLine("| test part | the traveller a feature | [GroupId] (not a feature) |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(FormattableString.Invariant($"| a fifth of the rows (travellers on both sides) | {Cell(cells[0])} | {Cell(cells[1])} |"));
        Console.WriteLine(FormattableString.Invariant($"| a fifth of the travellers (each on one side) | {Cell(cells[2])} | {Cell(cells[3])} |"));
    }

    private static string Cell(List<double> values) => FormattableString.Invariant($"{values.Average():F4} ({values.Min():F4}, {values.Max():F4})");

    private static TravelModeWithTraveller WithTraveller(TravelMode r) => new()
    {
        Traveller = r.Traveller, Mode = r.Mode, Chosen = r.Chosen, TerminalMinutes = r.TerminalMinutes, VehicleCost = r.VehicleCost, VehicleMinutes = r.VehicleMinutes,
        GeneralizedCost = r.GeneralizedCost, HouseholdIncome = r.HouseholdIncome, PartySize = r.PartySize,
    };
}
