namespace Declarative.EndToEnd.Tests;

/// <summary>Source shared by the fresh projects: a row over the bundled breast-cancer data.</summary>
internal static class TumorSources
{
    public const string Dataset = "breast-cancer/breast-cancer-withheader.txt";

    public const string Row = """
        public sealed class Tumor
        {
            [Label, Column("label")] public bool Malignant { get; set; }
            public float Thickness { get; set; }
            [Column("uniform_size")] public float UniformSize { get; set; }
            [Column("uniform_shape")] public float UniformShape { get; set; }
            [Column("bare_nuclei")] public float BareNuclei { get; set; }
        }
        """;
}
