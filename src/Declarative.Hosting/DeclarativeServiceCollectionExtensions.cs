using Declarative;
using Declarative.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Declarative models in a service collection.</summary>
public static class DeclarativeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DeclarativeModel{TModel}"/> as a singleton (loaded on first use, from beside the app unless
    /// <see cref="DeclarativeModelOptions.ModelPath"/> says otherwise) and <typeparamref name="TModel"/> itself as the
    /// current model, so a handler can take either: <c>(IncomeModel model, Adult row) =&gt; model.Predict(row)</c>.
    /// </summary>
    /// <typeparam name="TModel">The generated pipeline class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options: the model file, reload on change.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddDeclarativeModel<TModel>(this IServiceCollection services, Action<DeclarativeModelOptions>? configure = null)
        where TModel : class, IDeclaredModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new DeclarativeModelOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(provider => new DeclarativeModel<TModel>(options, provider.GetService<ILogger<DeclarativeModel<TModel>>>()));

        // Transient: each resolution is the model of that moment, so a request started before a reload keeps its model.
        services.TryAddTransient(provider => provider.GetRequiredService<DeclarativeModel<TModel>>().Current);
        return services;
    }

    /// <summary>
    /// Adds a health check of the model registered by <c>AddDeclarativeModel&lt;TModel&gt;()</c>: its pipeline, trainer,
    /// hashes and load time; degraded while a changed model file could not be loaded.
    /// </summary>
    /// <typeparam name="TModel">The generated pipeline class.</typeparam>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; the pipeline's name by default.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddDeclarativeModelCheck<TModel>(this IHealthChecksBuilder builder, string? name = null)
        where TModel : class, IDeclaredModel<TModel>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTypeActivatedCheck<DeclarativeModelHealthCheck<TModel>>(name ?? TModel.DeclaredSpec.Name);
    }
}
