using System.Security.Cryptography;
using Declarative.Artifacts;

namespace Declarative.Hosting;

/// <summary>One loaded model with what the health check reports about it; replaced whole on reload.</summary>
/// <typeparam name="TModel">The generated pipeline class.</typeparam>
/// <param name="Model">The model.</param>
/// <param name="LoadedAt">When it was loaded.</param>
/// <param name="LoadTime">How long loading took.</param>
/// <param name="ModelHash">The SHA-256 of the model file, as lowercase hex.</param>
/// <param name="Manifest">The build's manifest beside the file, when there is one.</param>
internal sealed record LoadedModel<TModel>(TModel Model, DateTimeOffset LoadedAt, TimeSpan LoadTime, string ModelHash, ModelManifest? Manifest)
    where TModel : class, IDeclaredModel<TModel>
{
    public static LoadedModel<TModel> Load(string path, TimeProvider time)
    {
        var started = time.GetTimestamp();
        var model = TModel.Load(path);
        var elapsed = time.GetElapsedTime(started);
        using var file = File.OpenRead(path);
        var hash = Convert.ToHexString(SHA256.HashData(file)).ToLowerInvariant();
        var manifest = ModelManifest.TryRead(Path.Combine(Path.GetDirectoryName(path)!, ModelArtifacts.ManifestFileName(TModel.DeclaredSpec.Name)));
        return new LoadedModel<TModel>(model, time.GetUtcNow(), elapsed, hash, manifest);
    }
}
