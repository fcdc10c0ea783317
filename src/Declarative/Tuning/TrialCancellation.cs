using System.Reflection;
using Microsoft.ML;

namespace Declarative.Tuning;

/// <summary>
/// Stops a running ML.NET fit. ML.NET 5.0.1 has <c>MLContext.CancelExecution()</c> but only as a non-public member (its
/// public face is in the Microsoft.ML.Experimental package, which is not available here), so it is found by
/// reflection; a test pins that it is there. Without it a trial runs to its end, as before.
/// </summary>
internal static class TrialCancellation
{
    internal static readonly MethodInfo? CancelExecution =
        typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);

    /// <summary>Asks everything running in <paramref name="context"/> to stop; it throws from where it was.</summary>
    public static void Cancel(MLContext context) => CancelExecution?.Invoke(context, null);
}
