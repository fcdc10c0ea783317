namespace Declarative.Tests.Pipelines;

/// <summary>
/// A wine of the UCI wine recognition data as scikit-learn ships it: 13 chemical measurements, then the cultivar. The
/// first line holds scikit-learn's counts and class names, not column names, so the columns are read by position.
/// </summary>
public sealed class Wine
{
    [Column(Index = 0)]
    public float Alcohol { get; set; }

    [Column(Index = 1)]
    public float MalicAcid { get; set; }

    [Column(Index = 2)]
    public float Ash { get; set; }

    [Column(Index = 3)]
    public float AlcalinityOfAsh { get; set; }

    [Column(Index = 4)]
    public float Magnesium { get; set; }

    [Column(Index = 5)]
    public float TotalPhenols { get; set; }

    [Column(Index = 6)]
    public float Flavanoids { get; set; }

    [Column(Index = 7)]
    public float NonflavanoidPhenols { get; set; }

    [Column(Index = 8)]
    public float Proanthocyanins { get; set; }

    [Column(Index = 9)]
    public float ColorIntensity { get; set; }

    [Column(Index = 10)]
    public float Hue { get; set; }

    [Column(Index = 11)]
    public float Od280Od315 { get; set; }

    [Column(Index = 12)]
    public float Proline { get; set; }

    [Label]
    [Column(Index = 13)]
    public int Cultivar { get; set; }

    /// <summary>Reads a line of the file (not its first).</summary>
    public static Wine Parse(string line)
    {
        var v = line.Split(',').Select(f => float.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new Wine
        {
            Alcohol = v[0], MalicAcid = v[1], Ash = v[2], AlcalinityOfAsh = v[3], Magnesium = v[4], TotalPhenols = v[5], Flavanoids = v[6],
            NonflavanoidPhenols = v[7], Proanthocyanins = v[8], ColorIntensity = v[9], Hue = v[10], Od280Od315 = v[11], Proline = v[12], Cultivar = (int)v[13],
        };
    }
}

/// <summary>The wines clustered into three with the cultivar held back (it only measures the clusters).</summary>
[Clustering<Wine>(Data = "datasets/wine/wine_data.csv", Clusters = 3)]
[Split(TestFraction = 0.3, Seed = 3)]
public partial class WineClusterModel;
