namespace Declarative.Tests.Pipelines;

/// <summary>
/// One of the four ways (air, train, bus, car) a traveller of statsmodels' <c>modechoice</c> could have gone between
/// Sydney, Canberra and Melbourne, and whether it was the one taken: each traveller has four rows, one of them chosen.
/// </summary>
public sealed class TravelMode
{
    /// <summary>The traveller (1 to 210): the four rows of one traveller share the household's income and party size.</summary>
    [GroupId]
    [Column("individual")]
    public int Traveller { get; set; }

    [Categorical]
    [Column("mode")]
    public int Mode { get; set; }

    [Label]
    [Column("choice")]
    public bool Chosen { get; set; }

    [Column("ttme")]
    public float TerminalMinutes { get; set; }

    [Column("invc")]
    public float VehicleCost { get; set; }

    [Column("invt")]
    public float VehicleMinutes { get; set; }

    [Column("gc")]
    public float GeneralizedCost { get; set; }

    [Column("hinc")]
    public float HouseholdIncome { get; set; }

    [Column("psize")]
    public float PartySize { get; set; }

    /// <summary>A line of the data file (not its header), as a row in memory.</summary>
    public static TravelMode Parse(string line)
    {
        var v = line.Split(';').Select(f => int.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new TravelMode
        {
            Traveller = v[0], Mode = v[1], Chosen = v[2] == 1, TerminalMinutes = v[3], VehicleCost = v[4], VehicleMinutes = v[5], GeneralizedCost = v[6],
            HouseholdIncome = v[7], PartySize = v[8],
        };
    }
}

/// <summary>Which way a traveller took, scored on travellers the model never saw: the split keeps each one's four rows together.</summary>
[BinaryClassification<TravelMode>(Data = "datasets/modechoice/modechoice.csv", Separator = ';')]
public partial class TravelModeModel;

/// <summary>The same, tuned: tuning's folds and the ensemble's out-of-fold rows keep each traveller's rows together too.</summary>
[BinaryClassification<TravelMode>(Data = "datasets/modechoice/modechoice.csv", Separator = ';')]
[Tune(MaxTrials = 6)]
public partial class TunedTravelModeModel;
