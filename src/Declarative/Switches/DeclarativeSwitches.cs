namespace Declarative;

/// <summary>
/// <see cref="AppContext"/> switches of Declarative: set them with <see cref="AppContext.SetSwitch"/> before loading a
/// model, or as <c>&lt;RuntimeHostConfigurationOption Include="..." Value="true" /&gt;</c> in the app's project.
/// </summary>
public static class DeclarativeSwitches
{
    /// <summary>
    /// Keeps the predictions of models loaded or trained after it is set on ML.NET's engine rather than Declarative's
    /// portable scorer (to compare the two, or to rule the scorer out). Native AOT apps ignore it: they have only the scorer.
    /// </summary>
    public const string UseMLNetEngine = "Declarative.UseMLNetEngine";

    /// <summary>
    /// Set by the build for projects with <c>PublishAot</c>: only the portable scorer predicts, as in the native app
    /// (where the AOT compiler reads it as a constant and compiles none of ML.NET). A JIT run of such a project may turn
    /// it off before any model type is used, to predict through ML.NET for comparison.
    /// </summary>
    public const string PortableScorerOnly = "Declarative.PortableScorerOnly";
}
