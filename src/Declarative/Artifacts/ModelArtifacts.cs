using System.ComponentModel;
using Declarative.Schema;

namespace Declarative.Artifacts;

/// <summary>
/// The files <c>dotnet build</c> writes per pipeline (<c>&lt;Name&gt;.mlnet</c>, <c>.model.json</c>, <c>.report.html</c>,
/// <c>.report.json</c>) and how an app finds the model among them. Building them is the design-time host's work.
/// </summary>
public static class ModelArtifacts
{
    /// <summary>The model file's name for a pipeline.</summary>
    public static string ModelFileName(string pipeline) => pipeline + ".mlnet";

    /// <summary>The HTML report's name for a pipeline.</summary>
    public static string ReportFileName(string pipeline) => pipeline + ".report.html";

    /// <summary>The machine-readable report's name for a pipeline.</summary>
    public static string ReportJsonFileName(string pipeline) => pipeline + ".report.json";

    /// <summary>The ONNX export's name for a pipeline (with <c>DeclarativeExportOnnx</c>).</summary>
    public static string OnnxFileName(string pipeline) => pipeline + ".onnx";

    /// <summary>The manifest file's name for a pipeline.</summary>
    public static string ManifestFileName(string pipeline) => pipeline + ".model.json";

    /// <summary>The tuning lock file's name for a pipeline (beside the project, written by its first tuning).</summary>
    internal static string TuningLockFileName(string pipeline) => pipeline + ".tuning.json";

    /// <summary>
    /// Finds the model the build trained for <paramref name="spec"/>: beside the app (its base directory), then beside the
    /// assembly that declares the pipeline. Fails when it is missing, or stale (its manifest names another declaration).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static string Locate(IPipelineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var name = ModelFileName(spec.Name);
        // A native app is one file: its assembly has no location of its own, only the app's directory.
        string[] candidates = NativeAot.PortableScorerOnly
            ? [Path.Combine(AppContext.BaseDirectory, name)]
            :
            [
                Path.Combine(AppContext.BaseDirectory, name),
                Path.Combine(Path.GetDirectoryName(AssemblyLocation(spec.DeclaringType)) is { Length: > 0 } directory ? directory : AppContext.BaseDirectory, name),
            ];
        var modelPath = candidates.FirstOrDefault(File.Exists)
            ?? throw new ModelFileException(name,
                $"The model of pipeline {spec.Name} was not found (looked in {string.Join("; ", candidates.Distinct())}). " +
                $"'dotnet build' trains it unless DeclarativeTrainOnBuild is false; {spec.Name}.Train() trains it in the app.");

        _ = ManifestBeside(spec, modelPath);
        return modelPath;
    }

    /// <summary>
    /// The manifest the build wrote beside <paramref name="modelPath"/>, checked to be current for <paramref name="spec"/>;
    /// null when there is none (a model saved by the app under any other name). Every load path reads it, so a stale model is refused on
    /// each (Load(), Load(path), a reload while serving, the CLI), not only where the app first looks for it.
    /// </summary>
    internal static ModelManifest? ManifestBeside(IPipelineSpec spec, string modelPath)
    {
        if (!string.Equals(Path.GetFileName(modelPath), ModelFileName(spec.Name), StringComparison.OrdinalIgnoreCase))
        {
            // The manifest describes the build's <Name>.mlnet; a model the app saved under another name is its own.
            return null;
        }

        var manifestPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, ManifestFileName(spec.Name));
        var manifest = ModelManifest.TryRead(manifestPath, out var problem);
        if (problem is not null)
        {
            // Without its manifest nothing says whether the model is stale: say so rather than load it unchecked.
            throw new ModelFileException(manifestPath,
                $"The manifest beside the model of {spec.Name} cannot be read ({problem}), so whether the model is current cannot be checked. Build the project again to rewrite it.");
        }

        // A native app has no ML.NET to ask its version: the model counts as current if it matches with the recorded one.
        if (manifest is not null && manifest.DeclarationHash != (NativeAot.PortableScorerOnly ? spec.DeclarationHashWith(manifest.MLNetVersion) : spec.DeclarationHash))
        {
            throw new ModelFileException(modelPath,
                $"The model is stale: it was trained for another declaration of {spec.Name} (or another version of Declarative or ML.NET). Build the project again to retrain it.");
        }

        return manifest;
    }

    /// <summary>
    /// Checks that the artifact at <paramref name="path"/> has the bytes the manifest records (<paramref name="expected"/>);
    /// an edited or replaced file is a <see cref="ModelFileException"/> naming it. Nothing to check when the manifest
    /// records no hash for it.
    /// </summary>
    internal static void CheckHash(string path, string actual, string? expected, string what)
    {
        if (expected is not null && !string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelFileException(path,
                $"The {what} is not the one its manifest describes (SHA-256 {actual[..12]}..., the manifest records {expected[..Math.Min(12, expected.Length)]}...): it was changed after the build. Build the project again, or restore the file.");
        }
    }

    /// <summary>
    /// The bytes of a model file Declarative writes whole (a synthesizer's, a forecaster's): refused when missing, empty or
    /// larger than <paramref name="maxBytes"/> (a hostile file cannot exhaust memory), and, for the build's model, checked
    /// against its manifest (current for the declaration, these very bytes).
    /// </summary>
    internal static byte[] ReadChecked(IPipelineSpec spec, string path, long maxBytes)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "The model file was not found.");
        }

        var length = new FileInfo(path).Length;
        if (length == 0 || length > maxBytes)
        {
            throw new ModelFileException(path, length == 0 ? "The model file is empty (or not a regular file)." : $"The model file is {length:N0} bytes, more than Declarative reads.");
        }

        var manifest = ManifestBeside(spec, path);
        var bytes = File.ReadAllBytes(path);
        CheckHash(path, ArtifactHash.Of(bytes), manifest?.ModelHash, "model file");
        return bytes;
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Only read outside native apps, which have the app's directory first anyway.")]
    private static string AssemblyLocation(Type type) => type.Assembly.Location;
}
