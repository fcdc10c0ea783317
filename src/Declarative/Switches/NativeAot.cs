using System.Diagnostics.CodeAnalysis;

namespace Declarative;

/// <summary>
/// Whether this app is a Native AOT app, where ML.NET cannot run and only the portable scorer predicts. The build logic
/// sets the switch for projects with <c>PublishAot</c>, as a trimming feature switch: the AOT compiler reads it as the
/// constant <see langword="true"/> and drops every ML.NET branch it guards, so a native app compiles none of ML.NET.
/// A JIT run of such a project (<c>dotnet run</c>) behaves as the native app will; the build's training host turns it off.
/// </summary>
internal static class NativeAot
{
    /// <summary>The switch's name, as <c>build/Declarative.targets</c> sets it.</summary>
    public const string Switch = DeclarativeSwitches.PortableScorerOnly;

    /// <summary>True when only the portable scorer may run.</summary>
#if NET9_0_OR_GREATER
    [FeatureSwitchDefinition(Switch)]
#endif
    public static bool PortableScorerOnly { get; } = AppContext.TryGetSwitch(Switch, out var on) && on;
}
