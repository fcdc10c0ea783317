using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Declarative.Hosting;

/// <summary>
/// Reports the served model: healthy with its pipeline, trainer, hashes and load time; degraded when the newest model
/// file could not be loaded (the previous model is still served); unhealthy when no model could be loaded at all.
/// </summary>
internal sealed class DeclarativeModelHealthCheck<TModel>(IServiceProvider services) : IHealthCheck
    where TModel : class, IDeclaredModel<TModel>
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        DeclarativeModel<TModel> model;
        try
        {
            // Resolved here, not in the constructor: a model that fails to load is an unhealthy result, not a failing check.
            model = services.GetRequiredService<DeclarativeModel<TModel>>();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The model of {TModel.DeclaredSpec.Name} could not be loaded: {e.Message}", e));
        }

        var pipeline = model.Current.TrainedPipeline;
        var data = new Dictionary<string, object>
        {
            ["pipeline"] = model.Name,
            ["trainer"] = pipeline.Trainer.ToString(),
            ["modelPath"] = model.ModelPath,
            ["modelHash"] = model.ModelHash,
            ["declarationHash"] = TModel.DeclaredSpec.DeclarationHash,
            ["loadedAt"] = model.LoadedAt.ToString("O", CultureInfo.InvariantCulture),
            ["loadMilliseconds"] = Math.Round(model.LoadTime.TotalMilliseconds, 1),
            ["reloads"] = model.Reloads,
        };
        if (model.Manifest is { } manifest)
        {
            data["dataHash"] = manifest.DataHash;
            data["trainedWith"] = $"Declarative {manifest.DeclarativeVersion}, ML.NET {manifest.MLNetVersion}";
        }

        if (model.LastReloadError is { } error)
        {
            data["lastReloadError"] = error;
            return Task.FromResult(HealthCheckResult.Degraded(
                $"The newest model file of {model.Name} could not be loaded; the model loaded at {data["loadedAt"]} is still served.", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{model.Name} ({pipeline.Trainer}) is loaded.", data));
    }
}
